import type postgres from "postgres";

import type { Sql } from "@/lib/db/sql";

import { traceOfSpan } from "./observation-fields";
import type { FilterColumn } from "./public-filter-sql";

const lower = (value: string) => value.toLowerCase();
const upper = (value: string) => value.toUpperCase();

/** Langfuse reports latency in seconds; spans and traces keep nanoseconds. */
const seconds = (sql: Sql, nanos: postgres.Fragment) => sql`(${nanos}::numeric / 1000000000)`;

/** The columns `filter` takes on GET /api/public/traces (Langfuse's names), on alias `t`. */
export const TRACE_FILTER_COLUMNS = {
  id: { kind: "text", nullable: false, expression: (sql) => sql`t.trace_id`, normalize: lower },
  name: { kind: "text", nullable: true, expression: (sql) => sql`t.name` },
  timestamp: { kind: "datetime", nullable: false, expression: (sql) => sql`t.start_time` },
  userId: { kind: "text", nullable: true, expression: (sql) => sql`t.user_id` },
  sessionId: { kind: "text", nullable: true, expression: (sql) => sql`t.session_id` },
  tags: { kind: "array", nullable: false, expression: (sql) => sql`t.tags` },
  environment: { kind: "text", nullable: true, expression: (sql) => sql`t.environment` },
  release: { kind: "text", nullable: true, expression: (sql) => sql`t.release` },
  version: { kind: "text", nullable: true, expression: (sql) => sql`t.version` },
  latency: {
    kind: "number",
    nullable: false,
    expression: (sql) => seconds(sql, sql`t.duration_ns`),
  },
  totalCost: { kind: "number", nullable: true, expression: (sql) => sql`t.total_cost` },
  metadata: { kind: "object", nullable: true, expression: (sql) => sql`t.metadata` },
} as const satisfies Record<string, FilterColumn>;

const spanModel: FilterColumn = {
  kind: "text",
  nullable: true,
  expression: (sql) => sql`s.model`,
};

/**
 * The columns `filter` takes on the observation lists (v1 and v2), on alias `s`. Ids are matched
 * in lower case like the id parameters; type and level in upper case like Langfuse's enums.
 */
export const OBSERVATION_FILTER_COLUMNS = {
  id: { kind: "text", nullable: false, expression: (sql) => sql`s.span_id`, normalize: lower },
  traceId: {
    kind: "text",
    nullable: false,
    expression: (sql) => sql`s.trace_id`,
    normalize: lower,
  },
  parentObservationId: {
    kind: "text",
    nullable: true,
    expression: (sql) => sql`s.parent_span_id`,
    normalize: lower,
  },
  name: { kind: "text", nullable: false, expression: (sql) => sql`s.name` },
  // The trace's name as the trace list shows it (a span's own langfuse.trace.name is rare).
  traceName: {
    kind: "text",
    nullable: true,
    expression: (sql) => sql`(${traceOfSpan(sql, sql`t.name`)})`,
  },
  type: { kind: "text", nullable: false, expression: (sql) => sql`s.type`, normalize: upper },
  level: { kind: "text", nullable: false, expression: (sql) => sql`s.level`, normalize: upper },
  startTime: { kind: "datetime", nullable: false, expression: (sql) => sql`s.start_time` },
  endTime: { kind: "datetime", nullable: false, expression: (sql) => sql`s.end_time` },
  // Sightline keeps one model name, the one the application reported.
  model: spanModel,
  providedModelName: spanModel,
  // The user and session of the trace (as in Langfuse and the metrics API), else the span's own.
  userId: {
    kind: "text",
    nullable: true,
    expression: (sql) => sql`COALESCE(s.user_id, (${traceOfSpan(sql, sql`t.user_id`)}))`,
  },
  sessionId: {
    kind: "text",
    nullable: true,
    expression: (sql) => sql`COALESCE(s.session_id, (${traceOfSpan(sql, sql`t.session_id`)}))`,
  },
  environment: { kind: "text", nullable: true, expression: (sql) => sql`s.environment` },
  version: { kind: "text", nullable: true, expression: (sql) => sql`s.version` },
  tags: { kind: "array", nullable: false, expression: (sql) => sql`s.tags` },
  latency: {
    kind: "number",
    nullable: false,
    expression: (sql) => seconds(sql, sql`s.duration_ns`),
  },
  totalCost: { kind: "number", nullable: true, expression: (sql) => sql`s.total_cost` },
  metadata: { kind: "object", nullable: true, expression: (sql) => sql`s.metadata` },
} as const satisfies Record<string, FilterColumn>;
