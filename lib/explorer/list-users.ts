import type postgres from "postgres";

import { getSql, type Sql } from "@/lib/db/sql";

import type { UserSortKey } from "./aggregate-list-query";
import { decodeCursor, encodeCursor } from "./keyset-cursor";
import { resolveTimeRange, type TimeRangeKey } from "./time-range";
import type { KeysetPage, UserListRow } from "./types";

export interface UserListOptions {
  range: TimeRangeKey;
  from?: string;
  to?: string;
  sort: UserSortKey;
  cursor?: string;
  limit: number;
  now?: Date;
}

interface UserRecord {
  user_id: string;
  trace_count: number;
  session_count: number;
  total_tokens: number;
  total_cost: string | null;
  error_count: number;
  first_seen: Date;
  last_seen: Date;
  sort_value: string;
}

interface UserSort {
  expression: (sql: Sql) => postgres.Fragment;
  cast: (sql: Sql, text: string) => postgres.Fragment;
}

const USER_SORTS: Record<UserSortKey, UserSort> = {
  lastSeen: {
    expression: (sql) => sql`last_seen`,
    cast: (sql, text) => sql`${text}::timestamptz`,
  },
  traces: { expression: (sql) => sql`trace_count`, cast: (sql, text) => sql`${text}::int` },
  tokens: {
    expression: (sql) => sql`total_tokens_exact`,
    cast: (sql, text) => sql`${text}::numeric`,
  },
  cost: { expression: (sql) => sql`cost_sort`, cast: (sql, text) => sql`${text}::numeric` },
};

/**
 * The project's end users (traces' user id) with their traces, sessions, tokens, cost and when
 * they were first and last seen, largest first by the chosen measure, in keyset pages.
 */
// Limitation: aggregates every trace of the range per page (see listSessions).
export async function listUsers(
  projectId: string,
  options: UserListOptions,
  sql: Sql = getSql(),
): Promise<KeysetPage<UserListRow>> {
  const range = resolveTimeRange(options.range, options, options.now ?? new Date());
  const cursor = options.cursor ? decodeCursor(options.cursor, `users:${options.sort}`) : null;
  const sort = USER_SORTS[options.sort];
  const afterCursor = cursor?.value
    ? sql`WHERE (${sort.expression(sql)}, "user_id")
        < (${sort.cast(sql, cursor.value)}, ${cursor.id})`
    : sql``;

  const rows = await sql<UserRecord[]>`
    WITH users AS (
      SELECT "user_id", count(*)::int AS trace_count,
        count(DISTINCT "session_id")::int AS session_count,
        sum("total_tokens") AS total_tokens_exact,
        sum("total_tokens")::float8 AS total_tokens,
        trim_scale(sum("total_cost"))::text AS total_cost,
        COALESCE(sum("total_cost"), -1) AS cost_sort,
        (count(*) FILTER (WHERE "error_count" > 0))::int AS error_count,
        min("start_time") AS first_seen, max("start_time") AS last_seen
      FROM "traces"
      WHERE "project_id" = ${projectId} AND "user_id" IS NOT NULL
        ${range.from ? sql`AND "start_time" >= ${range.from.toISOString()}::timestamptz` : sql``}
        ${range.to ? sql`AND "start_time" < ${range.to.toISOString()}::timestamptz` : sql``}
      GROUP BY "user_id"
    )
    SELECT *, ${sort.expression(sql)}::text AS sort_value
    FROM users
    ${afterCursor}
    ORDER BY ${sort.expression(sql)} DESC, "user_id" DESC
    LIMIT ${options.limit + 1}`;

  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({
      userId: row.user_id,
      traceCount: row.trace_count,
      sessionCount: row.session_count,
      totalTokens: row.total_tokens,
      totalCost: row.total_cost,
      errorCount: row.error_count,
      firstSeen: row.first_seen.toISOString(),
      lastSeen: row.last_seen.toISOString(),
    })),
    nextCursor:
      rows.length > options.limit && last
        ? encodeCursor({ sort: `users:${options.sort}`, value: last.sort_value, id: last.user_id })
        : null,
  };
}
