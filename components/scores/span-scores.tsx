"use client";

import { ScorePanel } from "./score-panel";

/** The selected span's scores, folded to one line so the payloads stay in view. */
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
    <div className="mb-3 rounded-md border border-zinc-200 px-2 py-1.5 dark:border-zinc-800">
      <ScorePanel
        key={spanId}
        projectId={projectId}
        traceId={traceId}
        observationId={spanId}
        title="Span scores"
        collapsible
      />
    </div>
  );
}
