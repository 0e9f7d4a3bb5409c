"use client";

import { ScorePanel } from "./score-panel";

/** The selected span's scores, folded away under a summary so the payloads stay in view. */
export function SpanScores({
  projectId,
  traceId,
  spanId,
}: {
  projectId: string;
  traceId: string;
  spanId: string;
}) {
  return (
    <details className="mb-4 rounded-md border border-zinc-200 p-2 dark:border-zinc-800" open>
      <summary className="cursor-pointer text-xs font-semibold text-zinc-600 dark:text-zinc-300">
        Scores of this span
      </summary>
      <div className="mt-2">
        <ScorePanel
          key={spanId}
          projectId={projectId}
          traceId={traceId}
          observationId={spanId}
          title="Span scores"
        />
      </div>
    </details>
  );
}
