import Link from "next/link";

/** The trace page of an item's source, with the span selected when the source is a span. */
export function sourceHref(projectId: string, traceId: string, observationId: string | null) {
  const base = `/project/${projectId}/traces/${encodeURIComponent(traceId)}`;
  return observationId ? `${base}?span=${encodeURIComponent(observationId)}` : base;
}

/** A link back to the trace or span an item was made from, or a dash when it has none. */
export function SourceLink({
  projectId,
  traceId,
  observationId,
}: {
  projectId: string;
  traceId: string | null;
  observationId: string | null;
}) {
  if (!traceId) return <span className="text-zinc-400">–</span>;
  return (
    <Link
      href={sourceHref(projectId, traceId, observationId)}
      className="font-mono text-xs text-indigo-600 hover:underline dark:text-indigo-400"
      data-testid="item-source-link"
    >
      {observationId ? `span ${observationId.slice(0, 8)}` : `trace ${traceId.slice(0, 8)}`}
    </Link>
  );
}
