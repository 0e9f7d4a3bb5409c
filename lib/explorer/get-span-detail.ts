import { getSql, type Sql } from "@/lib/db/sql";

import {
  toAttributeEntries,
  toEventViews,
  toLinkViews,
  toResourceView,
  toScopeView,
} from "./attribute-entries";
import type { SpanDetail } from "./types";

interface SpanDetailRecord {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  name: string;
  type: string;
  kind: number;
  level: string;
  status_code: number;
  status_message: string | null;
  otlp_status_message: string;
  start_time: Date;
  end_time: Date;
  start_ns: string;
  end_ns: string;
  duration_ns: string;
  completion_start_ns: string | null;
  model: string | null;
  request_model: string | null;
  response_model: string | null;
  provider: string | null;
  model_parameters: unknown;
  input_tokens: number | null;
  output_tokens: number | null;
  total_tokens: number | null;
  cache_read_tokens: number | null;
  cache_write_tokens: number | null;
  reasoning_tokens: number | null;
  audio_input_tokens: number | null;
  audio_output_tokens: number | null;
  image_input_tokens: number | null;
  usage_estimated: boolean;
  input_cost: string | null;
  output_cost: string | null;
  total_cost: string | null;
  cost_details: unknown;
  cost_source: string | null;
  price_id: string | null;
  input: unknown;
  output: unknown;
  user_id: string | null;
  session_id: string | null;
  feature: string | null;
  tags: string[];
  environment: string | null;
  release: string | null;
  version: string | null;
  metadata: unknown;
  attributes: unknown;
  resource: unknown;
  scope: unknown;
  events: unknown;
  links: unknown;
  trace_state: string;
  dropped_counts: unknown;
  mapping_report: unknown;
  warnings: unknown;
}

/** Everything stored about one span of a trace (payloads included), or null when absent. */
export async function getSpanDetail(
  projectId: string,
  traceId: string,
  spanId: string,
  sql: Sql = getSql(),
): Promise<SpanDetail | null> {
  const [row] = await sql<SpanDetailRecord[]>`
    SELECT "trace_id", "span_id", "parent_span_id", "name", "type", "kind", "level",
      "status_code", "status_message", "otlp_status_message", "start_time", "end_time",
      "start_ns"::text AS start_ns, "end_ns"::text AS end_ns, "duration_ns"::text AS duration_ns,
      "completion_start_ns"::text AS completion_start_ns,
      "model", "request_model", "response_model", "provider", "model_parameters",
      "input_tokens"::float8 AS input_tokens, "output_tokens"::float8 AS output_tokens,
      "total_tokens"::float8 AS total_tokens, "cache_read_tokens"::float8 AS cache_read_tokens,
      "cache_write_tokens"::float8 AS cache_write_tokens,
      "reasoning_tokens"::float8 AS reasoning_tokens,
      "audio_input_tokens"::float8 AS audio_input_tokens,
      "audio_output_tokens"::float8 AS audio_output_tokens,
      "image_input_tokens"::float8 AS image_input_tokens, "usage_estimated",
      trim_scale("input_cost")::text AS input_cost, trim_scale("output_cost")::text AS output_cost,
      trim_scale("total_cost")::text AS total_cost, "cost_details", "cost_source", "price_id",
      "input", "output", "user_id", "session_id", "feature", "tags", "environment", "release",
      "version", "metadata", "attributes", "resource", "scope", "events", "links",
      "trace_state", "dropped_counts", "mapping_report", "warnings"
    FROM "spans"
    WHERE "project_id" = ${projectId} AND "trace_id" = ${traceId} AND "span_id" = ${spanId}
    ORDER BY "updated_at" DESC
    LIMIT 1`;
  return row ? toSpanDetail(row) : null;
}

function toSpanDetail(row: SpanDetailRecord): SpanDetail {
  return {
    traceId: row.trace_id,
    spanId: row.span_id,
    parentSpanId: row.parent_span_id,
    name: row.name,
    type: row.type,
    kind: row.kind,
    level: row.level,
    statusCode: row.status_code,
    statusMessage: row.status_message,
    otlpStatusMessage: row.otlp_status_message,
    startTime: row.start_time.toISOString(),
    endTime: row.end_time.toISOString(),
    startNs: row.start_ns,
    endNs: row.end_ns,
    durationNs: row.duration_ns,
    timeToFirstTokenMs: timeToFirstTokenMs(row),
    model: row.model,
    requestModel: row.request_model,
    responseModel: row.response_model,
    provider: row.provider,
    modelParameters: row.model_parameters,
    usage: {
      input: row.input_tokens,
      output: row.output_tokens,
      total: row.total_tokens,
      cacheRead: row.cache_read_tokens,
      cacheWrite: row.cache_write_tokens,
      reasoning: row.reasoning_tokens,
      audioInput: row.audio_input_tokens,
      audioOutput: row.audio_output_tokens,
      imageInput: row.image_input_tokens,
      estimated: row.usage_estimated,
    },
    cost: {
      input: row.input_cost,
      output: row.output_cost,
      total: row.total_cost,
      details: row.cost_details,
      source: row.cost_source,
      priceId: row.price_id,
    },
    input: row.input,
    output: row.output,
    userId: row.user_id,
    sessionId: row.session_id,
    feature: row.feature,
    tags: row.tags,
    environment: row.environment,
    release: row.release,
    version: row.version,
    metadata: row.metadata,
    attributes: toAttributeEntries(row.attributes),
    resource: toResourceView(row.resource),
    scope: toScopeView(row.scope),
    events: toEventViews(row.events),
    links: toLinkViews(row.links),
    traceState: row.trace_state,
    droppedCounts: row.dropped_counts,
    mappingReport: toMappingReport(row.mapping_report),
    warnings: Array.isArray(row.warnings)
      ? row.warnings.filter((warning): warning is string => typeof warning === "string")
      : [],
  };
}

const NANOS_PER_MILLISECOND = 1e6;

/** Milliseconds from the start to the first token; null when none was reported. */
function timeToFirstTokenMs(row: SpanDetailRecord): number | null {
  if (row.completion_start_ns === null) return null;
  // Ingest keeps it within the span; a re-send that moved the start may leave it before.
  const delay = BigInt(row.completion_start_ns) - BigInt(row.start_ns);
  return delay < 0n ? null : Number(delay) / NANOS_PER_MILLISECOND;
}

function toMappingReport(stored: unknown): SpanDetail["mappingReport"] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((line: unknown) => {
    if (typeof line !== "object" || line === null) return [];
    const { field, source } = line as Record<string, unknown>;
    return typeof field === "string" && typeof source === "string" ? [{ field, source }] : [];
  });
}
