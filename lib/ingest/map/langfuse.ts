import type { MappingSource, ObservationLevel, ObservationType } from "@/lib/ingest/types";

import { isRecord, toTokenCount, type AttributeReader } from "./attributes";
import { readCompletionStartTimestamp } from "./completion-start";
import type { ConventionMapper, ConventionResult, Sourced } from "./convention-result";
import {
  addDecimalStrings,
  normalizeCost,
  toDecimalString,
  type CostFigures,
  type NormalizedCost,
} from "./cost";
import { parseObservationLevel, parseObservationType } from "./observation-kinds";
import {
  normalizeUsage,
  type DetailLayout,
  type NormalizedUsage,
  type UsageCounts,
  type UsageField,
  USAGE_FIELDS,
} from "./usage";

/**
 * Langfuse's OTel attributes (JS SDK v4+, Python SDK v3+): `langfuse.observation.*`,
 * `langfuse.trace.*`, `langfuse.environment|release|version`, and the older
 * `langfuse.user.id` / `langfuse.session.id` (plain `user.id` / `session.id` are read in
 * sightline.ts, which takes precedence).
 */
export const mapLangfuse: ConventionMapper = (context) => {
  const { attributes, warnings } = context;
  const result: ConventionResult = {};

  result.type = readType(attributes);
  result.level = readLevel(attributes);
  result.statusMessage = attributes.readFirstString("langfuse.observation.status_message");
  result.requestModel = attributes.readFirstString("langfuse.observation.model.name");

  const parameters = attributes.readJsonObject("langfuse.observation.model.parameters");
  if (parameters)
    result.modelParameters = { value: parameters, source: "langfuse.observation.model.parameters" };

  const usageDetails = attributes.readJsonObject("langfuse.observation.usage_details");
  if (usageDetails) {
    result.usage = readUsageDetails(usageDetails, warnings) ?? undefined;
  }

  const costDetails = attributes.readJsonObject("langfuse.observation.cost_details");
  if (costDetails) result.clientCost = readCostDetails(costDetails, warnings) ?? undefined;

  result.input = attributes.readSourcedJson("langfuse.observation.input");
  result.output = attributes.readSourcedJson("langfuse.observation.output");
  result.traceInput = attributes.readSourcedJson("langfuse.trace.input");
  result.traceOutput = attributes.readSourcedJson("langfuse.trace.output");

  result.traceName = attributes.readFirstString("langfuse.trace.name");
  result.userId = attributes.readFirstString("langfuse.user.id");
  result.sessionId = attributes.readFirstString("langfuse.session.id");
  result.environment = attributes.readFirstString("langfuse.environment");
  result.release = attributes.readFirstString("langfuse.release");
  result.version = attributes.readFirstString("langfuse.version");

  const tags = attributes.readStringList("langfuse.trace.tags");
  if (tags && tags.length > 0) result.tags = { value: tags, source: "langfuse.trace.tags" };

  result.completionStart = readCompletionStartTimestamp(
    attributes,
    "langfuse.observation.completion_start_time",
    context.span,
    warnings,
  );

  // Limitation: prompt.name/version are not mapped (MappedSpan has no field for them yet); they
  // stay readable in the span's raw attributes.
  result.metadata = readMetadata(attributes);
  return result;
};

function readType(attributes: AttributeReader): Sourced<ObservationType> | undefined {
  const name = attributes.readString("langfuse.observation.type");
  if (name === null) return undefined;

  const type = parseObservationType(name);
  if (type === null) {
    attributes.warn(
      "langfuse.observation.type",
      `has unknown observation type ${JSON.stringify(name)}`,
    );
    return undefined;
  }
  return { value: type, source: "langfuse.observation.type" };
}

function readLevel(attributes: AttributeReader): Sourced<ObservationLevel> | undefined {
  const name = attributes.readString("langfuse.observation.level");
  if (name === null) return undefined;

  const level = parseObservationLevel(name);
  if (level === null) {
    attributes.warn("langfuse.observation.level", `has unknown level ${JSON.stringify(name)}`);
    return undefined;
  }
  return { value: level, source: "langfuse.observation.level" };
}

const USAGE_KEY = "langfuse.observation.usage_details";

/**
 * Key sets of usage_details. Langfuse's own keys (`input`, `output`, `input_cached_tokens`, …)
 * and Anthropic's (`input_tokens` next to `cache_read_input_tokens`) count details beside the
 * totals; an OpenAI usage object (Chat Completions' `prompt_tokens` with
 * `prompt_tokens_details.cached_tokens`, or the Responses API's `input_tokens` with
 * `input_tokens_details.cached_tokens`) and LangChain's usage_metadata (`input_tokens` with
 * `input_token_details.cache_read`) count them inside.
 */
const LANGFUSE_KEYS: Record<UsageField, string[]> = {
  input: ["input"],
  output: ["output"],
  total: ["total"],
  cacheRead: ["input_cached_tokens", "input_cache_read", "cache_read_input_tokens", "input_cached"],
  cacheWrite: ["input_cache_creation", "cache_creation_input_tokens", "input_cache_write"],
  reasoning: ["output_reasoning_tokens", "output_reasoning", "reasoning_tokens"],
  audioInput: ["input_audio_tokens", "input_audio"],
  audioOutput: ["output_audio_tokens", "output_audio"],
  imageInput: ["input_image_tokens", "input_image"],
};

const ANTHROPIC_KEYS: Partial<Record<UsageField, string[]>> = {
  input: ["input_tokens"],
  output: ["output_tokens"],
  total: ["total_tokens"],
  cacheRead: ["cache_read_input_tokens"],
  cacheWrite: ["cache_creation_input_tokens"],
};

const OPENAI_KEYS: Partial<Record<UsageField, string[]>> = {
  input: ["prompt_tokens"],
  output: ["completion_tokens"],
  total: ["total_tokens"],
  cacheRead: ["prompt_tokens_details.cached_tokens"],
  audioInput: ["prompt_tokens_details.audio_tokens"],
  reasoning: ["completion_tokens_details.reasoning_tokens"],
  audioOutput: ["completion_tokens_details.audio_tokens"],
};

const OPENAI_RESPONSES_KEYS: Partial<Record<UsageField, string[]>> = {
  input: ["input_tokens"],
  output: ["output_tokens"],
  total: ["total_tokens"],
  cacheRead: ["input_tokens_details.cached_tokens"],
  cacheWrite: ["input_tokens_details.cache_write_tokens"],
  audioInput: ["input_tokens_details.audio_tokens"],
  reasoning: ["output_tokens_details.reasoning_tokens"],
  audioOutput: ["output_tokens_details.audio_tokens"],
};

const LANGCHAIN_KEYS: Partial<Record<UsageField, string[]>> = {
  input: ["input_tokens"],
  output: ["output_tokens"],
  total: ["total_tokens"],
  cacheRead: ["input_token_details.cache_read"],
  cacheWrite: ["input_token_details.cache_creation"],
  audioInput: ["input_token_details.audio"],
  reasoning: ["output_token_details.reasoning"],
  audioOutput: ["output_token_details.audio"],
};

type UsageShape = [Partial<Record<UsageField, string[]>>, DetailLayout];

/** The first shape whose marker keys the object holds; Langfuse's own keys otherwise. */
const USAGE_SHAPES: ReadonlyArray<[markers: string[], shape: UsageShape]> = [
  [
    ["input", "output"],
    [LANGFUSE_KEYS, "beside"],
  ],
  [
    ["prompt_tokens", "completion_tokens"],
    [OPENAI_KEYS, "included"],
  ],
  [
    ["input_tokens_details", "output_tokens_details"],
    [OPENAI_RESPONSES_KEYS, "included"],
  ],
  [
    ["input_token_details", "output_token_details"],
    [LANGCHAIN_KEYS, "included"],
  ],
  [
    ["input_tokens", "output_tokens"],
    [ANTHROPIC_KEYS, "beside"],
  ],
];

function readUsageDetails(
  details: Record<string, unknown>,
  warnings: string[],
): NormalizedUsage | null {
  const [keys, layout] = USAGE_SHAPES.find(([markers]) =>
    markers.some((marker) => marker in details),
  )?.[1] ?? [LANGFUSE_KEYS, "beside"];

  const counts: UsageCounts = {};
  const unreadable = new Set<UsageField>();
  for (const field of USAGE_FIELDS) {
    for (const candidate of keys[field] ?? []) {
      const raw = readPath(details, candidate);
      if (raw === undefined) continue;
      const source = `${USAGE_KEY}.${candidate}`;
      const value = toTokenCount(raw, source, warnings);
      if (value !== null) counts[field] = { value, source };
      else unreadable.add(field);
      break;
    }
  }
  return normalizeUsage(counts, layout, warnings, unreadable);
}

const COST_KEY = "langfuse.observation.cost_details";
const COST_FIGURES = ["input", "output", "total"] as const;

/**
 * input, output and total of cost_details. Like usage_details it is keyed by usage type
 * (`input_cached_tokens`, `output_reasoning`, …): without a total, the total is the sum of every
 * key, and unknown when one of them is not a usable cost.
 */
function readCostDetails(
  details: Record<string, unknown>,
  warnings: string[],
): NormalizedCost | null {
  const figures: CostFigures = {};
  for (const field of COST_FIGURES) {
    const source = `${COST_KEY}.${field}`;
    const value = toDecimalString(details[field], source, warnings);
    if (value !== null) figures[field] = { value, source };
  }

  const keys = Object.keys(details).filter((key) => details[key] != null && key !== "total");
  const isFigure = (key: string) => key === "input" || key === "output";
  if (figures.total || keys.every(isFigure)) return normalizeCost(figures);

  const parts = keys.map((key) =>
    isFigure(key)
      ? (figures[key as "input" | "output"]?.value ?? null)
      : toDecimalString(details[key], `${COST_KEY}.${key}`, warnings),
  );
  const total = parts.every((part) => part !== null)
    ? parts.reduce((sum, part) => addDecimalStrings(sum, part), "0")
    : null;

  const sources: MappingSource[] = [];
  if (figures.input) sources.push({ field: "clientCost.input", source: figures.input.source });
  if (figures.output) sources.push({ field: "clientCost.output", source: figures.output.source });
  if (total !== null)
    sources.push({ field: "clientCost.total", source: `computed: sum of ${COST_KEY}.*` });
  const cost = {
    input: figures.input?.value ?? null,
    output: figures.output?.value ?? null,
    total,
  };
  return sources.length > 0 ? { cost, sources } : null;
}

function readPath(record: Record<string, unknown>, path: string): unknown {
  let current: unknown = record;
  for (const segment of path.split(".")) {
    if (!isRecord(current)) return undefined;
    current = current[segment];
  }
  return current;
}

/**
 * Trace and observation metadata, sent as one JSON object or flattened per key
 * (`langfuse.observation.metadata.<key>`). Observation keys win over trace keys.
 */
// Limitation: trace and observation metadata land in one map, as MappedSpan has one metadata
// field; a trace-level key shadowed by an observation key is only in the raw attributes.
function readMetadata(attributes: AttributeReader): Sourced<Record<string, unknown>> | undefined {
  const metadata: Record<string, unknown> = {};
  const sources: string[] = [];

  for (const prefix of ["langfuse.trace.metadata", "langfuse.observation.metadata"]) {
    const whole = attributes.readJson(prefix);
    if (isRecord(whole)) {
      Object.assign(metadata, whole);
      sources.push(prefix);
    } else if (whole !== undefined) {
      metadata[prefix] = whole;
      sources.push(prefix);
    }

    const flattened = attributes.keysWithPrefix(`${prefix}.`);
    for (const key of flattened) metadata[key.slice(prefix.length + 1)] = attributes.readJson(key);
    if (flattened.length > 0) sources.push(`${prefix}.*`);
  }

  return sources.length > 0 ? { value: metadata, source: sources.join(", ") } : undefined;
}
