import type postgres from "postgres";

import { getSql, type Sql } from "@/lib/db/sql";

import { loadTraceScoreCells, scoreFilterCondition } from "@/lib/scores/trace-score-cells";

import { decodeCursor, encodeCursor } from "./keyset-cursor";
import { resolveTimeRange } from "./time-range";
import { traceSearchCondition } from "./trace-search";
import type { TraceListQuery, TraceSortKey } from "./trace-list-query";
import type { TraceListPage, TraceListRow } from "./types";

type Fragment = postgres.Fragment;

interface SortColumn {
  /** The ordered expression, matching an index of prisma/migrations (…_explorer_search). */
  expression: (sql: Sql) => Fragment;
  /** The same value read back from the cursor's text. */
  fromCursor: (sql: Sql, text: string) => Fragment;
}

const SORT_COLUMNS: Record<TraceSortKey, SortColumn> = {
  time: {
    expression: (sql) => sql`t."start_time"`,
    fromCursor: (sql, text) => sql`${text}::timestamptz`,
  },
  latency: {
    expression: (sql) => sql`t."duration_ns"`,
    fromCursor: (sql, text) => sql`${text}::bigint`,
  },
  tokens: {
    expression: (sql) => sql`t."total_tokens"`,
    fromCursor: (sql, text) => sql`${text}::bigint`,
  },
  // Unpriced traces (null cost) sort as -1: below free ones, and never a NULL in a row compare.
  cost: {
    expression: (sql) => sql`COALESCE(t."total_cost", -1)`,
    fromCursor: (sql, text) => sql`${text}::numeric`,
  },
};

/** Characters of the input/output preview shown in the list. */
const PREVIEW_CHARS = 240;

/**
 * One page of a project's traces, filtered and sorted as the query says, with a keyset cursor
 * over (sort value, trace id) so that rows sharing a sort value are neither skipped nor repeated.
 */
export async function listTraces(
  projectId: string,
  query: TraceListQuery,
  options: { now?: Date; sql?: Sql } = {},
): Promise<TraceListPage> {
  const sql = options.sql ?? getSql();
  const sort = SORT_COLUMNS[query.sort];
  const descending = query.order === "desc";

  const conditions = buildFilterConditions(sql, projectId, query, options.now ?? new Date());
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, query.sort);
    const value = cursor.value === null ? sql`NULL` : sort.fromCursor(sql, cursor.value);
    conditions.push(
      descending
        ? sql`(${sort.expression(sql)}, t."trace_id") < (${value}, ${cursor.id})`
        : sql`(${sort.expression(sql)}, t."trace_id") > (${value}, ${cursor.id})`,
    );
  }

  const direction = descending ? sql`DESC` : sql`ASC`;
  const rows = await sql<TraceRowRecord[]>`
    SELECT t."trace_id", t."name", t."start_time", t."user_id", t."session_id", t."feature",
      t."tags", t."environment", t."release", t."models", t."level",
      t."error_count", t."span_count",
      (t."duration_ns" / 1000)::float8 / 1000 AS latency_ms,
      t."input_tokens"::float8 AS input_tokens,
      t."output_tokens"::float8 AS output_tokens,
      t."total_tokens"::float8 AS total_tokens,
      trim_scale(t."total_cost")::text AS total_cost,
      ${sort.expression(sql)}::text AS sort_value,
      ${previewOf(sql, sql`t."input"`)} AS input_preview,
      ${previewOf(sql, sql`t."output"`)} AS output_preview
    FROM "traces" AS t
    WHERE ${joinConditions(sql, conditions)}
    ORDER BY ${sort.expression(sql)} ${direction}, t."trace_id" ${direction}
    LIMIT ${query.limit + 1}`;

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({ sort: query.sort, value: last.sort_value, id: last.trace_id })
      : null;
  const scores = await loadTraceScoreCells(
    projectId,
    page.map((row) => row.trace_id),
    sql,
  );
  return {
    rows: page.map((row) => ({ ...toListRow(row), scores: scores.get(row.trace_id) ?? {} })),
    nextCursor,
  };
}

/** How many of a project's traces match the query's filters (cursor and page size aside). */
export async function countTraces(
  projectId: string,
  query: TraceListQuery,
  options: { now?: Date; sql?: Sql } = {},
): Promise<number> {
  const sql = options.sql ?? getSql();
  const conditions = buildFilterConditions(sql, projectId, query, options.now ?? new Date());
  const [row] = await sql<{ total: number }[]>`
    SELECT count(*)::int AS total FROM "traces" AS t WHERE ${joinConditions(sql, conditions)}`;
  return row?.total ?? 0;
}

/** True when the project has at least one trace (tells "no data yet" from "no match"). */
export async function projectHasTraces(projectId: string, sql: Sql = getSql()): Promise<boolean> {
  const rows = await sql`SELECT 1 FROM "traces" WHERE "project_id" = ${projectId} LIMIT 1`;
  return rows.length > 0;
}

interface TraceRowRecord {
  trace_id: string;
  name: string | null;
  start_time: Date;
  user_id: string | null;
  session_id: string | null;
  feature: string | null;
  tags: string[];
  environment: string | null;
  release: string | null;
  models: string[];
  level: string;
  error_count: number;
  span_count: number;
  latency_ms: number;
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  total_cost: string | null;
  sort_value: string | null;
  input_preview: string | null;
  output_preview: string | null;
}

function toListRow(row: TraceRowRecord): TraceListRow {
  return {
    traceId: row.trace_id,
    name: row.name,
    startTime: row.start_time.toISOString(),
    userId: row.user_id,
    sessionId: row.session_id,
    feature: row.feature,
    tags: row.tags,
    environment: row.environment,
    release: row.release,
    models: row.models,
    latencyMs: row.latency_ms,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    totalTokens: row.total_tokens,
    totalCost: row.total_cost,
    spanCount: row.span_count,
    errorCount: row.error_count,
    level: row.level,
    inputPreview: row.input_preview,
    outputPreview: row.output_preview,
  };
}

/** Every WHERE condition of the query but the cursor, each on the `traces` alias `t`. */
export function buildFilterConditions(
  sql: Sql,
  projectId: string,
  query: TraceListQuery,
  now: Date,
): Fragment[] {
  const conditions: Fragment[] = [sql`t."project_id" = ${projectId}`];

  const range = resolveTimeRange(query.range, query, now);
  if (range.from) conditions.push(sql`t."start_time" >= ${range.from.toISOString()}::timestamptz`);
  if (range.to) conditions.push(sql`t."start_time" < ${range.to.toISOString()}::timestamptz`);

  if (query.name) conditions.push(sql`t."name" = ${query.name}`);
  if (query.user) conditions.push(sql`t."user_id" = ${query.user}`);
  if (query.session) conditions.push(sql`t."session_id" = ${query.session}`);
  if (query.feature) conditions.push(sql`t."feature" = ${query.feature}`);
  if (query.env) conditions.push(sql`t."environment" = ${query.env}`);
  if (query.release) conditions.push(sql`t."release" = ${query.release}`);
  if (query.model) conditions.push(sql`t."models" @> ARRAY[${query.model}]::text[]`);
  if (query.tag.length > 0) conditions.push(sql`t."tags" @> ${query.tag}::text[]`);

  if (query.status === "error") conditions.push(sql`t."error_count" > 0`);
  if (query.status === "ok") conditions.push(sql`t."error_count" = 0`);

  if (query.minLatency !== undefined) {
    conditions.push(sql`t."duration_ns" >= ${millisToNanos(query.minLatency)}::bigint`);
  }
  if (query.maxLatency !== undefined) {
    conditions.push(sql`t."duration_ns" <= ${millisToNanos(query.maxLatency)}::bigint`);
  }
  if (query.minCost !== undefined)
    conditions.push(sql`t."total_cost" >= ${query.minCost}::numeric`);
  if (query.maxCost !== undefined)
    conditions.push(sql`t."total_cost" <= ${query.maxCost}::numeric`);

  if (query.q) conditions.push(traceSearchCondition(sql, projectId, range, query.q));
  for (const filter of query.score) conditions.push(scoreFilterCondition(sql, filter));
  return conditions;
}

/**
 * The first characters of a payload: a chat's last message, a string as is, the stored preview of
 * a value cut at ingest (not its size marker), else JSON text.
 */
function previewOf(sql: Sql, column: Fragment): Fragment {
  return sql`left(CASE jsonb_typeof(${column})
      WHEN 'string' THEN ${column} #>> '{}'
      WHEN 'array' THEN COALESCE(${column} -> -1 ->> 'content', ${column}::text)
      WHEN 'object' THEN COALESCE(
        CASE WHEN ${column} ->> '__truncated' = 'true' THEN ${column} ->> 'preview' END,
        ${column} -> 'messages' -> -1 ->> 'content',
        ${column}::text)
      ELSE ${column}::text
    END, ${PREVIEW_CHARS})`;
}

function joinConditions(sql: Sql, conditions: Fragment[]): Fragment {
  return conditions.reduce((joined, condition) => sql`${joined} AND ${condition}`);
}

function millisToNanos(millis: number): string {
  return BigInt(Math.round(millis * 1_000_000)).toString();
}
