import Link from "next/link";

/**
 * A trace id the project has no trace of: one not ingested (yet), or deleted. Dataset items and
 * run items keep links to traces that were deleted, so this is a normal destination.
 */
export default function TraceNotFound() {
  return (
    <div className="space-y-2 py-10 text-center" data-testid="trace-not-found">
      <h1 className="text-lg font-semibold">Trace not found</h1>
      <p className="text-sm text-zinc-500">
        This project has no trace with this id: it has not been ingested yet, or it was deleted.
      </p>
      <Link href="../traces" className="text-sm text-indigo-600 hover:underline">
        Back to traces
      </Link>
    </div>
  );
}
