import type { ChatMessage, ChatToolCall, ObservationType, OtlpAnyValue } from "@/lib/ingest/types";

import { anyValueToJson, parseJsonText, scalarOf, type AttributeReader } from "./attributes";
import type { ConventionMapper, ConventionResult, Sourced } from "./convention-result";
import { normalizeCost, toDecimalString, type CostFigures } from "./cost";
import { entriesUnder, groupByIndex } from "./indexed-entries";
import { contentFromParts } from "./messages";
import { normalizeUsage, readTokenCounts, type UsageField } from "./usage";

/**
 * OpenInference semantic conventions (Arize Phoenix and the openinference-instrumentation-*
 * packages): `openinference.span.kind`, `llm.*`, `input.value` / `output.value`, flattened
 * message, document and embedding lists, `tag.tags` and `metadata`.
 */

// RERANKER → RETRIEVER: a reranker returns ranked documents, as a retriever view shows them.
const SPAN_KINDS: Record<string, ObservationType> = {
  LLM: "GENERATION",
  EMBEDDING: "EMBEDDING",
  RETRIEVER: "RETRIEVER",
  RERANKER: "RETRIEVER",
  TOOL: "TOOL",
  AGENT: "AGENT",
  CHAIN: "CHAIN",
  GUARDRAIL: "GUARDRAIL",
  EVALUATOR: "EVALUATOR",
  PROMPT: "SPAN",
};

// Token counts include their details (prompt counts cached tokens, completion counts reasoning).
const TOKEN_KEYS: Array<[UsageField, string]> = [
  ["input", "llm.token_count.prompt"],
  ["output", "llm.token_count.completion"],
  ["total", "llm.token_count.total"],
  ["cacheRead", "llm.token_count.prompt_details.cache_read"],
  ["cacheRead", "llm.token_count.prompt_details.cache_input"],
  ["cacheWrite", "llm.token_count.prompt_details.cache_write"],
  ["audioInput", "llm.token_count.prompt_details.audio"],
  ["reasoning", "llm.token_count.completion_details.reasoning"],
  ["audioOutput", "llm.token_count.completion_details.audio"],
];

export const mapOpenInference: ConventionMapper = (context) => {
  const { attributes, warnings } = context;
  const result: ConventionResult = {};

  result.type = readSpanKind(attributes);
  result.requestModel = attributes.readFirstString(
    "llm.model_name",
    "embedding.model_name",
    "reranker.model_name",
  );
  result.provider = attributes.readFirstString("llm.provider", "llm.system");

  const parameters = attributes.readJsonObject("llm.invocation_parameters");
  if (parameters)
    result.modelParameters = { value: parameters, source: "llm.invocation_parameters" };

  const { counts, unreadable } = readTokenCounts(attributes, TOKEN_KEYS);
  result.usage = normalizeUsage(counts, "included", warnings, unreadable) ?? undefined;
  result.clientCost = readCost(attributes, warnings) ?? undefined;

  result.input =
    readMessages(attributes, "llm.input_messages") ??
    readEmbeddingTexts(attributes) ??
    readRerankerInput(attributes) ??
    readValue(attributes, "input");
  result.output =
    readMessages(attributes, "llm.output_messages") ??
    readDocuments(attributes, "retrieval.documents") ??
    readDocuments(attributes, "reranker.output_documents") ??
    readValue(attributes, "output");

  const tags = attributes.readStringList("tag.tags");
  if (tags && tags.length > 0) result.tags = { value: tags, source: "tag.tags" };

  result.metadata = readMetadata(attributes);

  return result;
};

/**
 * `metadata` as one JSON object (the instrumentations' setMetadata), else flattened
 * `metadata.<key>` attributes (what @arizeai/openinference-vercel writes), keyed without prefix.
 */
function readMetadata(attributes: AttributeReader): Sourced<Record<string, unknown>> | undefined {
  const metadata = attributes.readJsonObject("metadata");
  if (metadata) return { value: metadata, source: "metadata" };

  const entries = attributes.entriesUnder("metadata.");
  if (entries.length === 0) return undefined;
  const flattened: Record<string, unknown> = {};
  for (const [key] of entries) flattened[key] = attributes.readJson(`metadata.${key}`);
  return { value: flattened, source: "metadata.*" };
}

function readSpanKind(attributes: AttributeReader): Sourced<ObservationType> | undefined {
  const kind = attributes.readString("openinference.span.kind");
  if (kind === null) return undefined;

  const type = SPAN_KINDS[kind.trim().toUpperCase()];
  if (!type) {
    attributes.warn("openinference.span.kind", `has unmapped kind ${JSON.stringify(kind)}`);
    return undefined;
  }
  return { value: type, source: "openinference.span.kind" };
}

function readCost(attributes: AttributeReader, warnings: string[]) {
  const figures: CostFigures = {};
  for (const [field, key] of [
    ["input", "llm.cost.prompt"],
    ["output", "llm.cost.completion"],
    ["total", "llm.cost.total"],
  ] as const) {
    const raw = attributes.get(key);
    const value = raw ? toDecimalString(scalarOf(raw), key, warnings) : null;
    if (value !== null) figures[field] = { value, source: key };
  }
  return normalizeCost(figures);
}

/** `input.value` / `output.value`, parsed when its mime type says JSON, else kept as text. */
function readValue(
  attributes: AttributeReader,
  direction: "input" | "output",
): Sourced<unknown> | undefined {
  const key = `${direction}.value`;
  const value = attributes.get(key);
  if (!value) return undefined;

  const mimeType = attributes.readString(`${direction}.mime_type`)?.toLowerCase() ?? "";
  if ("stringValue" in value) {
    const isJson = mimeType.startsWith("application/json");
    return { value: isJson ? parseJsonText(value.stringValue) : value.stringValue, source: key };
  }
  return { value: anyValueToJson(value), source: key };
}

/** `llm.input_messages.N.message.*` rebuilt in index order. */
function readMessages(
  attributes: AttributeReader,
  prefix: string,
): Sourced<ChatMessage[]> | undefined {
  const groups = groupByIndex(attributes.entriesUnder(`${prefix}.`));
  if (groups.length === 0) return undefined;
  return { value: groups.map(buildMessage), source: `${prefix}.*` };
}

function buildMessage(group: ReadonlyMap<string, OtlpAnyValue>): ChatMessage {
  const text = (key: string): string | null => {
    const value = group.get(key);
    const scalar = value ? scalarOf(value) : null;
    return scalar === null ? null : String(scalar);
  };

  const contents = groupByIndex(entriesUnder(group, "message.contents.")).map((part) => {
    const partText = part.get("message_content.text");
    const imageUrl = part.get("message_content.image.image.url");
    if (partText && "stringValue" in partText)
      return { kind: "text" as const, text: partText.stringValue };
    if (imageUrl)
      return {
        kind: "other" as const,
        part: { type: "image", image_url: anyValueToJson(imageUrl) },
      };
    return {
      kind: "other" as const,
      part: Object.fromEntries([...part].map(([key, value]) => [key, anyValueToJson(value)])),
    };
  });

  const toolCalls = groupByIndex(entriesUnder(group, "message.tool_calls.")).map(
    (call): ChatToolCall => ({
      id: stringOf(call.get("tool_call.id")),
      name: stringOf(call.get("tool_call.function.name")) ?? "",
      arguments: call.has("tool_call.function.arguments")
        ? anyValueToJson(call.get("tool_call.function.arguments") ?? {})
        : null,
    }),
  );

  const message: ChatMessage = {
    role: text("message.role") ?? "unknown",
    content: group.has("message.content") ? text("message.content") : contentFromParts(contents),
  };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;

  const toolCallId = text("message.tool_call_id");
  if (toolCallId !== null) message.tool_call_id = toolCallId;
  const name = text("message.name");
  if (name !== null) message.name = name;
  return message;
}

/** Retrieved or reranked documents as `{ id?, content?, score?, metadata? }` in index order. */
function readDocuments(
  attributes: AttributeReader,
  prefix: string,
): Sourced<unknown[]> | undefined {
  const groups = groupByIndex(attributes.entriesUnder(`${prefix}.`));
  if (groups.length === 0) return undefined;

  const documents = groups.map((group) => {
    const document: Record<string, unknown> = {};
    for (const field of ["id", "content", "score", "metadata"]) {
      const value = group.get(`document.${field}`);
      if (!value) continue;
      document[field] =
        field === "metadata" && "stringValue" in value
          ? parseJsonText(value.stringValue)
          : anyValueToJson(value);
    }
    return document;
  });
  return { value: documents, source: `${prefix}.*` };
}

/**
 * What a reranker was asked to rank: `reranker.query` and `reranker.input_documents.N.document.*`
 * (its output documents are the ranked ones), as `{ query, documents }`.
 */
function readRerankerInput(attributes: AttributeReader): Sourced<unknown> | undefined {
  const query = attributes.readSourcedJson("reranker.query");
  const documents = readDocuments(attributes, "reranker.input_documents");
  if (!query && !documents) return undefined;

  const sources = [query?.source, documents?.source].filter((source) => source !== undefined);
  return {
    value: { query: query?.value ?? null, documents: documents?.value ?? [] },
    source: sources.join(", "),
  };
}

/** The texts embedded, from `embedding.embeddings.N.embedding.text`. */
function readEmbeddingTexts(attributes: AttributeReader): Sourced<string[]> | undefined {
  const groups = groupByIndex(attributes.entriesUnder("embedding.embeddings."));
  const texts = groups.flatMap((group) => {
    const value = stringOf(group.get("embedding.text"));
    return value === null ? [] : [value];
  });
  return texts.length > 0
    ? { value: texts, source: "embedding.embeddings.*.embedding.text" }
    : undefined;
}

function stringOf(value: OtlpAnyValue | undefined): string | null {
  const scalar = value ? scalarOf(value) : null;
  return scalar === null ? null : String(scalar);
}
