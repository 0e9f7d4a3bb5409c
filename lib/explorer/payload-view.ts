/**
 * Reads a stored input or output (any JSON) into the shape the span panel renders: a chat, a
 * list of retrieved documents, plain text, a truncation marker, or JSON as a last resort.
 * Pure and defensive: payloads come from clients and may have any shape.
 */

import { countOf } from "../text/plural";

export type ContentPart =
  | { type: "text"; text: string }
  | { type: "image"; url: string | null }
  | { type: "json"; value: unknown };

export interface ToolCallView {
  id: string | null;
  name: string;
  arguments: unknown;
}

export interface ChatMessageView {
  role: string;
  name: string | null;
  toolCallId: string | null;
  parts: ContentPart[];
  toolCalls: ToolCallView[];
}

export interface DocumentView {
  id: string | null;
  content: string | null;
  score: number | null;
  metadata: unknown;
}

export type PayloadView =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "texts"; texts: string[] }
  | { kind: "chat"; messages: ChatMessageView[] }
  | { kind: "documents"; documents: DocumentView[] }
  | { kind: "truncated"; originalSize: number; preview: string }
  | { kind: "json"; value: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** JSON text that holds an object or array, parsed; anything else unchanged. */
export function parseJsonIfStructured(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return value;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return value;
  }
}

function isChat(value: unknown): value is Record<string, unknown>[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => isRecord(item) && typeof item.role === "string")
  );
}

function isDocumentList(value: unknown): value is Record<string, unknown>[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (item) =>
        isRecord(item) &&
        ("content" in item || "page_content" in item || "pageContent" in item) &&
        ("score" in item || "id" in item || "metadata" in item),
    )
  );
}

/** How to show a payload. A JSON string holding structure is looked into once. */
export function readPayloadView(value: unknown): PayloadView {
  if (value === null || value === undefined || value === "") return { kind: "empty" };

  const parsed = parseJsonIfStructured(value);
  if (typeof parsed === "string") return { kind: "text", text: parsed };

  if (isRecord(parsed) && parsed.__truncated === true) {
    return {
      kind: "truncated",
      originalSize: typeof parsed.originalSize === "number" ? parsed.originalSize : 0,
      preview: typeof parsed.preview === "string" ? parsed.preview : "",
    };
  }

  if (isChat(parsed)) return { kind: "chat", messages: parsed.map(readMessage) };
  if (isRecord(parsed) && isChat(parsed.messages)) {
    return { kind: "chat", messages: parsed.messages.map(readMessage) };
  }
  // A bare assistant message (some SDKs record the output as one message object).
  if (isRecord(parsed) && typeof parsed.role === "string" && "content" in parsed) {
    return { kind: "chat", messages: [readMessage(parsed)] };
  }

  if (isDocumentList(parsed)) return { kind: "documents", documents: parsed.map(readDocument) };
  if (isRecord(parsed) && isDocumentList(parsed.documents)) {
    return { kind: "documents", documents: parsed.documents.map(readDocument) };
  }

  if (
    Array.isArray(parsed) &&
    parsed.length > 0 &&
    parsed.every((item) => typeof item === "string")
  ) {
    return { kind: "texts", texts: parsed as string[] };
  }
  return { kind: "json", value: parsed };
}

export function readMessage(raw: Record<string, unknown>): ChatMessageView {
  return {
    role: typeof raw.role === "string" ? raw.role : "unknown",
    name: stringOrNull(raw.name),
    toolCallId: stringOrNull(raw.tool_call_id) ?? stringOrNull(raw.toolCallId),
    parts: readContent(raw.content),
    toolCalls: readToolCalls(raw.tool_calls ?? raw.toolCalls),
  };
}

/** Message content as parts: text, images (never loaded, see ChatView) and the rest as JSON. */
export function readContent(content: unknown): ContentPart[] {
  if (content === null || content === undefined || content === "") return [];
  if (typeof content === "string") return [{ type: "text", text: content }];
  if (!Array.isArray(content)) return [{ type: "json", value: content }];

  return content.map((part): ContentPart => {
    if (typeof part === "string") return { type: "text", text: part };
    if (!isRecord(part)) return { type: "json", value: part };

    const text = stringOrNull(part.text) ?? stringOrNull(part.content);
    const type = typeof part.type === "string" ? part.type : "";
    if ((type === "text" || type === "input_text" || type === "output_text") && text !== null) {
      return { type: "text", text };
    }
    if (type === "image" || type === "image_url" || type === "input_image") {
      return { type: "image", url: readImageUrl(part) };
    }
    return { type: "json", value: part };
  });
}

function readImageUrl(part: Record<string, unknown>): string | null {
  const candidate = part.image_url ?? part.url ?? part.image ?? part.source;
  if (typeof candidate === "string") return candidate;
  if (isRecord(candidate)) return stringOrNull(candidate.url) ?? stringOrNull(candidate.data);
  return null;
}

function readToolCalls(value: unknown): ToolCallView[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((call) => {
    const fn = isRecord(call.function) ? call.function : call;
    return {
      id: stringOrNull(call.id),
      name: stringOrNull(fn.name) ?? stringOrNull(call.toolName) ?? "(unnamed tool)",
      arguments: parseJsonIfStructured(fn.arguments ?? call.args ?? call.input ?? null),
    };
  });
}

function readDocument(raw: Record<string, unknown>): DocumentView {
  const content = raw.content ?? raw.page_content ?? raw.pageContent;
  const score = typeof raw.score === "number" ? raw.score : Number(raw.score);
  return {
    id: raw.id === undefined || raw.id === null ? null : String(raw.id),
    content:
      typeof content === "string" ? content : content == null ? null : JSON.stringify(content),
    score: Number.isFinite(score) && raw.score !== null && raw.score !== undefined ? score : null,
    metadata: raw.metadata ?? null,
  };
}

/** The text of a payload for one-line summaries: a chat's last message, a text, else JSON. */
export function payloadSummaryText(value: unknown, role?: "user" | "assistant"): string | null {
  const view = readPayloadView(value);
  switch (view.kind) {
    case "empty":
      return null;
    case "text":
      return view.text;
    case "texts":
      return view.texts.join("\n");
    case "truncated":
      return view.preview;
    case "chat": {
      const candidates = role ? view.messages.filter((message) => message.role === role) : [];
      const message = (candidates.length > 0 ? candidates : view.messages).at(-1);
      if (!message) return null;
      const text = message.parts
        .map((part) => (part.type === "text" ? part.text : part.type === "image" ? "[image]" : ""))
        .join(" ")
        .trim();
      if (text) return text;
      return message.toolCalls.map((call) => `→ ${call.name}()`).join(" ") || null;
    }
    case "documents":
      return countOf(view.documents.length, "document");
    case "json":
      return JSON.stringify(view.value);
  }
}
