import type postgres from "postgres";

import { getSql, type Sql } from "../db/sql";
import { buildFilterConditions } from "../explorer/list-traces";
import { parseTraceListQuery } from "../explorer/trace-list-query";

/**
 * Queues the traces of the project matching a traces-list filter (its URL query), in one
 * INSERT … SELECT: a trace already in the queue is left as it is (ON CONFLICT DO NOTHING), so
 * nothing is queued twice however often the filter is added. With `limit`, only the newest
 * `limit` traces not queued yet are added, so a caller can fill a large queue in batches and
 * show progress. Returns how many were added.
 */
export async function addTracesByFilter(
  projectId: string,
  queueId: string,
  filter: string,
  options: { now?: Date; sql?: Sql; limit?: number | null } = {},
): Promise<number> {
  const sql = options.sql ?? getSql();
  const where = filterCondition(sql, projectId, filter, options.now ?? new Date());
  return insertItems(sql, projectId, queueId, where, options.limit ?? null);
}

/** How many traces of the project match a traces-list filter (the size of a queue from it). */
export async function countTracesByFilter(
  projectId: string,
  filter: string,
  sql: Sql = getSql(),
): Promise<number> {
  const where = filterCondition(sql, projectId, filter, new Date());
  const [row] = await sql<{ count: string }[]>`
    SELECT count(*) AS count FROM "traces" AS t WHERE ${where}`;
  return Number(row?.count ?? 0);
}

function filterCondition(sql: Sql, projectId: string, filter: string, now: Date) {
  const query = parseTraceListQuery(new URLSearchParams(filter));
  const conditions = buildFilterConditions(sql, projectId, query, now);
  return conditions.reduce((joined, condition) => sql`${joined} AND ${condition}`);
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
    null,
  );
}

// Items are reviewed in createdAt order; a millisecond per row keeps the list's order (newest
// trace first) within one insert.
async function insertItems(
  sql: Sql,
  projectId: string,
  queueId: string,
  where: postgres.Fragment,
  limit: number | null,
): Promise<number> {
  // LIMIT NULL is no limit. The NOT EXISTS only matters for a limited batch: without it a batch
  // could pick traces already queued and add nothing.
  const notQueued = sql`
    AND NOT EXISTS (
      SELECT 1 FROM "AnnotationQueueItem" AS i
      WHERE i."queueId" = ${queueId} AND i."traceId" = t."trace_id" AND i."observationId" = ''
    )`;
  const result = await sql`
    INSERT INTO "AnnotationQueueItem"
      ("id", "queueId", "projectId", "objectType", "traceId", "observationId", "status",
        "createdAt")
    SELECT gen_random_uuid()::text, ${queueId}, ${projectId}, 'TRACE', t."trace_id", '', 'PENDING',
      (now() AT TIME ZONE 'UTC')
        + row_number() OVER (ORDER BY t."start_time" DESC, t."trace_id" DESC)
          * interval '1 millisecond'
    FROM (
      SELECT t."trace_id", t."start_time" FROM "traces" AS t
      WHERE ${where}
        ${limit === null ? sql`` : notQueued}
      ORDER BY t."start_time" DESC, t."trace_id" DESC
      LIMIT ${limit}
    ) AS t
    ON CONFLICT ("queueId", "traceId", "observationId") DO NOTHING`;
  return result.count;
}
