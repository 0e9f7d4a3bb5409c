import type { ObservationType } from "@/lib/ingest/types";

import { scalarOf, type AttributeReader } from "./attributes";
import type { ConventionMapper, ConventionResult, Sourced } from "./convention-result";
import { normalizeCost, toDecimalString } from "./cost";
import { readGenAiInput, readGenAiOutput } from "./gen-ai-messages";
import { normalizeUsage, type UsageCounts, type UsageField } from "./usage";

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
};

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
];

export const mapGenAi: ConventionMapper = (context) => {
  const { attributes, warnings } = context;
  const result: ConventionResult = {};

  result.type = readType(attributes);
  result.requestModel = attributes.readFirstString("gen_ai.request.model");
  result.responseModel = attributes.readFirstString("gen_ai.response.model");
  result.provider = attributes.readFirstString("gen_ai.provider.name", "gen_ai.system");
  result.modelParameters = readRequestParameters(attributes);
  result.sessionId = attributes.readFirstString("gen_ai.conversation.id");

  const counts: UsageCounts = {};
  for (const [field, key] of TOKEN_KEYS) {
    if (counts[field]) continue;
    const value = attributes.readTokenCount(key);
    if (value !== null) counts[field] = { value, source: key };
  }
  result.usage = normalizeUsage(counts, "included", warnings) ?? undefined;

  const cost = attributes.get("gen_ai.usage.cost");
  const total = cost ? toDecimalString(scalarOf(cost), "gen_ai.usage.cost", warnings) : null;
  if (total !== null)
    result.clientCost =
      normalizeCost({ total: { value: total, source: "gen_ai.usage.cost" } }) ?? undefined;

  result.input =
    readGenAiInput(context) ?? attributes.readSourcedJson("gen_ai.tool.call.arguments");
  result.output = readGenAiOutput(context) ?? attributes.readSourcedJson("gen_ai.tool.call.result");
  return result;
};

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
