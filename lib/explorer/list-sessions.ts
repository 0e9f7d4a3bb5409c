import { getSql, type Sql } from "@/lib/db/sql";

import { decodeCursor, encodeCursor } from "./keyset-cursor";
import { resolveTimeRange, type TimeRangeKey } from "./time-range";
import type { KeysetPage, SessionListRow, SessionTurn } from "./types";

export interface SessionListOptions {
  range: TimeRangeKey;
  from?: string;
  to?: string;
  user?: string;
  cursor?: string;
  limit: number;
  now?: Date;
}

interface SessionRecord {
  session_id: string;
  trace_count: number;
  first_seen: Date;
  last_seen: Date;
  duration_ms: number;
  user_ids: string[] | null;
  total_tokens: number;
  total_cost: string | null;
  error_count: number;
  sort_value: string;
}

/**
 * A project's sessions (traces sharing a session id), newest activity first, with keyset pages
 * over (last trace start, session id). A session counts in a time range when it has a trace in it.
 */
// Limitation: each page aggregates every trace of the range by session; fine for hundreds of
// thousands of traces, but a materialized session rollup would be needed far beyond that.
export async function listSessions(
  projectId: string,
  options: SessionListOptions,
  sql: Sql = getSql(),
): Promise<KeysetPage<SessionListRow>> {
  const range = resolveTimeRange(options.range, options, options.now ?? new Date());
  const cursor = options.cursor ? decodeCursor(options.cursor, "sessions") : null;
  const afterCursor = cursor
    ? sql`WHERE (last_seen, "session_id") < (${cursor.value}::timestamptz, ${cursor.id})`
    : sql``;

  const rows = await sql<SessionRecord[]>`
    WITH sessions AS (
      SELECT "session_id", count(*)::int AS trace_count,
        min("start_time") AS first_seen, max("start_time") AS last_seen,
        (extract(epoch FROM max("start_time" + ("duration_ns" / 1000) * interval '1 microsecond')
          - min("start_time")) * 1000)::float8 AS duration_ms,
        (array_agg(DISTINCT "user_id") FILTER (WHERE "user_id" IS NOT NULL))[1:5] AS user_ids,
        sum("total_tokens")::float8 AS total_tokens,
        trim_scale(sum("total_cost"))::text AS total_cost,
        (count(*) FILTER (WHERE "error_count" > 0))::int AS error_count
      FROM "traces"
      WHERE "project_id" = ${projectId} AND "session_id" IS NOT NULL
        ${range.from ? sql`AND "start_time" >= ${range.from.toISOString()}::timestamptz` : sql``}
        ${range.to ? sql`AND "start_time" < ${range.to.toISOString()}::timestamptz` : sql``}
        ${options.user ? sql`AND "user_id" = ${options.user}` : sql``}
      GROUP BY "session_id"
    )
    SELECT *, last_seen::text AS sort_value
    FROM sessions
    ${afterCursor}
    ORDER BY last_seen DESC, "session_id" DESC
    LIMIT ${options.limit + 1}`;

  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({
      sessionId: row.session_id,
      traceCount: row.trace_count,
      firstSeen: row.first_seen.toISOString(),
      lastSeen: row.last_seen.toISOString(),
      durationMs: Math.max(0, row.duration_ms),
      userIds: row.user_ids ?? [],
      totalTokens: row.total_tokens,
      totalCost: row.total_cost,
      errorCount: row.error_count,
    })),
    nextCursor:
      rows.length > options.limit && last
        ? encodeCursor({ sort: "sessions", value: last.sort_value, id: last.session_id })
        : null,
  };
}

interface TurnRecord {
  trace_id: string;
  name: string | null;
  start_time: Date;
  latency_ms: number;
  user_id: string | null;
  total_tokens: number;
  total_cost: string | null;
  level: string;
  input: unknown;
  output: unknown;
  sort_value: string;
}

/** The traces of one session in time order (each a turn of the conversation), a page at a time. */
export async function listSessionTurns(
  projectId: string,
  sessionId: string,
  options: { cursor?: string; limit: number },
  sql: Sql = getSql(),
): Promise<KeysetPage<SessionTurn>> {
  const cursor = options.cursor ? decodeCursor(options.cursor, "turns") : null;
  const afterCursor = cursor
    ? sql`AND ("start_time", "trace_id") > (${cursor.value}::timestamptz, ${cursor.id})`
    : sql``;

  const rows = await sql<TurnRecord[]>`
    SELECT "trace_id", "name", "start_time", ("duration_ns" / 1000)::float8 / 1000 AS latency_ms,
      "user_id", "total_tokens"::float8 AS total_tokens,
      trim_scale("total_cost")::text AS total_cost,
      "level", "input", "output", "start_time"::text AS sort_value
    FROM "traces"
    WHERE "project_id" = ${projectId} AND "session_id" = ${sessionId}
      ${afterCursor}
    ORDER BY "start_time", "trace_id"
    LIMIT ${options.limit + 1}`;

  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({
      traceId: row.trace_id,
      name: row.name,
      startTime: row.start_time.toISOString(),
      latencyMs: row.latency_ms,
      userId: row.user_id,
      totalTokens: row.total_tokens,
      totalCost: row.total_cost,
      level: row.level,
      input: row.input,
      output: row.output,
    })),
    nextCursor:
      rows.length > options.limit && last
        ? encodeCursor({ sort: "turns", value: last.sort_value, id: last.trace_id })
        : null,
  };
}
