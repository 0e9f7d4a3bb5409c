import { getSql, type Sql } from "@/lib/db/sql";

import { toSkeletonNodes, type SkeletonSpan } from "./skeleton-nodes";
import type { TraceSkeleton, TraceSummary } from "./types";

interface TraceRecord {
  trace_id: string;
  name: string | null;
  start_time: Date;
  start_time_text: string;
  end_time: Date;
  start_ns: string;
  latency_ms: number;
  user_id: string | null;
  session_id: string | null;
  feature: string | null;
  tags: string[];
  environment: string | null;
  release: string | null;
  version: string | null;
  models: string[];
  level: string;
  error_count: number;
  span_count: number;
  missing_parent_count: number;
  unpriced_count: number;
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  reasoning_tokens: number;
  input_cost: string | null;
  output_cost: string | null;
  total_cost: string | null;
}

interface SpanRecord {
  span_id: string;
  parent_span_id: string | null;
  name: string;
  type: string;
  level: string;
  status_message: string | null;
  model: string | null;
  start_ns: string;
  end_ns: string;
  input_tokens: number | null;
  output_tokens: number | null;
  total_tokens: number | null;
  total_cost: string | null;
}

/** Characters of a span's status message carried in the skeleton (for the error tooltip). */
const STATUS_PREVIEW_CHARS = 300;

/** The trace rollup alone, or null when the project has no such trace. */
export async function getTraceSummary(
  projectId: string,
  traceId: string,
  sql: Sql = getSql(),
): Promise<(TraceSummary & { startTimeText: string }) | null> {
  const [row] = await sql<TraceRecord[]>`
    SELECT "trace_id", "name", "start_time", "start_time"::text AS start_time_text, "end_time",
      "start_ns"::text AS start_ns, ("duration_ns" / 1000)::float8 / 1000 AS latency_ms,
      "user_id", "session_id", "feature", "tags", "environment", "release", "version", "models",
      "level", "error_count", "span_count", "missing_parent_count", "unpriced_count",
      "input_tokens"::float8 AS input_tokens, "output_tokens"::float8 AS output_tokens,
      "total_tokens"::float8 AS total_tokens, "cache_read_tokens"::float8 AS cache_read_tokens,
      "cache_write_tokens"::float8 AS cache_write_tokens,
      "reasoning_tokens"::float8 AS reasoning_tokens,
      trim_scale("input_cost")::text AS input_cost, trim_scale("output_cost")::text AS output_cost,
      trim_scale("total_cost")::text AS total_cost
    FROM "traces"
    WHERE "project_id" = ${projectId} AND "trace_id" = ${traceId}`;
  if (!row) return null;

  return {
    traceId: row.trace_id,
    name: row.name,
    startTime: row.start_time.toISOString(),
    startTimeText: row.start_time_text,
    endTime: row.end_time.toISOString(),
    startNs: row.start_ns,
    latencyMs: row.latency_ms,
    userId: row.user_id,
    sessionId: row.session_id,
    feature: row.feature,
    tags: row.tags,
    environment: row.environment,
    release: row.release,
    version: row.version,
    models: row.models,
    level: row.level,
    errorCount: row.error_count,
    spanCount: row.span_count,
    missingParentCount: row.missing_parent_count,
    unpricedCount: row.unpriced_count,
    tokens: {
      input: row.input_tokens,
      output: row.output_tokens,
      total: row.total_tokens,
      cacheRead: row.cache_read_tokens,
      cacheWrite: row.cache_write_tokens,
      reasoning: row.reasoning_tokens,
    },
    cost: { input: row.input_cost, output: row.output_cost, total: row.total_cost },
  };
}

// Limitation: the whole skeleton goes to the browser at once (about 190 bytes a span); fine for
// 10k spans, but a trace of hundreds of thousands of spans would need the tree paged by subtree.
/**
 * A trace's rollup and the structure of its tree without any payload (no input, output or
 * attributes), which keeps a 10k-span trace near 2 MB instead of the tens of megabytes its
 * payloads can weigh. Payloads are loaded per span by getSpanDetail.
 */
export async function getTraceSkeleton(
  projectId: string,
  traceId: string,
  sql: Sql = getSql(),
): Promise<TraceSkeleton | null> {
  const summary = await getTraceSummary(projectId, traceId, sql);
  if (!summary) return null;

  // The trace starts with its earliest span, so this bound is exact and prunes older partitions.
  const rows = await sql<SpanRecord[]>`
    SELECT "span_id", "parent_span_id", "name", "type", "level",
      left("status_message", ${STATUS_PREVIEW_CHARS}) AS status_message, "model",
      "start_ns"::text AS start_ns, "end_ns"::text AS end_ns,
      "input_tokens"::float8 AS input_tokens, "output_tokens"::float8 AS output_tokens,
      "total_tokens"::float8 AS total_tokens, trim_scale("total_cost")::text AS total_cost
    FROM "spans"
    WHERE "project_id" = ${projectId} AND "trace_id" = ${traceId}
      AND "start_time" >= ${summary.startTimeText}::timestamptz`;

  const spans = rows.map((row): SkeletonSpan => ({
    spanId: row.span_id,
    parentSpanId: row.parent_span_id,
    startNs: BigInt(row.start_ns),
    endNs: BigInt(row.end_ns),
    name: row.name,
    type: row.type,
    level: row.level,
    statusMessage: row.status_message,
    model: row.model,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    totalTokens: row.total_tokens,
    totalCost: row.total_cost,
  }));

  const { startTimeText: _startTimeText, ...traceSummary } = summary;
  return { summary: traceSummary, nodes: toSkeletonNodes(spans, BigInt(summary.startNs)) };
}
