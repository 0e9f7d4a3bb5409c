import { getSql } from "@/lib/db/sql";

/** The trace of an ingested span of the project, or null when none is stored (yet). */
export async function findTraceOfSpan(projectId: string, spanId: string): Promise<string | null> {
  const sql = getSql();
  const rows = await sql<{ trace_id: string }[]>`
    SELECT "trace_id" FROM "spans"
    WHERE "project_id" = ${projectId} AND "span_id" = ${spanId.toLowerCase()}
    LIMIT 1`;
  return rows[0]?.trace_id ?? null;
}

/** The traces holding a span id in the project (span ids are unique only within a trace). */
export async function findTracesOfSpan(projectId: string, spanId: string): Promise<string[]> {
  const sql = getSql();
  const rows = await sql<{ trace_id: string }[]>`
    SELECT DISTINCT "trace_id" FROM "spans"
    WHERE "project_id" = ${projectId} AND "span_id" = ${spanId.toLowerCase()}
    LIMIT 10`;
  return rows.map((row) => row.trace_id);
}
