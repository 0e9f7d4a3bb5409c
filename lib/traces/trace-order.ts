import { z } from "zod";

import type postgres from "postgres";

import type { Sql } from "@/lib/db/sql";
import { AppError } from "@/lib/http/app-error";

type Fragment = postgres.Fragment;

/**
 * The orders of GET /api/public/traces (`orderBy=field.direction`, Langfuse's shape). Every
 * order ends with the trace id, so that traces with equal values keep a stable order across
 * pages. Expressions match the explorer's (and its indexes): a trace without cost sorts as -1,
 * below free ones, and absent text as the empty string, so a row comparison never meets NULL.
 */
export const TRACE_ORDER_FIELDS = {
  timestamp: { expression: (sql: Sql) => sql`t."start_time"`, kind: "timestamp" },
  latency: { expression: (sql: Sql) => sql`t."duration_ns"`, kind: "bigint" },
  totalCost: { expression: (sql: Sql) => sql`COALESCE(t."total_cost", -1)`, kind: "numeric" },
  totalTokens: { expression: (sql: Sql) => sql`t."total_tokens"`, kind: "bigint" },
  observationCount: { expression: (sql: Sql) => sql`t."span_count"`, kind: "bigint" },
  name: { expression: (sql: Sql) => sql`COALESCE(t."name", '')`, kind: "text" },
  userId: { expression: (sql: Sql) => sql`COALESCE(t."user_id", '')`, kind: "text" },
  sessionId: { expression: (sql: Sql) => sql`COALESCE(t."session_id", '')`, kind: "text" },
  id: { expression: (sql: Sql) => sql`t."trace_id"`, kind: "text" },
} as const satisfies Record<string, { expression: (sql: Sql) => Fragment; kind: string }>;

export type TraceOrderField = keyof typeof TRACE_ORDER_FIELDS;

export interface TraceOrder {
  field: TraceOrderField;
  direction: "asc" | "desc";
}

/** Newest first: the list's order when none is asked for. */
export const DEFAULT_TRACE_ORDER: TraceOrder = { field: "timestamp", direction: "desc" };

const FIELD_NAMES = Object.keys(TRACE_ORDER_FIELDS);

/** `orderBy` as a zod schema, so that a bad value is a 400 naming the parameter. */
export const TraceOrderZ = z
  .string()
  .trim()
  .max(100)
  .transform((text, context): TraceOrder => {
    const [field = "", direction = "", ...rest] = text.split(".");
    if (
      rest.length === 0 &&
      FIELD_NAMES.includes(field) &&
      (direction === "asc" || direction === "desc")
    ) {
      return { field: field as TraceOrderField, direction };
    }
    context.addIssue({
      code: "custom",
      message:
        `must be <field>.asc or <field>.desc with field one of ${FIELD_NAMES.join(", ")}; ` +
        `got ${JSON.stringify(text.slice(0, 60))}`,
    });
    return z.NEVER;
  });

/** The position after the last trace of a page, for the given order. */
export interface TraceOrderCursor {
  /** The order's value of that trace as text (microseconds for timestamp). */
  value: string;
  traceId: string;
}

/** The value a row's cursor carries for the order, selected as `order_value`. */
export function orderValueColumn(sql: Sql, order: TraceOrder): Fragment {
  const { expression, kind } = TRACE_ORDER_FIELDS[order.field];
  if (kind === "timestamp") {
    return sql`(extract(epoch FROM ${expression(sql)}) * 1000000)::bigint::text AS order_value`;
  }
  return sql`${expression(sql)}::text AS order_value`;
}

/** ORDER BY for the order: its value, then the trace id, both in the order's direction. */
export function orderByClause(sql: Sql, order: TraceOrder): Fragment {
  const { expression } = TRACE_ORDER_FIELDS[order.field];
  const direction = order.direction === "asc" ? sql`ASC` : sql`DESC`;
  return sql`${expression(sql)} ${direction}, t."trace_id" ${direction}`;
}

/** The keyset condition: rows strictly after the cursor in the order (starts with AND). */
export function afterCursorCondition(
  sql: Sql,
  order: TraceOrder,
  cursor: TraceOrderCursor,
): Fragment {
  const { expression, kind } = TRACE_ORDER_FIELDS[order.field];
  const value =
    kind === "timestamp"
      ? sql`(timestamptz 'epoch' + ${cursor.value}::bigint * interval '1 microsecond')`
      : kind === "bigint"
        ? sql`${cursor.value}::bigint`
        : kind === "numeric"
          ? sql`${cursor.value}::numeric`
          : sql`${cursor.value}::text`;
  const left = sql`(${expression(sql)}, t."trace_id")`;
  const right = sql`(${value}, ${cursor.traceId}::text)`;
  return order.direction === "asc" ? sql`AND ${left} > ${right}` : sql`AND ${left} < ${right}`;
}

/** Checks that a cursor's value can be cast for the order; a 400 otherwise. */
export function assertCursorFitsOrder(order: TraceOrder, cursor: TraceOrderCursor): void {
  const { kind } = TRACE_ORDER_FIELDS[order.field];
  if (kind === "text") return;
  const pattern = kind === "numeric" ? /^-?\d{1,30}(\.\d{1,20})?$/ : /^-?\d{1,19}$/;
  if (!pattern.test(cursor.value)) {
    throw new AppError(
      "bad_request",
      "Invalid cursor: pass the meta.nextCursor of a previous page with the same orderBy",
    );
  }
}
