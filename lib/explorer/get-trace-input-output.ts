import { getSql, type Sql } from "@/lib/db/sql";

import type { TraceInputOutput } from "./types";

interface TraceInputOutputRecord {
  input: unknown;
  output: unknown;
}

/**
 * A trace's own input and output: those set for the trace (`langfuse.trace.input|output` on any
 * of its spans) or else its root span's. Null when the project has no such trace.
 */
export async function getTraceInputOutput(
  projectId: string,
  traceId: string,
  sql: Sql = getSql(),
): Promise<TraceInputOutput | null> {
  const [row] = await sql<TraceInputOutputRecord[]>`
    SELECT "input", "output" FROM "traces"
    WHERE "project_id" = ${projectId} AND "trace_id" = ${traceId}`;
  if (!row) return null;
  return { input: row.input ?? null, output: row.output ?? null };
}
