import type { ObservationType } from "@/lib/ingest/types";

import { scalarOf, type AttributeReader } from "./attributes";
import { readCompletionStartDelay } from "./completion-start";
import type {
  ConventionMapper,
  ConventionResult,
  MappingContext,
  Sourced,
} from "./convention-result";
import { normalizeCost, toDecimalString } from "./cost";
import { readGenAiInput, readGenAiOutput } from "./gen-ai-messages";
import { normalizeUsage, readTokenCounts, type UsageField } from "./usage";

/**
 * OpenTelemetry GenAI semantic conventions (`gen_ai.*`), including names since renamed
 * (prompt_tokens/completion_tokens, gen_ai.system, cache_read_input_tokens) and OpenLLMetry's
 * `llm.request.type`, which predates `gen_ai.operation.name`.
 */

const OPERATIONS: Record<string, ObservationType> = {
  chat: "GENERATION",
  text_completion: "GENERATION",
  generate_content: "GENERATION",
  embeddings: "EMBEDDING",
  execute_tool: "TOOL",
  invoke_agent: "AGENT",
  create_agent: "AGENT",
  // The AI SDK's own operation (v7 `@ai-sdk/otel`) for one step of an agent loop: it groups the
  // step's chat and execute_tool spans, as a chain does.
  agent_step: "CHAIN",
};

const SPAN_KIND_INTERNAL = 1;

const LEGACY_REQUEST_TYPES: Record<string, ObservationType> = {
  chat: "GENERATION",
  completion: "GENERATION",
  embedding: "EMBEDDING",
  rerank: "RETRIEVER",
};

// The spec says input counts cached tokens and output counts reasoning tokens ("included").
const TOKEN_KEYS: Array<[UsageField, string]> = [
  ["input", "gen_ai.usage.input_tokens"],
  ["input", "gen_ai.usage.prompt_tokens"],
  ["output", "gen_ai.usage.output_tokens"],
  ["output", "gen_ai.usage.completion_tokens"],
  ["total", "gen_ai.usage.total_tokens"],
  ["total", "llm.usage.total_tokens"],
  ["cacheRead", "gen_ai.usage.cache_read.input_tokens"],
  ["cacheRead", "gen_ai.usage.cache_read_input_tokens"],
  ["cacheWrite", "gen_ai.usage.cache_creation.input_tokens"],
  ["cacheWrite", "gen_ai.usage.cache_creation_input_tokens"],
  ["reasoning", "gen_ai.usage.reasoning.output_tokens"],
  ["reasoning", "gen_ai.usage.reasoning_tokens"],
  // Names other writers of gen_ai.usage.* use for the same counts, all inside input/output:
  // pydantic-ai (genai-prices), Langfuse's own usage keys, Sentry's conventions.
  ["cacheRead", "gen_ai.usage.cache_read_tokens"],
  ["cacheRead", "gen_ai.usage.input_cached_tokens"],
  ["cacheRead", "gen_ai.usage.input_tokens.cached"],
  ["cacheWrite", "gen_ai.usage.cache_write.input_tokens"],
  ["cacheWrite", "gen_ai.usage.cache_write_tokens"],
  // Strands Agents (Bedrock) and others spell Anthropic's cache counts this way.
  ["cacheWrite", "gen_ai.usage.cache_write_input_tokens"],
  ["cacheWrite", "gen_ai.usage.input_cache_creation"],
  ["cacheWrite", "gen_ai.usage.input_tokens.cache_write"],
  ["reasoning", "gen_ai.usage.output_tokens.reasoning"],
  // pydantic-ai reports what its provider's usage object held beside the counts under this prefix
  // (OpenAI's reasoning_tokens and cached_tokens, Anthropic's cache counts, its own cache names).
  ["reasoning", "gen_ai.usage.details.reasoning_tokens"],
  ["cacheRead", "gen_ai.usage.details.cache_read_tokens"],
  ["cacheRead", "gen_ai.usage.details.cached_tokens"],
  ["cacheRead", "gen_ai.usage.details.cache_read_input_tokens"],
  ["cacheWrite", "gen_ai.usage.details.cache_write_tokens"],
  ["cacheWrite", "gen_ai.usage.details.cache_creation_input_tokens"],
  // The AI SDK's GenAI integration (v7 `@ai-sdk/otel` with `usage: true`) has no gen_ai name for
  // reasoning tokens and puts them beside its gen_ai.usage.* counts under its own prefix.
  ["reasoning", "ai.usage.outputTokenDetails.reasoningTokens"],
];

const MAIN_COUNTS: ReadonlySet<UsageField> = new Set(["input", "output", "total"]);

/**
 * Seconds from the request to its first streamed chunk: the conventions' span attribute, then
 * their metric's name, which the AI SDK's v7 GenAI integration sets on its chat spans instead.
 */
const FIRST_CHUNK_KEYS = [
  "gen_ai.response.time_to_first_chunk",
  "gen_ai.client.operation.time_to_first_chunk",
];

/**
 * Strands Agents puts its model's time to first byte on each chat span under the name of the
 * conventions' server metric, in milliseconds (the metric itself is in seconds, and other writers
 * use either unit), so it is read only from Strands' own spans.
 */
const STRANDS_FIRST_TOKEN_KEY = "gen_ai.server.time_to_first_token";
const STRANDS_SYSTEM = "strands-agents";
const STRANDS_SCOPE_PREFIX = "strands.";

/**
 * A tool call's arguments and result: the conventions' names, then pydantic-ai's (instrumentation
 * versions 1 and 2, its default), which are read only on a span that names its tool.
 */
const TOOL_ARGUMENT_KEYS = ["gen_ai.tool.call.arguments", "tool_arguments"] as const;
const TOOL_RESULT_KEYS = ["gen_ai.tool.call.result", "tool_response"] as const;

export const mapGenAi: ConventionMapper = (context) => {
  const { attributes, warnings } = context;
  const result: ConventionResult = {};

  result.type = readType(attributes);
  result.requestModel = attributes.readFirstString("gen_ai.request.model");
  result.responseModel = attributes.readFirstString("gen_ai.response.model");
  result.provider = attributes.readFirstString("gen_ai.provider.name", "gen_ai.system");
  result.modelParameters = readRequestParameters(attributes);
  result.sessionId = attributes.readFirstString("gen_ai.conversation.id");
  // The agent is what the app calls; with the AI SDK it is the telemetry functionId.
  result.feature = attributes.readFirstString("gen_ai.agent.name");

  if (isInProcessAgent(attributes, context.span.kind)) {
    result.usageIsAggregate = { value: true, source: "gen_ai.operation.name (span kind INTERNAL)" };
  } else {
    result.usage = readUsage(attributes, warnings);
  }

  for (const key of FIRST_CHUNK_KEYS) {
    result.completionStart ??= readCompletionStartDelay(
      attributes,
      key,
      "seconds",
      context.span,
      warnings,
    );
  }
  if (isStrandsSpan(context)) {
    result.completionStart ??= readCompletionStartDelay(
      attributes,
      STRANDS_FIRST_TOKEN_KEY,
      "milliseconds",
      context.span,
      warnings,
    );
  }

  const cost = attributes.get("gen_ai.usage.cost");
  const total = cost ? toDecimalString(scalarOf(cost), "gen_ai.usage.cost", warnings) : null;
  if (total !== null)
    result.clientCost =
      normalizeCost({ total: { value: total, source: "gen_ai.usage.cost" } }) ?? undefined;

  result.input = readGenAiInput(context) ?? readToolCall(attributes, TOOL_ARGUMENT_KEYS);
  result.output = readGenAiOutput(context) ?? readToolCall(attributes, TOOL_RESULT_KEYS);
  return result;
};

/** Strands Agents names itself as the provider (gen_ai.system) and in its tracer's scope. */
function isStrandsSpan({ attributes, span }: MappingContext): boolean {
  const system = attributes.readFirstString("gen_ai.provider.name", "gen_ai.system")?.value;
  return system === STRANDS_SYSTEM || span.scope.name.startsWith(STRANDS_SCOPE_PREFIX);
}

/** The first key's value; the second's only on a span that names its tool. */
function readToolCall(attributes: AttributeReader, [key, legacyKey]: readonly [string, string]) {
  const value = attributes.readSourcedJson(key);
  if (value || !attributes.has("gen_ai.tool.name")) return value;
  return attributes.readSourcedJson(legacyKey);
}

/**
 * An in-process agent (invoke_agent, span kind INTERNAL) runs its model calls as child chat spans
 * and reports their sum (the AI SDK's invoke_agent does): counting it too would count every token
 * twice. A remote agent (kind CLIENT, e.g. a hosted assistant) has no such children: it keeps its
 * usage. Limitation: an in-process agent that reports usage without emitting chat spans loses it.
 */
function isInProcessAgent(attributes: AttributeReader, kind: number): boolean {
  const operation = attributes.readString("gen_ai.operation.name")?.trim().toLowerCase();
  return operation === "invoke_agent" && kind === SPAN_KIND_INTERNAL;
}

/** Token counts; detail counts alone (no input, output or total) are not a usage report. */
function readUsage(attributes: AttributeReader, warnings: string[]) {
  const { counts, unreadable } = readTokenCounts(attributes, TOKEN_KEYS);
  const hasMainCount = [...MAIN_COUNTS].some((field) => counts[field] !== undefined);
  return hasMainCount
    ? (normalizeUsage(counts, "included", warnings, unreadable) ?? undefined)
    : undefined;
}

function readType(attributes: AttributeReader): Sourced<ObservationType> | undefined {
  const operation = attributes.readString("gen_ai.operation.name");
  if (operation !== null) {
    const type = OPERATIONS[operation.trim().toLowerCase()];
    if (type) return { value: type, source: "gen_ai.operation.name" };
  }

  const requestType = attributes.readString("llm.request.type");
  const legacyType =
    requestType === null ? undefined : LEGACY_REQUEST_TYPES[requestType.trim().toLowerCase()];
  if (legacyType) return { value: legacyType, source: "llm.request.type" };

  // Limitation: a span naming a model but no operation is taken for a model call; an agent
  // span that reports its model this way would be typed GENERATION.
  if (operation === null) {
    const modelKey = ["gen_ai.request.model", "gen_ai.response.model"].find(
      (key) => attributes.readString(key) !== null,
    );
    if (modelKey) return { value: "GENERATION", source: `${modelKey} (no gen_ai.operation.name)` };
  }
  return undefined;
}

/** Every `gen_ai.request.*` setting but the model, keyed without the prefix. */
function readRequestParameters(
  attributes: AttributeReader,
): Sourced<Record<string, unknown>> | undefined {
  const parameters: Record<string, unknown> = {};
  for (const [key] of attributes.entriesUnder("gen_ai.request.")) {
    if (key === "model") continue;
    parameters[key] = attributes.readJson(`gen_ai.request.${key}`);
  }
  return Object.keys(parameters).length > 0
    ? { value: parameters, source: "gen_ai.request.*" }
    : undefined;
}
