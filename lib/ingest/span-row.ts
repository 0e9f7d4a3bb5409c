import type { MappedSpan, OtlpResource, OtlpScope } from "@/lib/ingest/types";
import { PriceBook } from "@/lib/cost/match-model";
import { priceSpan } from "@/lib/cost/price-span";
import { estimateUsage } from "@/lib/cost/estimate-usage";

import { resolveSpanTimes, type SpanTimes } from "./span-times";
import { limitIndexedText, serializeJsonWithLimit } from "./truncate-json";

/** Scalar column values of one span row, keyed by column (see SPAN_SCALAR_COLUMNS). */
export interface SpanScalars {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  start_ns: string;
  end_ns: string;
  duration_ns: string;
  completion_start_ns: string | null;
  name: string;
  kind: number;
  type: string;
  level: string;
  status_code: number;
  status_message: string | null;
  otlp_status_message: string;
  model: string | null;
  request_model: string | null;
  response_model: string | null;
  provider: string | null;
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
  cost_source: string | null;
  price_id: string | null;
  user_id: string | null;
  session_id: string | null;
  feature: string | null;
  tags: string[] | null;
  environment: string | null;
  release: string | null;
  version: string | null;
  trace_name: string | null;
  trace_state: string;
  flags: number;
}

/** JSON text (or null) of the jsonb columns of one span row (see SPAN_JSON_COLUMNS). */
export interface SpanJsonTexts {
  model_parameters: string | null;
  input: string | null;
  output: string | null;
  trace_input: string | null;
  trace_output: string | null;
  metadata: string | null;
  attributes: string;
  resource: string;
  scope: string;
  events: string;
  links: string;
  dropped_counts: string;
  raw_times: string | null;
  mapping_report: string;
  cost_details: string | null;
  warnings: string;
}

/** One span ready to write: column values plus what the writer sorts and partitions by. */
export interface SpanRow {
  startNs: bigint;
  scalars: SpanScalars;
  json: SpanJsonTexts;
}

export interface SpanRowOptions {
  /** Largest serialized JSON of one input, output or metadata value, in UTF-8 bytes. */
  maxIoBytes: number;
  /** Prices for the project; without it only a cost the client reported is stored. */
  priceBook?: PriceBook;
}

const EMPTY_PRICE_BOOK = new PriceBook([]);

const SMALLINT_MAX = 32767;

/** Names, ids and other indexed text longer than this (UTF-8 bytes) are cut with a warning. */
export const MAX_INDEXED_TEXT_BYTES = 2000;

/**
 * Builds the row for a mapped span, or a rejection reason when the span cannot be stored (times
 * beyond int64, kind or status code beyond SMALLINT). Never throws for client data.
 */
export function buildSpanRow(
  mapped: MappedSpan,
  options: SpanRowOptions,
): SpanRow | { rejection: string } {
  const { span } = mapped;
  const times = resolveSpanTimes(span.startTimeUnixNano, span.endTimeUnixNano);
  if ("rejection" in times) return times;
  // OTLP enums are open, but kind and status code are stored as SMALLINT.
  if (span.kind > SMALLINT_MAX) return { rejection: `kind: ${span.kind} is out of range` };
  if (span.status.code > SMALLINT_MAX) {
    return { rejection: `status.code: ${span.status.code} is out of range` };
  }

  const estimated = estimateUsage(mapped);
  const startTime = new Date(Number(times.startNs / 1_000_000n));
  const priced = estimated ? { ...mapped, usage: estimated } : mapped;
  const cost = priceSpan(priced, startTime, options.priceBook ?? EMPTY_PRICE_BOOK);
  const context: RowContext = {
    mapped,
    times,
    usage: estimated ?? mapped.usage,
    usageEstimated: estimated !== null,
    cost,
    warnings: [...mapped.warnings, times.warning, cost.warning].filter(
      (warning): warning is string => Boolean(warning),
    ),
    options,
  };

  // Scalars first: cutting long text adds to the warnings the JSON texts then store.
  const scalars = buildScalars(context);
  return { startNs: times.startNs, scalars, json: buildJsonTexts(context) };
}

interface RowContext {
  mapped: MappedSpan;
  times: SpanTimes;
  usage: MappedSpan["usage"];
  usageEstimated: boolean;
  cost: ReturnType<typeof priceSpan>;
  warnings: string[];
  options: SpanRowOptions;
}

function buildScalars({ mapped, times, usage, usageEstimated, cost, warnings }: RowContext) {
  const { span } = mapped;
  const limitText = (value: string | null, field: string) =>
    limitIndexedText(value, field, MAX_INDEXED_TEXT_BYTES, warnings);

  const scalars: SpanScalars = {
    trace_id: span.traceId,
    span_id: span.spanId,
    parent_span_id: span.parentSpanId === "" ? null : span.parentSpanId,
    start_ns: times.startNs.toString(),
    end_ns: times.endNs.toString(),
    duration_ns: times.durationNs.toString(),
    completion_start_ns: mapped.completionStartNs?.toString() ?? null,
    name: limitText(span.name, "name") ?? "",
    kind: span.kind,
    type: mapped.type,
    level: mapped.level,
    status_code: span.status.code,
    status_message: mapped.statusMessage,
    otlp_status_message: span.status.message,
    model: limitText(mapped.model, "model"),
    request_model: limitText(mapped.requestModel, "requestModel"),
    response_model: limitText(mapped.responseModel, "responseModel"),
    provider: limitText(mapped.provider, "provider"),
    input_tokens: usage.input,
    output_tokens: usage.output,
    total_tokens: usage.total,
    cache_read_tokens: usage.cacheRead,
    cache_write_tokens: usage.cacheWrite,
    reasoning_tokens: usage.reasoning,
    audio_input_tokens: usage.audioInput,
    audio_output_tokens: usage.audioOutput,
    image_input_tokens: usage.imageInput,
    usage_estimated: usageEstimated,
    input_cost: cost.inputCost,
    output_cost: cost.outputCost,
    total_cost: cost.totalCost,
    cost_source: cost.costSource,
    price_id: cost.priceId,
    user_id: limitText(mapped.userId, "userId"),
    session_id: limitText(mapped.sessionId, "sessionId"),
    feature: limitText(mapped.feature, "feature"),
    tags: limitTags(mapped.tags, warnings),
    environment: limitText(mapped.environment, "environment"),
    release: limitText(mapped.release, "release"),
    version: limitText(mapped.version, "version"),
    trace_name: limitText(mapped.traceName, "traceName"),
    trace_state: span.traceState,
    flags: span.flags,
  };
  return scalars;
}

function buildJsonTexts({ mapped, times, cost, warnings, options }: RowContext): SpanJsonTexts {
  const { span } = mapped;
  const limitJson = (value: unknown) => serializeJsonWithLimit(value, options.maxIoBytes);
  return {
    model_parameters: limitJson(mapped.modelParameters),
    input: limitJson(mapped.input),
    output: limitJson(mapped.output),
    trace_input: limitJson(mapped.traceInput),
    trace_output: limitJson(mapped.traceOutput),
    // An empty map is stored as null so that a re-send without metadata keeps the stored one.
    metadata: Object.keys(mapped.metadata).length > 0 ? limitJson(mapped.metadata) : null,
    attributes: JSON.stringify(span.attributes),
    resource: serializeShared(span.resource),
    scope: serializeShared(span.scope),
    events: JSON.stringify(span.events),
    links: JSON.stringify(span.links),
    dropped_counts: JSON.stringify({
      attributes: span.droppedAttributesCount,
      events: span.droppedEventsCount,
      links: span.droppedLinksCount,
    }),
    raw_times: times.rawTimes ? JSON.stringify(times.rawTimes) : null,
    mapping_report: JSON.stringify(mapped.mappingReport),
    cost_details: cost.costDetails ? JSON.stringify(cost.costDetails) : null,
    warnings: JSON.stringify(warnings),
  };
}

function limitTags(tags: readonly string[], warnings: string[]): string[] | null {
  if (tags.length === 0) return null;
  return tags.map((tag) => limitIndexedText(tag, "tag", MAX_INDEXED_TEXT_BYTES, warnings) ?? "");
}

// Every span of a resourceSpans (or scopeSpans) shares one decoded object: serialize it once.
const sharedJson = new WeakMap<object, string>();

function serializeShared(value: OtlpResource | OtlpScope): string {
  let text = sharedJson.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    sharedJson.set(value, text);
  }
  return text;
}
