/**
 * The contract between OTLP decoding, span mapping and the batch writer.
 *
 * Decoding (lib/otlp) turns a request body into `DecodedSpan`s: OTLP content normalized but not
 * interpreted. Mapping (lib/ingest/map) turns each into a `MappedSpan`: the observation fields
 * Sightline understands plus everything needed to export the span again losslessly.
 */

/** An OTLP AnyValue in its OTLP/JSON form, the shape we store and export. */
export type OtlpAnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number | "NaN" | "Infinity" | "-Infinity" }
  | { bytesValue: string }
  | { arrayValue: { values: OtlpAnyValue[] } }
  | { kvlistValue: { values: OtlpKeyValue[] } }
  | Record<string, never>;

export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}

export interface OtlpResource {
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
  schemaUrl: string;
}

export interface OtlpScope {
  name: string;
  version: string;
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
  schemaUrl: string;
}

export interface OtlpEvent {
  timeUnixNano: string;
  name: string;
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
}

export interface OtlpLink {
  traceId: string;
  spanId: string;
  traceState: string;
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
  flags: number;
}

/** A span as sent, ids as lowercase hex, times as exact decimal strings of nanoseconds. */
export interface DecodedSpan {
  resource: OtlpResource;
  scope: OtlpScope;
  traceId: string;
  spanId: string;
  /** Empty string when the span has no parent. */
  parentSpanId: string;
  traceState: string;
  flags: number;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
  events: OtlpEvent[];
  droppedEventsCount: number;
  links: OtlpLink[];
  droppedLinksCount: number;
  status: { code: number; message: string };
}

export type ObservationType =
  | "GENERATION"
  | "EMBEDDING"
  | "RETRIEVER"
  | "TOOL"
  | "AGENT"
  | "CHAIN"
  | "GUARDRAIL"
  | "EVALUATOR"
  | "EVENT"
  | "SPAN";

export type ObservationLevel = "DEBUG" | "DEFAULT" | "WARNING" | "ERROR";

/**
 * Token counts, normalized whatever the convention sent. `input` counts every input token,
 * cached ones included (cacheRead and cacheWrite are subsets of it); `output` counts every
 * output token, reasoning included (reasoning is a subset). Null means "not reported".
 */
export interface Usage {
  input: number | null;
  output: number | null;
  total: number | null;
  cacheRead: number | null;
  cacheWrite: number | null;
  reasoning: number | null;
  audioInput: number | null;
  audioOutput: number | null;
  imageInput: number | null;
}

/** Cost the client itself reported, in USD, as exact decimal strings. */
export interface ClientCost {
  input: string | null;
  output: string | null;
  total: string | null;
}

/** One line of the mapping report: which attribute (or event) fed which observation field. */
export interface MappingSource {
  field: string;
  source: string;
}

/** A tool call requested by the model, whatever convention reported it. */
export interface ChatToolCall {
  id: string | null;
  name: string;
  /** Usually the JSON text of the arguments, as the model produced it. */
  arguments: unknown;
}

/**
 * A chat message rebuilt from any convention. `content` is a string for plain text, an array of
 * parts (`{ type: "text", text }` or the part as sent) for mixed content, or null.
 */
export interface ChatMessage {
  role: string;
  content: unknown;
  tool_calls?: ChatToolCall[];
  tool_call_id?: string;
  name?: string;
}

export interface MappedSpan {
  span: DecodedSpan;
  type: ObservationType;
  level: ObservationLevel;
  statusMessage: string | null;
  /**
   * When the first output of a streaming generation arrived, in nanoseconds since the epoch
   * (within the span's start and end); null when not reported or unusable.
   */
  completionStartNs: bigint | null;
  /** The model that answered (response model), else the requested one. */
  model: string | null;
  requestModel: string | null;
  responseModel: string | null;
  provider: string | null;
  modelParameters: Record<string, unknown> | null;
  usage: Usage;
  /** The span repeats its children's tokens (an agent or an SDK's outer call): never counted. */
  usageIsAggregate: boolean;
  clientCost: ClientCost | null;
  /** JSON values; chat messages rebuilt as `{ role, content, tool_calls?, ... }[]`. */
  input: unknown;
  output: unknown;
  userId: string | null;
  sessionId: string | null;
  feature: string | null;
  tags: string[];
  environment: string | null;
  release: string | null;
  version: string | null;
  /** Trace-level values a span may set explicitly (e.g. langfuse.trace.name). */
  traceName: string | null;
  traceInput: unknown;
  traceOutput: unknown;
  metadata: Record<string, unknown>;
  mappingReport: MappingSource[];
  warnings: string[];
}

/** A span refused at decode or mapping time, counted in OTLP partialSuccess. */
export interface RejectedSpan {
  reason: string;
}
