"use client";

import { ScorePanel } from "./score-panel";

/** The trace page's scoring card: a one-line summary, opened by click or a shortcut key. */
export function TraceScores({ projectId, traceId }: { projectId: string; traceId: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900">
      <ScorePanel
        projectId={projectId}
        traceId={traceId}
        observationId={null}
        shortcuts
        wide
        collapsible
        title="Trace scores"
      />
    </div>
  );
}
