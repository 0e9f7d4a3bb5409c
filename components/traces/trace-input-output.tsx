import type { TraceInputOutput } from "@/lib/explorer/types";
import { PayloadView } from "./payload-view";

function PayloadColumn({ title, value }: { title: string; value: unknown }) {
  return (
    <section className="min-w-0 space-y-1.5" aria-label={title}>
      <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{title}</h3>
      <div className="max-h-96 overflow-y-auto">
        <PayloadView value={value} />
      </div>
    </section>
  );
}

/**
 * The trace's own input and output above the tree. They may come from no span's payload at all
 * (`langfuse.trace.input|output`), so the span panel alone would never show them.
 */
export function TraceInputOutputPanel({ payload }: { payload: TraceInputOutput }) {
  if (payload.input === null && payload.output === null) return null;
  return (
    <details
      open
      className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      data-testid="trace-input-output"
    >
      <summary className="cursor-pointer px-4 py-2 text-sm font-semibold select-none">
        Trace input and output
      </summary>
      <div className="grid gap-4 border-t border-zinc-200 p-4 lg:grid-cols-2 dark:border-zinc-800">
        <PayloadColumn title="Trace input" value={payload.input} />
        <PayloadColumn title="Trace output" value={payload.output} />
      </div>
    </details>
  );
}
