import type postgres from "postgres";

import type { Sql } from "@/lib/db/sql";

import type { TreeNode, TreeSpan } from "./build-tree";
import { costNumber } from "./trace-fields";

/** A `spans` row as selected by observationColumns. */
export interface ObservationRow {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  start_time: Date;
  end_time: Date;
  start_ns: bigint;
  end_ns: bigint;
  duration_ns: bigint;
  completion_start_ns: bigint | null;
  name: string;
  type: string;
  level: string;
  status_message: string | null;
  model: string | null;
  request_model: string | null;
  response_model: string | null;
  provider: string | null;
  model_parameters: unknown;
  input_tokens: bigint | null;
  output_tokens: bigint | null;
  total_tokens: bigint | null;
  cache_read_tokens: bigint | null;
  cache_write_tokens: bigint | null;
  reasoning_tokens: bigint | null;
  audio_input_tokens: bigint | null;
  audio_output_tokens: bigint | null;
  image_input_tokens: bigint | null;
  usage_estimated: boolean;
  input_cost: string | null;
  output_cost: string | null;
  total_cost: string | null;
  cost_source: string | null;
  input: unknown;
  output: unknown;
  metadata: unknown;
  user_id: string | null;
  session_id: string | null;
  feature: string | null;
  tags: string[];
  environment: string | null;
  release: string | null;
  version: string | null;
  warnings: string[];
}

/** A field (of alias `t`) of the trace of the span row `s`, as a scalar subquery. */
export function traceOfSpan(sql: Sql, field: postgres.Fragment) {
  return sql`SELECT ${field} FROM traces AS t
    WHERE t.project_id = s.project_id AND t.trace_id = s.trace_id`;
}

/**
 * The span columns an observation is shaped from (costs as exact, unpadded decimal text). User
 * and session are the span's own, else its trace's, as the filters and cost reports count them.
 */
export function observationColumns(sql: Sql) {
  return sql`
    s.trace_id, s.span_id, s.parent_span_id, s.start_time, s.end_time, s.start_ns, s.end_ns,
    s.duration_ns, s.completion_start_ns, s.name, s.type, s.level, s.status_message, s.model,
    s.request_model, s.response_model, s.provider, s.model_parameters, s.input_tokens,
    s.output_tokens, s.total_tokens, s.cache_read_tokens, s.cache_write_tokens, s.reasoning_tokens,
    s.audio_input_tokens, s.audio_output_tokens, s.image_input_tokens, s.usage_estimated,
    trim_scale(s.input_cost)::text AS input_cost, trim_scale(s.output_cost)::text AS output_cost,
    trim_scale(s.total_cost)::text AS total_cost, s.cost_source, s.input, s.output, s.metadata,
    COALESCE(s.user_id, (${traceOfSpan(sql, sql`t.user_id`)})) AS user_id,
    COALESCE(s.session_id, (${traceOfSpan(sql, sql`t.session_id`)})) AS session_id,
    s.feature, s.tags, s.environment, s.release, s.version, s.warnings`;
}

/** The fields build-tree needs, from an observation row. */
export function toTreeSpan<T extends ObservationRow>(row: T): T & TreeSpan {
  return Object.assign(row, {
    spanId: row.span_id,
    parentSpanId: row.parent_span_id,
    startNs: row.start_ns,
  });
}

const NANOS_PER_SECOND = 1e9;

/**
 * The public observation object; the parent is the effective one from tree assembly. Latency in
 * seconds and costs as numbers, as in Langfuse's API.
 */
export function toObservationResponse(row: ObservationRow, node: TreeNode<TreeSpan> | undefined) {
  return {
    id: row.span_id,
    traceId: row.trace_id,
    parentObservationId: node ? node.parentSpanId : row.parent_span_id,
    type: row.type,
    name: row.name,
    startTime: row.start_time.toISOString(),
    endTime: row.end_time.toISOString(),
    startTimeNanos: row.start_ns.toString(),
    endTimeNanos: row.end_ns.toString(),
    latency: Number(row.duration_ns) / NANOS_PER_SECOND,
    ...completionStartFields(row),
    model: row.model,
    requestModel: row.request_model,
    responseModel: row.response_model,
    provider: row.provider,
    modelParameters: row.model_parameters,
    usageDetails: usageDetailsOf(row),
    usageEstimated: row.usage_estimated,
    costDetails: costDetailsOf(row),
    totalCost: costNumber(row.total_cost),
    costSource: row.cost_source,
    ...legacyUsageFields(row),
    input: row.input,
    output: row.output,
    level: row.level,
    statusMessage: row.status_message,
    metadata: row.metadata,
    userId: row.user_id,
    sessionId: row.session_id,
    feature: row.feature,
    tags: row.tags,
    environment: row.environment,
    release: row.release,
    version: row.version,
    depth: node?.depth ?? 0,
    parentMissing: node?.parentMissing ?? false,
    cycleBroken: node?.cycleBroken ?? false,
    warnings: [...row.warnings, ...(node?.warnings ?? [])],
  };
}

export type ObservationResponse = ReturnType<typeof toObservationResponse>;

/**
 * Langfuse's completionStartTime (ISO, milliseconds) and timeToFirstToken (seconds from the
 * start), with the exact nanoseconds as a string like the other times; all null when the
 * generation reported no first token.
 */
function completionStartFields(row: ObservationRow) {
  const completionStart = row.completion_start_ns;
  if (completionStart === null) {
    return { completionStartTime: null, completionStartTimeNanos: null, timeToFirstToken: null };
  }

  const delay = completionStart - row.start_ns;
  return {
    completionStartTime: new Date(Number(completionStart / 1_000_000n)).toISOString(),
    completionStartTimeNanos: completionStart.toString(),
    // Ingest keeps it within the span; a re-send that moved the start may leave it before.
    timeToFirstToken: delay >= 0n ? Number(delay) / NANOS_PER_SECOND : null,
  };
}

/**
 * The flat usage and cost fields of Langfuse's older observation shape, which its clients still
 * read (`usage`, `promptTokens`, `calculatedTotalCost`...). Zero where nothing was reported.
 */
function legacyUsageFields(row: ObservationRow) {
  const input = Number(row.input_tokens ?? 0);
  const output = Number(row.output_tokens ?? 0);
  const total = Number(row.total_tokens ?? 0);
  return {
    usage: { input, output, total, unit: "TOKENS" },
    promptTokens: input,
    completionTokens: output,
    totalTokens: total,
    calculatedInputCost: costNumber(row.input_cost),
    calculatedOutputCost: costNumber(row.output_cost),
    calculatedTotalCost: costNumber(row.total_cost),
  };
}

/** Reported token counts by Langfuse's usage keys; counts not reported are left out. */
function usageDetailsOf(row: ObservationRow): Record<string, number> {
  const counts: Record<string, bigint | null> = {
    input: row.input_tokens,
    output: row.output_tokens,
    total: row.total_tokens,
    cache_read: row.cache_read_tokens,
    cache_write: row.cache_write_tokens,
    reasoning: row.reasoning_tokens,
    audio_input: row.audio_input_tokens,
    audio_output: row.audio_output_tokens,
    image_input: row.image_input_tokens,
  };
  const details: Record<string, number> = {};
  for (const [key, value] of Object.entries(counts)) {
    if (value !== null) details[key] = Number(value);
  }
  return details;
}

function costDetailsOf(row: ObservationRow): Record<string, number> {
  const details: Record<string, number> = {};
  const costs = { input: row.input_cost, output: row.output_cost, total: row.total_cost };
  for (const [key, cost] of Object.entries(costs)) {
    if (cost !== null) details[key] = Number(cost);
  }
  return details;
}
