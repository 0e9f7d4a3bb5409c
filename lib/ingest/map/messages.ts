import type { ChatMessage, ChatToolCall } from "@/lib/ingest/types";

import { isRecord } from "./attributes";

/**
 * Rebuilds chat messages from the shapes conventions send, into one shape for storage and the UI:
 * `{ role, content, tool_calls?, tool_call_id?, name? }`. Understood inputs:
 * - OTel GenAI parts: `{ role, parts: [{ type: "text", content } | { type: "tool_call", id, name,
 *   arguments } | { type: "tool_call_response", id, response } | …] }`
 * - OpenAI style: `{ role, content, tool_calls: [{ id, function: { name, arguments } }] }`
 * - Vercel AI SDK: `{ role, content: [{ type: "text", text } | { type: "tool-call", toolCallId,
 *   toolName, args | input } | { type: "tool-result", toolCallId, result | output }] }`
 * - Anthropic style parts: `tool_use` / `tool_result`.
 * - Bedrock Converse blocks (Strands Agents): `{ text }`, `{ toolUse }`, `{ toolResult }`.
 * Parts we do not know (images, reasoning, files) are kept as sent inside `content`.
 */

interface TextPart {
  kind: "text";
  text: string;
}

interface ToolResultPart {
  kind: "tool-result";
  id: string | null;
  content: unknown;
}

export type MessagePart =
  | TextPart
  | { kind: "tool-call"; call: ChatToolCall }
  | ToolResultPart
  | { kind: "other"; part: unknown };

const TOOL_CALL_TYPES = new Set(["tool_call", "tool-call", "tool_use", "function_call"]);
const TOOL_RESULT_TYPES = new Set([
  "tool_call_response",
  "tool-result",
  "tool_result",
  "function_call_output",
]);

/** Chat messages from a JSON value, or null when it is not a list of `{ role, … }` objects. */
export function normalizeChatMessages(value: unknown): ChatMessage[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  if (!value.every((item) => isRecord(item) && typeof item.role === "string")) return null;

  return value.filter(isRecord).flatMap(normalizeChatMessage);
}

/** One message (or several, when it carries several tool results) in our shape. */
export function normalizeChatMessage(raw: Record<string, unknown>): ChatMessage[] {
  const role = typeof raw.role === "string" ? raw.role : "unknown";
  const parts = Array.isArray(raw.parts)
    ? raw.parts
    : Array.isArray(raw.content)
      ? raw.content
      : null;
  const classified = parts ? parts.map(classifyPart) : [];

  const toolCalls = [
    ...classified.flatMap((part) => (part.kind === "tool-call" ? [part.call] : [])),
    ...readToolCallList(raw.tool_calls ?? raw.toolCalls),
  ];
  const toolResults = classified.filter(
    (part): part is ToolResultPart => part.kind === "tool-result",
  );
  const contentParts = classified.filter((part) => part.kind === "text" || part.kind === "other");

  const message: ChatMessage = {
    role,
    content: parts ? contentFromParts(contentParts) : (raw.content ?? null),
  };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;

  const toolCallId = firstString(raw.tool_call_id, raw.toolCallId, raw.id);
  if (toolCallId !== null && (role === "tool" || role === "function"))
    message.tool_call_id = toolCallId;
  if (typeof raw.name === "string") message.name = raw.name;

  const toolMessages = toolResults.map((result): ChatMessage => {
    const toolMessage: ChatMessage = { role: "tool", content: result.content };
    if (result.id !== null) toolMessage.tool_call_id = result.id;
    return toolMessage;
  });

  // A message that only carried tool results becomes just those tool messages.
  const onlyToolResults =
    toolResults.length > 0 && contentParts.length === 0 && toolCalls.length === 0;
  return onlyToolResults ? toolMessages : [message, ...toolMessages];
}

/** Text alone becomes a string; mixed content stays a list of parts; nothing becomes null. */
export function contentFromParts(parts: ReadonlyArray<MessagePart>): unknown {
  if (parts.length === 0) return null;
  const [first] = parts;
  if (parts.length === 1 && first?.kind === "text") return first.text;

  return parts.map((part) => {
    if (part.kind === "text") return { type: "text", text: part.text };
    if (part.kind === "other") return part.part;
    return part;
  });
}

function classifyPart(part: unknown): MessagePart {
  if (typeof part === "string") return { kind: "text", text: part };
  if (!isRecord(part)) return { kind: "other", part };

  const type = typeof part.type === "string" ? part.type : "";
  const text = firstString(part.text, part.content);
  if ((type === "text" || type === "input_text" || type === "output_text") && text !== null) {
    return { kind: "text", text };
  }
  if (type === "") {
    const converse = classifyConverseBlock(part);
    if (converse) return converse;
  }

  if (TOOL_CALL_TYPES.has(type)) {
    return {
      kind: "tool-call",
      call: {
        id: firstString(part.id, part.toolCallId, part.call_id),
        name: firstString(part.name, part.toolName) ?? "",
        arguments: part.arguments ?? part.args ?? part.input ?? null,
      },
    };
  }

  if (TOOL_RESULT_TYPES.has(type)) {
    return {
      kind: "tool-result",
      id: firstString(part.id, part.toolCallId, part.tool_use_id, part.call_id),
      content: part.response ?? part.result ?? part.output ?? part.content ?? null,
    };
  }

  return { kind: "other", part };
}

/**
 * A Bedrock Converse content block, keyed by its kind instead of typed (Strands Agents sends
 * these): `{ text }`, `{ toolUse: { toolUseId, name, input } }`, `{ toolResult: { toolUseId,
 * content: [blocks] } }`. Null for anything else.
 */
function classifyConverseBlock(block: Record<string, unknown>): MessagePart | null {
  if (Object.keys(block).length !== 1) return null;

  if (typeof block.text === "string") return { kind: "text", text: block.text };
  if (isRecord(block.toolUse)) {
    const { toolUseId, name, input } = block.toolUse;
    const id = firstString(toolUseId);
    return {
      kind: "tool-call",
      call: { id, name: firstString(name) ?? "", arguments: input ?? null },
    };
  }
  if (isRecord(block.toolResult)) {
    const { toolUseId, content } = block.toolResult;
    const blocks = Array.isArray(content) ? contentFromParts(content.map(classifyPart)) : content;
    return { kind: "tool-result", id: firstString(toolUseId), content: blocks ?? null };
  }
  return null;
}

/** Tool calls from an OpenAI-style list (`function.name`) or a flat `{ id, name, arguments }`. */
export function readToolCallList(value: unknown): ChatToolCall[] {
  if (!Array.isArray(value)) return [];

  return value.filter(isRecord).map((call) => {
    const fn = isRecord(call.function) ? call.function : call;
    return {
      id: firstString(call.id, call.toolCallId),
      name: firstString(fn.name, call.toolName) ?? "",
      arguments: fn.arguments ?? call.args ?? call.input ?? null,
    };
  });
}

export function firstString(...values: unknown[]): string | null {
  for (const value of values) if (typeof value === "string" && value !== "") return value;
  return null;
}
