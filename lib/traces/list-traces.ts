import { getSql } from "@/lib/db/sql";

import type { ListTracesQuery } from "./list-traces-query";
import { TRACE_FILTER_COLUMNS } from "./public-filter-columns";
import { filterConditionsSql } from "./public-filter-sql";
import { traceColumns } from "./trace-columns";
import { decodeTraceCursor, encodeTraceCursor } from "./trace-cursor";
import { toTraceResponse, type TraceResponse, type TraceRow } from "./trace-fields";
import { afterCursorCondition, orderByClause, orderValueColumn } from "./trace-order";

/** A listed trace with the ids of its observations and scores, as Langfuse lists them. */
export type ListedTrace = TraceResponse & { observations?: string[]; scores?: string[] };

export interface TraceListPage {
  data: ListedTrace[];
  meta: {
    limit: number;
    nextCursor: string | null;
    page?: number;
    totalItems?: number;
    totalPages?: number;
  };
}

/**
 * Lists a project's traces in the order asked for (newest first by default), the trace id
 * breaking ties so that pages are stable when many traces share a value. `cursor` pages by
 * keyset. Without a cursor the
 * reply is also a Langfuse page (`page`, default 1, with totalItems and totalPages, which
 * Langfuse clients require) and carries the cursor of the next page.
 */
export async function listTraces(
  projectId: string,
  query: ListTracesQuery,
): Promise<TraceListPage> {
  const sql = getSql();
  const order = query.orderBy;
  const cursor = query.cursor ? decodeTraceCursor(query.cursor, order) : null;
  const fieldGroups = query.fields?.split(",");
  const withIo = !fieldGroups || fieldGroups.includes("io");
  const filters = buildFilters(projectId, query);

  const after = cursor ? afterCursorCondition(sql, order, cursor) : sql``;
  const pageNumber = cursor ? null : (query.page ?? 1);
  const offset = pageNumber ? (pageNumber - 1) * query.limit : 0;

  const rows = await sql<Array<TraceRow & { order_value: string }>>`
    SELECT ${traceColumns(sql, { withIo })}, ${orderValueColumn(sql, order)}
    FROM traces AS t
    WHERE ${filters} ${after}
    ORDER BY ${orderByClause(sql, order)}
    LIMIT ${query.limit + 1} OFFSET ${offset}`;

  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last
      ? encodeTraceCursor({ value: last.order_value, traceId: last.trace_id }, order)
      : null;

  const meta: TraceListPage["meta"] = { limit: query.limit, nextCursor };
  // Limitation: Langfuse's page paging is offset-based (slow on deep pages) and its totals cost
  // a count over the filtered traces on every cursorless call; the cursor is the scalable way.
  if (pageNumber) {
    const [count] = await sql<{ total: bigint }[]>`
      SELECT count(*) AS total FROM traces AS t WHERE ${filters}`;
    const totalItems = Number(count?.total ?? 0);
    Object.assign(meta, {
      page: pageNumber,
      totalItems,
      totalPages: Math.ceil(totalItems / query.limit),
    });
  }
  const traces = page.map((row) => toTraceResponse(projectId, row));
  const ids = page.map((row) => row.trace_id);
  const [observations, scores] = await Promise.all([
    !fieldGroups || fieldGroups.includes("observations") ? observationIds(projectId, ids) : null,
    !fieldGroups || fieldGroups.includes("scores") ? scoreIds(projectId, ids) : null,
  ]);
  const data = traces.map((trace): ListedTrace => ({
    ...trace,
    ...(observations ? { observations: observations.get(trace.id) ?? [] } : {}),
    ...(scores ? { scores: scores.get(trace.id) ?? [] } : {}),
  }));
  return { data, meta };
}

/** The span ids of each listed trace, in start order. */
async function observationIds(projectId: string, traceIds: string[]) {
  if (traceIds.length === 0) return new Map<string, string[]>();
  const rows = await getSql()<{ trace_id: string; ids: string[] }[]>`
    SELECT s.trace_id, array_agg(s.span_id ORDER BY s.start_ns, s.span_id) AS ids
    FROM spans AS s
    WHERE s.project_id = ${projectId} AND s.trace_id = ANY(${traceIds}::text[])
    GROUP BY s.trace_id`;
  return new Map(rows.map((row) => [row.trace_id, row.ids]));
}

/** The score ids of each listed trace (trace, observation and queue scores alike). */
async function scoreIds(projectId: string, traceIds: string[]) {
  if (traceIds.length === 0) return new Map<string, string[]>();
  const rows = await getSql()<{ traceId: string; ids: string[] }[]>`
    SELECT s."traceId", array_agg(s."id" ORDER BY s."timestamp", s."id") AS ids
    FROM "Score" AS s
    WHERE s."projectId" = ${projectId} AND s."traceId" = ANY(${traceIds}::text[])
    GROUP BY s."traceId"`;
  return new Map(rows.map((row) => [row.traceId, row.ids]));
}

function buildFilters(projectId: string, query: ListTracesQuery) {
  const sql = getSql();
  const equals = (column: string, value: string | undefined) =>
    value === undefined ? sql`` : sql`AND ${sql(column)} = ${value}`;
  const environmentFilter =
    query.environment.length > 0
      ? sql`AND t.environment = ANY(${query.environment}::text[])`
      : sql``;
  const conditions = filterConditionsSql(sql, TRACE_FILTER_COLUMNS, query.filter ?? []).reduce(
    (joined, condition) => sql`${joined} AND ${condition}`,
    sql``,
  );

  return sql`t.project_id = ${projectId}
    ${query.fromTimestamp ? sql`AND t.start_time >= ${query.fromTimestamp}::timestamptz` : sql``}
    ${query.toTimestamp ? sql`AND t.start_time < ${query.toTimestamp}::timestamptz` : sql``}
    ${equals("name", query.name)}
    ${equals("user_id", query.userId)}
    ${equals("session_id", query.sessionId)}
    ${equals("feature", query.feature)}
    ${equals("release", query.release)}
    ${equals("version", query.version)}
    ${environmentFilter}
    ${query.tags.length > 0 ? sql`AND t.tags @> ${query.tags}::text[]` : sql``}
    ${conditions}`;
}
