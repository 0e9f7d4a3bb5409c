import type postgres from "postgres";

import { getSql, type Sql } from "../db/sql";
import { buildFilterConditions } from "../explorer/list-traces";
import { parseTraceListQuery } from "../explorer/trace-list-query";

// Limitation: a filter matching very many traces is queued by one statement; the form shows
// "Queuing traces…" until it returns, with no percentage. Batches with a progress poll would
// need a job (pg-boss) and a resumable cursor over the filter.
/**
 * Queues every trace of the project matching a traces-list filter (its URL query), in one
 * INSERT … SELECT: a trace already in the queue is left as it is (ON CONFLICT DO NOTHING), so
 * nothing is queued twice however often the filter is added. Returns how many were added.
 */
export async function addTracesByFilter(
  projectId: string,
  queueId: string,
  filter: string,
  options: { now?: Date; sql?: Sql } = {},
): Promise<number> {
  const sql = options.sql ?? getSql();
  const query = parseTraceListQuery(new URLSearchParams(filter));
  const conditions = buildFilterConditions(sql, projectId, query, options.now ?? new Date());
  const where = conditions.reduce((joined, condition) => sql`${joined} AND ${condition}`);
  return insertItems(sql, projectId, queueId, where);
}

/** Queues the given traces of the project (unknown ids are skipped), each at most once. */
export async function addTracesByIds(
  projectId: string,
  queueId: string,
  traceIds: readonly string[],
  sql: Sql = getSql(),
): Promise<number> {
  if (traceIds.length === 0) return 0;
  const ids = [...new Set(traceIds.map((id) => id.toLowerCase()))];
  return insertItems(
    sql,
    projectId,
    queueId,
    sql`t."project_id" = ${projectId} AND t."trace_id" = ANY(${ids}::text[])`,
  );
}

// Items are reviewed in createdAt order; a millisecond per row keeps the list's order (newest
// trace first) within one insert.
async function insertItems(
  sql: Sql,
  projectId: string,
  queueId: string,
  where: postgres.Fragment,
): Promise<number> {
  const result = await sql`
    INSERT INTO "AnnotationQueueItem"
      ("id", "queueId", "projectId", "objectType", "traceId", "observationId", "status", "createdAt")
    SELECT gen_random_uuid()::text, ${queueId}, ${projectId}, 'TRACE', t."trace_id", '', 'PENDING',
      (now() AT TIME ZONE 'UTC')
        + row_number() OVER (ORDER BY t."start_time" DESC, t."trace_id" DESC)
          * interval '1 millisecond'
    FROM "traces" AS t
    WHERE ${where}
    ON CONFLICT ("queueId", "traceId", "observationId") DO NOTHING`;
  return result.count;
}
