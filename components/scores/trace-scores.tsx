"use client";

import { ScorePanel } from "./score-panel";

/** The trace page's scoring card: scores of the whole trace, with keyboard shortcuts. */
export function TraceScores({ projectId, traceId }: { projectId: string; traceId: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <ScorePanel
        projectId={projectId}
        traceId={traceId}
        observationId={null}
        shortcuts
        title="Trace scores"
      />
    </div>
  );
}
