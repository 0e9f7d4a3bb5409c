"use client";

import { useSyncExternalStore } from "react";

import type { TraceListRow } from "@/lib/explorer/types";
import { formatLabelCounts, formatScoreNumber, rankLabels } from "@/lib/scores/score-summary";
import { countOf } from "@/lib/text/plural";

const STORAGE_KEY = "sightline.traceScoreColumns";
const CHANGE_EVENT = "sightline:score-columns";

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

function readSnapshot(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? "";
  } catch {
    return "";
  }
}

function parseNames(snapshot: string): string[] {
  try {
    const parsed: unknown = JSON.parse(snapshot || "[]");
    return Array.isArray(parsed) ? parsed.filter((name) => typeof name === "string") : [];
  } catch {
    return [];
  }
}

/** The score names shown as list columns (kept in this browser, like the other columns). */
export function useVisibleScoreColumns(): [string[], (names: string[]) => void] {
  const snapshot = useSyncExternalStore(subscribe, readSnapshot, () => "");
  const names = parseNames(snapshot);
  const save = (next: string[]) => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Without storage (e.g. blocked by the browser) the choice cannot be kept.
    }
    window.dispatchEvent(new Event(CHANGE_EVENT));
  };
  return [names, save];
}

/**
 * One trace's scores of a name: the most given label (with how many of all gave it when they
 * disagree) or the average, with the count; the tooltip lists every label.
 */
export function ScoreCell({ row, name }: { row: TraceListRow; name: string }) {
  const cell = row.scores?.[name];
  if (!cell) return <span className="text-zinc-400">–</span>;
  const [top] = cell.labels ? rankLabels(cell.labels) : [];
  const shown = top ? top[0] : cell.average === null ? "–" : formatScoreNumber(cell.average);
  const agreeing = top ? top[1] : cell.count;
  const counted = countOf(cell.count, "score");
  return (
    <span
      className="font-mono tabular-nums"
      title={cell.labels ? `${formatLabelCounts(cell.labels)} (${counted})` : counted}
      data-testid="score-cell"
      data-score-name={name}
    >
      {shown}
      {cell.count > 1 ? (
        <span className="ml-1 text-[10px] text-zinc-400">
          {agreeing === cell.count ? `×${cell.count}` : `${agreeing}/${cell.count}`}
        </span>
      ) : null}
    </span>
  );
}
