import type { ChatMessage, ObservationType } from "@/lib/ingest/types";

import { AttributeReader, isRecord, parseJsonText, toTokenCount } from "./attributes";
import { checkWithinSpan, readCompletionStartDelay } from "./completion-start";
import type {
  ConventionMapper,
  ConventionResult,
  MappingContext,
  Sourced,
} from "./convention-result";
import { normalizeChatMessages, readToolCallList } from "./messages";
import { normalizeUsage, readTokenCounts, type UsageCounts, type UsageField } from "./usage";

/**
 * Vercel AI SDK telemetry (`experimental_telemetry`): `ai.operationId`, `ai.model.*`,
 * `ai.usage.*` (v4 promptTokens/completionTokens, v5+ inputTokens/outputTokens/…),
 * `ai.prompt*`, `ai.response.*`, `ai.toolCall.*`, `ai.telemetry.*`, and the first chunk's
 * delay of streaming calls (the completion start).
 *
 * The outer spans (ai.generateText, ai.streamText, ai.generateObject, ai.streamObject) wrap one
 * provider call per step and repeat the summed usage of those calls. They are typed CHAIN and
 * carry no usage, so tokens and cost are counted once, on the GENERATION children. ai.embed and
 * ai.embedMany stay EMBEDDING (what they are) but likewise leave usage to their doEmbed children.
 * `ai.telemetry.functionId` names the call site in the app, so it becomes the feature.
 *
 * User and session: v4–v6 send `ai.telemetry.metadata.*`; v7 dropped metadata for the runtime
 * context, sent as `ai.settings.context.*` (LegacyOpenTelemetry, and OpenTelemetry with
 * `runtimeContext: true`; the v7 docs also name `ai.settings.runtimeContext.*`). The context is
 * the app's data, not a model setting: it goes to metadata, not modelParameters.
 */

interface Operation {
  type: ObservationType;
  aggregatesChildren: boolean;
}

const OPERATIONS: Record<string, Operation> = {
  "ai.generateText": { type: "CHAIN", aggregatesChildren: true },
  "ai.streamText": { type: "CHAIN", aggregatesChildren: true },
  "ai.generateObject": { type: "CHAIN", aggregatesChildren: true },
  "ai.streamObject": { type: "CHAIN", aggregatesChildren: true },
  "ai.generateText.doGenerate": { type: "GENERATION", aggregatesChildren: false },
  "ai.streamText.doStream": { type: "GENERATION", aggregatesChildren: false },
  "ai.generateObject.doGenerate": { type: "GENERATION", aggregatesChildren: false },
  "ai.streamObject.doStream": { type: "GENERATION", aggregatesChildren: false },
  "ai.embed": { type: "EMBEDDING", aggregatesChildren: true },
  "ai.embedMany": { type: "EMBEDDING", aggregatesChildren: true },
  "ai.embed.doEmbed": { type: "EMBEDDING", aggregatesChildren: false },
  "ai.embedMany.doEmbed": { type: "EMBEDDING", aggregatesChildren: false },
  "ai.toolCall": { type: "TOOL", aggregatesChildren: false },
};

// Newer names first; v4 names after. Counts include their details.
const TOKEN_KEYS: Array<[UsageField, string]> = [
  ["input", "ai.usage.inputTokens"],
  ["input", "ai.usage.promptTokens"],
  ["input", "ai.usage.tokens"],
  ["output", "ai.usage.outputTokens"],
  ["output", "ai.usage.completionTokens"],
  ["total", "ai.usage.totalTokens"],
  ["cacheRead", "ai.usage.cachedInputTokens"],
  ["cacheRead", "ai.usage.inputTokenDetails.cacheReadTokens"],
  ["cacheWrite", "ai.usage.inputTokenDetails.cacheWriteTokens"],
  ["reasoning", "ai.usage.reasoningTokens"],
  ["reasoning", "ai.usage.outputTokenDetails.reasoningTokens"],
];

const MAIN_COUNTS: ReadonlySet<UsageField> = new Set(["input", "output", "total"]);

const METADATA_PREFIX = "ai.telemetry.metadata.";
const CONTEXT_PREFIXES = ["ai.settings.context.", "ai.settings.runtimeContext."];

export const mapVercelAi: ConventionMapper = (context) => {
  const { attributes, warnings, span } = context;
  const result: ConventionResult = {};

  const operationId =
    attributes.readString("ai.operationId") ?? (span.name.startsWith("ai.") ? span.name : null);
  const operation = operationId === null ? undefined : OPERATIONS[operationId];
  const operationSource = attributes.has("ai.operationId") ? "ai.operationId" : "name";
  if (operation) result.type = { value: operation.type, source: operationSource };

  result.requestModel = attributes.readFirstString("ai.model.id");
  result.responseModel = attributes.readFirstString("ai.response.model");
  result.provider = attributes.readFirstString("ai.model.provider");
  result.modelParameters = readSettings(attributes);

  if (operation?.aggregatesChildren) {
    result.usageIsAggregate = { value: true, source: operationSource };
  } else if (isGenAiEmbedOperation(attributes)) {
    result.usageIsAggregate = { value: true, source: "gen_ai.operation.name, ai.value(s)" };
  } else {
    const { counts, unreadable } = readTokenCounts(attributes, TOKEN_KEYS);
    if (countsCacheBesideInput(attributes)) addCacheToInput(attributes, counts, warnings);
    // v7's GenAI integration sends only details here (noCacheTokens, textTokens…) beside its
    // gen_ai.usage.* counts: details alone are no usage report and must not hide those counts.
    const hasMainCount = [...MAIN_COUNTS].some((field) => counts[field] !== undefined);
    if (hasMainCount)
      result.usage = normalizeUsage(counts, "included", warnings, unreadable) ?? undefined;
  }

  result.completionStart = readCompletionStart(context);
  result.input = readInput(attributes);
  result.output = readOutput(attributes);

  result.feature = attributes.readFirstString("ai.telemetry.functionId");
  result.userId = attributes.readFirstString(
    `${METADATA_PREFIX}userId`,
    ...CONTEXT_PREFIXES.map((prefix) => `${prefix}userId`),
  );
  result.sessionId = attributes.readFirstString(
    `${METADATA_PREFIX}sessionId`,
    ...CONTEXT_PREFIXES.map((prefix) => `${prefix}sessionId`),
  );
  const tags = attributes.readStringList(`${METADATA_PREFIX}tags`);
  if (tags && tags.length > 0) result.tags = { value: tags, source: `${METADATA_PREFIX}tags` };
  result.metadata = readMetadata(attributes);

  return result;
};

/** Where the streaming calls put the delay of their first chunk, newest name first. */
const FIRST_CHUNK_KEYS = ["ai.response.msToFirstChunk", "ai.stream.msToFirstChunk"];
const FIRST_CHUNK_EVENT = "ai.stream.firstChunk";

/**
 * The first chunk of a doStream span, in milliseconds after the span's start: the span's
 * `ai.response.msToFirstChunk` (v4 on), else `ai.stream.msToFirstChunk` (v3, and v7's
 * streamObject), else the `ai.stream.firstChunk` event. The event repeats the span's delay
 * wherever both exist, so it is read only when the span has none (an unusable one has warned
 * already). Its time is used only when it carries no delay (the earliest versions, which
 * recorded it as the chunk arrived): v7 adds it when the step ends, when its time is not the
 * chunk's.
 */
function readCompletionStart(context: MappingContext): Sourced<bigint> | undefined {
  const { attributes, span, warnings } = context;
  const keys = FIRST_CHUNK_KEYS.filter((key) => attributes.has(key));
  if (keys.length > 0) {
    for (const key of keys) {
      const found = readCompletionStartDelay(attributes, key, "milliseconds", span, warnings);
      if (found) return found;
    }
    return undefined;
  }

  const event = span.events.find((candidate) => candidate.name === FIRST_CHUNK_EVENT);
  if (!event) return undefined;
  const eventAttributes = new AttributeReader(event.attributes, warnings);
  const source = `event:${FIRST_CHUNK_EVENT}`;
  const delayKey = FIRST_CHUNK_KEYS.find((key) => eventAttributes.has(key));
  if (delayKey !== undefined) {
    return readCompletionStartDelay(
      eventAttributes,
      delayKey,
      "milliseconds",
      span,
      warnings,
      `${source}.${delayKey}`,
    );
  }
  return checkWithinSpan(BigInt(event.timeUnixNano), source, span, warnings);
}

const PROVIDER_METADATA = "ai.response.providerMetadata";

/**
 * Before v6 (which reports `ai.usage.inputTokenDetails.*` and counts the cache inside
 * inputTokens for every provider) the Anthropic and Bedrock providers passed on their APIs'
 * input count, which leaves out cache reads and writes: those came beside it, in
 * cachedInputTokens (v5) and the provider metadata (v4, v5).
 */
function countsCacheBesideInput(attributes: AttributeReader): boolean {
  const provider = attributes.readString("ai.model.provider")?.toLowerCase() ?? "";
  if (!/anthropic|bedrock/.test(provider)) return false;
  return attributes.keysWithPrefix("ai.usage.inputTokenDetails.").length === 0;
}

/** Brings cache reads and writes reported beside the input count into it (and the total). */
function addCacheToInput(attributes: AttributeReader, counts: UsageCounts, warnings: string[]) {
  const metadata = attributes.readJson(PROVIDER_METADATA);
  const anthropic = isRecord(metadata) && isRecord(metadata.anthropic) ? metadata.anthropic : {};
  const fromMetadata = (field: string): Sourced<number> | undefined => {
    const source = `${PROVIDER_METADATA}.anthropic.${field}`;
    const value =
      anthropic[field] == null ? null : toTokenCount(anthropic[field], source, warnings);
    return value === null ? undefined : { value, source };
  };
  counts.cacheRead ??= fromMetadata("cacheReadInputTokens");
  counts.cacheWrite ??= fromMetadata("cacheCreationInputTokens");

  const cache = [counts.cacheRead, counts.cacheWrite].flatMap((count) => (count ? [count] : []));
  if (cache.length === 0) return;
  for (const field of ["input", "total"] as const) {
    const base = counts[field];
    if (!base) continue;
    counts[field] = {
      value: cache.reduce((sum, count) => sum + count.value, base.value),
      source: [base, ...cache].map((count) => count.source).join(" + "),
    };
  }
}

/**
 * v7's GenAI integration names both the embed operation and its provider calls
 * `embeddings {model}`, and counts tokens only on the provider calls. With `embedding: true` both
 * carry the texts (`ai.value` / `ai.values`), so the operation span, the one without a count,
 * must not have its tokens estimated from them. Limitation: when the provider reports no usage
 * at all, the embedMany calls look like their operation and are not estimated either.
 */
function isGenAiEmbedOperation(attributes: AttributeReader): boolean {
  if (attributes.readString("gen_ai.operation.name") !== "embeddings") return false;
  if (!attributes.has("ai.value") && !attributes.has("ai.values")) return false;
  return !attributes.has("gen_ai.usage.input_tokens");
}

function readSettings(attributes: AttributeReader): Sourced<Record<string, unknown>> | undefined {
  const entries = attributes.entriesUnder("ai.settings.");
  if (entries.length === 0) return undefined;

  const settings: Record<string, unknown> = {};
  for (const [key] of entries) {
    if (CONTEXT_PREFIXES.some((prefix) => `ai.settings.${key}`.startsWith(prefix))) continue;
    settings[key] = attributes.readJson(`ai.settings.${key}`);
  }
  return Object.keys(settings).length > 0
    ? { value: settings, source: "ai.settings.*" }
    : undefined;
}

function readInput(attributes: AttributeReader): Sourced<unknown> | undefined {
  const providerMessages = attributes.readJson("ai.prompt.messages");
  if (providerMessages !== undefined) {
    return {
      value: normalizeChatMessages(providerMessages) ?? providerMessages,
      source: "ai.prompt.messages",
    };
  }

  const prompt = attributes.readJson("ai.prompt");
  if (prompt !== undefined)
    return { value: messagesFromPrompt(prompt) ?? prompt, source: "ai.prompt" };

  for (const key of ["ai.toolCall.args", "ai.toolCall.input"]) {
    const value = attributes.readSourcedJson(key);
    if (value) return value;
  }

  const values = attributes.readJson("ai.values");
  if (Array.isArray(values)) {
    // Each value is sent JSON-stringified.
    const parsed = values.map((value) =>
      typeof value === "string" ? parseJsonText(value) : value,
    );
    return { value: parsed, source: "ai.values" };
  }
  return attributes.readSourcedJson("ai.value");
}

/** `ai.prompt` is `{ system?, prompt?, messages? }`; rebuilt as one message list. */
function messagesFromPrompt(prompt: unknown): ChatMessage[] | null {
  if (!isRecord(prompt)) return null;

  const messages: ChatMessage[] = [];
  if (typeof prompt.system === "string") messages.push({ role: "system", content: prompt.system });
  if (typeof prompt.prompt === "string") messages.push({ role: "user", content: prompt.prompt });
  else messages.push(...(normalizeChatMessages(prompt.prompt) ?? []));
  messages.push(...(normalizeChatMessages(prompt.messages) ?? []));

  return messages.length > 0 ? messages : null;
}

function readOutput(attributes: AttributeReader): Sourced<unknown> | undefined {
  const text = attributes.get("ai.response.text");
  const textValue = text && "stringValue" in text ? text.stringValue : null;
  const toolCalls = readToolCallList(attributes.readJson("ai.response.toolCalls"));

  if (toolCalls.length > 0) {
    const message: ChatMessage = { role: "assistant", content: textValue, tool_calls: toolCalls };
    const source =
      textValue === null ? "ai.response.toolCalls" : "ai.response.text, ai.response.toolCalls";
    return { value: message, source };
  }
  if (textValue !== null) return { value: textValue, source: "ai.response.text" };

  for (const key of ["ai.response.object", "ai.toolCall.result", "ai.toolCall.output"]) {
    const value = attributes.readSourcedJson(key);
    if (value) return value;
  }
  return undefined;
}

/** Telemetry metadata (v4–v6) and the runtime context (v7), keyed without their prefix. */
function readMetadata(attributes: AttributeReader): Sourced<Record<string, unknown>> | undefined {
  const metadata: Record<string, unknown> = {};
  const sources: string[] = [];
  for (const prefix of [...CONTEXT_PREFIXES, METADATA_PREFIX]) {
    const keys = attributes.keysWithPrefix(prefix);
    if (keys.length === 0) continue;
    for (const key of keys) metadata[key.slice(prefix.length)] = attributes.readJson(key);
    sources.push(`${prefix}*`);
  }
  return sources.length > 0 ? { value: metadata, source: sources.join(", ") } : undefined;
}
