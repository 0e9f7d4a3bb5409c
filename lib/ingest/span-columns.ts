/**
 * The span columns the batch writer sends, in one list shared by the row builder, the upsert
 * SQL and the bench's COPY ceiling, so that they cannot drift apart.
 */

/**
 * How a re-send of a stored span treats the column:
 * - "replace": the newest send wins (OTLP structure: times, name, attributes, status, ...);
 * - "keepStoredWhenNull": a null in the re-send keeps the stored value, so that Langfuse-style
 *   partial updates (first the input, later the output) do not erase each other;
 * - "keepStoredWhenEmpty": the same for an empty tag list.
 */
export type MergeRule = "replace" | "keepStoredWhenNull" | "keepStoredWhenEmpty";

export interface SpanColumn {
  name: string;
  sqlType: "text" | "bigint" | "smallint" | "numeric" | "boolean" | "jsonb" | "text[]";
  merge: MergeRule;
}

const column = (
  name: string,
  sqlType: SpanColumn["sqlType"],
  merge: MergeRule = "replace",
): SpanColumn => ({ name, sqlType, merge });

const keep = (name: string, sqlType: SpanColumn["sqlType"]) =>
  column(name, sqlType, "keepStoredWhenNull");

/** Scalar columns, sent as one JSON object per row. */
export const SPAN_SCALAR_COLUMNS: readonly SpanColumn[] = [
  column("trace_id", "text"),
  column("span_id", "text"),
  column("parent_span_id", "text"),
  column("start_ns", "bigint"),
  column("end_ns", "bigint"),
  column("duration_ns", "bigint"),
  keep("completion_start_ns", "bigint"),
  column("name", "text"),
  column("kind", "smallint"),
  column("type", "text"),
  column("level", "text"),
  column("status_code", "smallint"),
  keep("status_message", "text"),
  column("otlp_status_message", "text"),
  keep("model", "text"),
  keep("request_model", "text"),
  keep("response_model", "text"),
  keep("provider", "text"),
  keep("input_tokens", "bigint"),
  keep("output_tokens", "bigint"),
  keep("total_tokens", "bigint"),
  keep("cache_read_tokens", "bigint"),
  keep("cache_write_tokens", "bigint"),
  keep("reasoning_tokens", "bigint"),
  keep("audio_input_tokens", "bigint"),
  keep("audio_output_tokens", "bigint"),
  keep("image_input_tokens", "bigint"),
  column("usage_estimated", "boolean"),
  keep("input_cost", "numeric"),
  keep("output_cost", "numeric"),
  keep("total_cost", "numeric"),
  keep("cost_source", "text"),
  keep("price_id", "text"),
  keep("user_id", "text"),
  keep("session_id", "text"),
  keep("feature", "text"),
  column("tags", "text[]", "keepStoredWhenEmpty"),
  keep("environment", "text"),
  keep("release", "text"),
  keep("version", "text"),
  keep("trace_name", "text"),
  column("trace_state", "text"),
  column("flags", "bigint"),
];

/** jsonb columns, whose JSON text is produced once and spliced into the row unchanged. */
export const SPAN_JSON_COLUMNS: readonly SpanColumn[] = [
  keep("model_parameters", "jsonb"),
  keep("input", "jsonb"),
  keep("output", "jsonb"),
  keep("trace_input", "jsonb"),
  keep("trace_output", "jsonb"),
  keep("metadata", "jsonb"),
  column("attributes", "jsonb"),
  column("resource", "jsonb"),
  column("scope", "jsonb"),
  column("events", "jsonb"),
  column("links", "jsonb"),
  column("dropped_counts", "jsonb"),
  column("raw_times", "jsonb"),
  column("mapping_report", "jsonb"),
  keep("cost_details", "jsonb"),
  column("warnings", "jsonb"),
];

export const SPAN_INPUT_COLUMNS: readonly SpanColumn[] = [
  ...SPAN_SCALAR_COLUMNS,
  ...SPAN_JSON_COLUMNS,
];
