"use client";

import { useSyncExternalStore } from "react";

import type { TraceListRow } from "@/lib/explorer/types";
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

/** One trace's score of a name: its label (categorical) or its average, with the count. */
export function ScoreCell({ row, name }: { row: TraceListRow; name: string }) {
  const cell = row.scores?.[name];
  if (!cell) return <span className="text-zinc-400">–</span>;
  const shown =
    cell.label ?? (cell.average === null ? "–" : String(Number(cell.average.toPrecision(3))));
  return (
    <span
      className="font-mono tabular-nums"
      title={countOf(cell.count, "score")}
      data-testid="score-cell"
      data-score-name={name}
    >
      {shown}
      {cell.count > 1 ? (
        <span className="ml-1 text-[10px] text-zinc-400">×{cell.count}</span>
      ) : null}
    </span>
  );
}
