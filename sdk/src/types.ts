import type { Context, TimeInput, TracerProvider } from "@opentelemetry/api";
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";

/** The kinds of observation Sightline shows, written on every span as `sightline.type`. */
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

/** Which captured value a {@link MaskFunction} is looking at. */
export interface MaskContext {
  /** `input` for what went in (arguments, prompt, query), `output` for what came out. */
  field: "input" | "output";
  /** The name of the observation the value belongs to. */
  spanName: string;
}

/**
 * Rewrites a captured input or output before it is written on a span, e.g. to redact emails.
 * Whatever it returns is recorded instead; if it throws, the value becomes `"[mask failed]"`.
 */
export type MaskFunction = (value: unknown, context: MaskContext) => unknown;

/** Options of {@link init}; each falls back to its `SIGHTLINE_*` environment variable. */
export interface SightlineOptions {
  /** Where Sightline runs, e.g. `https://sightline.example.com`. Env: `SIGHTLINE_BASE_URL`. */
  baseUrl?: string;
  /** The project's public key (`pk-sl-…`). Env: `SIGHTLINE_PUBLIC_KEY`. */
  publicKey?: string;
  /** The project's secret key (`sk-sl-…`). Env: `SIGHTLINE_SECRET_KEY`. */
  secretKey?: string;
  /** Written on every span as `sightline.environment`. Env: `SIGHTLINE_ENVIRONMENT`. */
  environment?: string;
  /** Written on every span as `sightline.release`. Env: `SIGHTLINE_RELEASE`. */
  release?: string;
  /** Log what the SDK does to the console. Off by default. Env: `SIGHTLINE_DEBUG=true`. */
  debug?: boolean;
  /** Applied to every captured input and output before it is written. */
  mask?: MaskFunction;
  /**
   * An existing OpenTelemetry TracerProvider to attach to instead of creating one: the SDK adds
   * its span processor to it and creates its spans with it.
   */
  tracerProvider?: TracerProvider;
  /** Replaces the OTLP exporter, e.g. an in-memory exporter in tests. */
  exporter?: SpanExporter;
  /** Spans kept in memory while Sightline is unreachable; the oldest go first. Default 2048. */
  maxQueueSize?: number;
  /** How often finished spans are sent, in milliseconds. Default 1000. */
  flushIntervalMs?: number;
  /** Timeout of one OTLP export request (its own retries included), in ms. Default 10000. */
  exportTimeoutMs?: number;
}

/**
 * Attributes of the whole trace, copied onto every span started below the place they were set,
 * so that any one span carries them.
 */
export interface TraceAttributes {
  /** Written as `user.id`. */
  userId?: string;
  /** Written as `session.id`. */
  sessionId?: string;
  /** The product feature the trace belongs to, written as `sightline.feature`. */
  feature?: string;
  /** Written as the string array `sightline.tags`; tags set twice are merged. */
  tags?: string[];
  /** Written as `sightline.metadata.<key>`; strings, numbers and booleans as is, others as JSON. */
  metadata?: Record<string, unknown>;
}

/** Options shared by every `start*` helper. */
export interface StartObservationOptions {
  /** The span name, shown as the observation's name. */
  name: string;
  /** What went in; masked, then written as described in the README. */
  input?: unknown;
  /** Extra key-values, written as `sightline.metadata.<key>` on this span only. */
  metadata?: Record<string, unknown>;
  /** When it started, if not now (e.g. replaying recorded work). */
  startTime?: TimeInput;
  /** The parent; by default the observation active in the current context. */
  parent?: ObservationParent;
}

/** Anything that can parent an observation: every handle returned by a `start*` helper. */
export interface ObservationParent {
  /** The OpenTelemetry context that makes this observation the active span. */
  readonly context: Context;
}

/** Options of {@link Observation.end}. */
export interface EndObservationOptions {
  /** What came out; masked, then written like the input. */
  output?: unknown;
  /** Marks the observation failed (span status ERROR) and records the exception. */
  error?: unknown;
  /** When it ended, if not now. */
  endTime?: TimeInput;
}

/**
 * Token counts of one model call. `input` counts every input token, cached ones included;
 * `output` counts every output token, reasoning included (the OTel GenAI rule).
 */
export interface TokenUsage {
  /** All input tokens, cached ones included. */
  input?: number;
  /** All output tokens, reasoning tokens included. */
  output?: number;
  /** Input tokens served from the provider's prompt cache (part of `input`). */
  cacheRead?: number;
  /** Input tokens written to the provider's prompt cache (part of `input`). */
  cacheWrite?: number;
  /** Output tokens spent on hidden reasoning (part of `output`). */
  reasoning?: number;
}

/** Options of {@link startGeneration}. */
export interface StartGenerationOptions extends StartObservationOptions {
  /** The requested model, written as `gen_ai.request.model`. */
  model?: string;
  /** Who serves it (`openai`, `anthropic`, …), written as `gen_ai.provider.name`. */
  provider?: string;
  /** Settings such as temperature or max_tokens, written as `gen_ai.request.<key>`. */
  modelParameters?: Record<string, unknown>;
}

/** Options of {@link Generation.end}. */
export interface EndGenerationOptions extends EndObservationOptions {
  /** Token counts reported by the provider. */
  usage?: TokenUsage;
  /** The model that answered, if different from the requested one (`gen_ai.response.model`). */
  model?: string;
  /** Why the model stopped (`stop`, `length`, `tool_calls`, …). */
  finishReason?: string;
}

/** Options of {@link startEmbedding}. */
export type StartEmbeddingOptions = StartGenerationOptions;

/** A document returned by a retrieval step. */
export interface RetrievedDocument {
  /** The document's id in its store. */
  id?: string;
  /** The text retrieved. */
  content?: string;
  /** Relevance score as the retriever computed it. */
  score?: number;
  /** Anything else worth showing (source, chunk number, …). */
  metadata?: Record<string, unknown>;
}

/** Options of {@link Retrieval.end}. */
export interface EndRetrievalOptions extends EndObservationOptions {
  /** The documents found, best first; written as `retrieval.documents.N.document.*`. */
  documents?: RetrievedDocument[];
}

/** Options of {@link startTool}. */
export interface StartToolOptions extends StartObservationOptions {
  /** The id the model gave this tool call, written as `gen_ai.tool.call.id`. */
  toolCallId?: string;
}

/** Options of {@link startObservation}, for the types without a dedicated helper. */
export interface StartTypedObservationOptions extends StartObservationOptions {
  /** The observation type; SPAN when omitted. */
  type?: ObservationType;
}

/** Options of {@link observe}. */
export interface ObserveOptions {
  /** The span name; the function's own name when omitted. */
  name?: string;
  /** The observation type; SPAN when omitted. */
  type?: ObservationType;
  /** Record the arguments as input (one argument as itself, several as a list). Default true. */
  captureInput?: boolean;
  /**
   * Record the result as output. For a generator: its return value, or else what it yielded
   * (strings joined into one string, other values as a list). Default true.
   */
  captureOutput?: boolean;
}

/** The kinds of score value Sightline stores, as in Langfuse's API. */
export type ScoreDataType = "NUMERIC" | "CATEGORICAL" | "BOOLEAN";

/** A score on a trace or one of its observations, posted to `/api/public/scores`. */
export interface ScoreInput {
  /** The trace scored. */
  traceId: string;
  /** The observation scored, when the score is about one step. */
  observationId?: string;
  /** What is measured, e.g. `helpfulness`. */
  name: string;
  /** A number for NUMERIC and BOOLEAN (1 or 0), a label for CATEGORICAL. */
  value: number | string;
  /** Inferred from the value when omitted (number → NUMERIC, string → CATEGORICAL). */
  dataType?: ScoreDataType;
  /** Free text, e.g. the reviewer's reason. */
  comment?: string;
}
