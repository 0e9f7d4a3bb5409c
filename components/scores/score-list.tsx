"use client";

import { DisplayTime } from "@/components/explorer/time-zone";
import type { AnnotatedScore } from "@/lib/scores/annotation-scores";

const SOURCE_CLASS: Record<string, string> = {
  ANNOTATION: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  EVAL: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
  API: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

/** A score's value as shown: the label when it has one, else the number. */
export function displayScoreValue(score: { value: number | null; stringValue: string | null }) {
  if (score.stringValue !== null) return score.stringValue;
  return score.value === null ? "–" : String(Number(score.value.toPrecision(6)));
}

function authorOf(score: AnnotatedScore): string {
  if (score.authorName) return score.authorName;
  if (score.source === "EVAL") return "judge";
  return score.source === "API" ? "API" : "unknown";
}

/** Who scored what and when; the reviewer's own scores (or any, for admins) can be deleted. */
export function ScoreList({
  scores,
  canDelete,
  onDelete,
}: {
  scores: AnnotatedScore[];
  canDelete: (score: AnnotatedScore) => boolean;
  onDelete: (score: AnnotatedScore) => void;
}) {
  if (scores.length === 0) {
    return <p className="text-xs text-zinc-500">No scores yet.</p>;
  }
  return (
    <ul className="divide-y divide-zinc-100 text-xs dark:divide-zinc-800" data-testid="score-list">
      {scores.map((score) => (
        <li
          key={score.id}
          className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 py-1"
          data-testid="score-row"
          data-score-name={score.name}
        >
          <span className="font-medium">{score.name}</span>
          <span className="font-mono" data-testid="score-value">
            {displayScoreValue(score)}
          </span>
          <span
            className={`rounded px-1 text-[10px] font-semibold ${SOURCE_CLASS[score.source] ?? ""}`}
          >
            {score.source}
          </span>
          <span className="text-zinc-500" data-testid="score-author">
            {authorOf(score)}
          </span>
          <span className="text-zinc-400">
            <DisplayTime iso={score.timestamp} />
          </span>
          {canDelete(score) ? (
            <button
              type="button"
              className="ml-auto text-[11px] text-red-600 hover:underline"
              aria-label={`Delete score ${score.name}`}
              onClick={() => onDelete(score)}
            >
              Delete
            </button>
          ) : null}
          {score.comment ? (
            <p className="w-full whitespace-pre-wrap text-zinc-600 dark:text-zinc-400">
              {score.comment}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
