import type { ChatMessage, OtlpEvent } from "@/lib/ingest/types";

import { AttributeReader, anyValueToJson, isRecord, parseJsonText } from "./attributes";
import type { MappingContext, Sourced } from "./convention-result";
import { entriesUnder, groupByIndex } from "./indexed-entries";
import { normalizeChatMessage, normalizeChatMessages } from "./messages";

/**
 * Input and output messages in the OTel GenAI conventions, newest form first:
 * 1. `gen_ai.input.messages` / `gen_ai.output.messages` (+ `gen_ai.system_instructions`), JSON
 *    of role + parts, on the span or on a `gen_ai.client.inference.operation.details` event;
 * 2. the older `gen_ai.prompt` / `gen_ai.completion` (JSON or text);
 * 3. the older flattened `gen_ai.prompt.N.role|content|tool_calls.K.*` (OpenLLMetry);
 * 4. the same `gen_ai.prompt` / `gen_ai.completion` on a `gen_ai.content.prompt` /
 *    `gen_ai.content.completion` event (semconv of 2024: Semantic Kernel, Spring AI);
 * 5. the older per-message events `gen_ai.{system,user,assistant,tool}.message` and
 *    `gen_ai.choice`, with the body in attributes (`content`, `message`, `tool_calls`, `id`,
 *    `gen_ai.event.content` JSON or a `body` kvlist); a `message` or `body` that is no message
 *    object is the content (Strands Agents).
 */

const DETAILS_EVENT = "gen_ai.client.inference.operation.details";
const PROMPT_EVENT = "gen_ai.content.prompt";
const COMPLETION_EVENT = "gen_ai.content.completion";

const MESSAGE_EVENT_ROLES: Record<string, string> = {
  "gen_ai.system.message": "system",
  "gen_ai.user.message": "user",
  "gen_ai.assistant.message": "assistant",
  "gen_ai.tool.message": "tool",
};

export function readGenAiInput(context: MappingContext): Sourced<unknown> | undefined {
  const { attributes, span, warnings } = context;

  const fromSpan = readPartsMessages(attributes, "gen_ai.input.messages", "");
  if (fromSpan) return fromSpan;

  const details = span.events.find((event) => event.name === DETAILS_EVENT);
  if (details) {
    const reader = new AttributeReader(details.attributes, warnings);
    const fromEvent = readPartsMessages(reader, "gen_ai.input.messages", `event:${DETAILS_EVENT} `);
    if (fromEvent) return fromEvent;
  }

  return (
    readLegacyValue(attributes, "gen_ai.prompt", "") ??
    readFlattenedMessages(attributes, "gen_ai.prompt") ??
    readContentEvent(context, PROMPT_EVENT, "gen_ai.prompt") ??
    readMessageEvents(context)
  );
}

export function readGenAiOutput(context: MappingContext): Sourced<unknown> | undefined {
  const { attributes, span, warnings } = context;

  const fromSpan = readJsonMessages(attributes, "gen_ai.output.messages", "");
  if (fromSpan) return fromSpan;

  const details = span.events.find((event) => event.name === DETAILS_EVENT);
  if (details) {
    const reader = new AttributeReader(details.attributes, warnings);
    const fromEvent = readJsonMessages(reader, "gen_ai.output.messages", `event:${DETAILS_EVENT} `);
    if (fromEvent) return fromEvent;
  }

  return (
    readLegacyValue(attributes, "gen_ai.completion", "") ??
    readFlattenedMessages(attributes, "gen_ai.completion") ??
    readContentEvent(context, COMPLETION_EVENT, "gen_ai.completion") ??
    readChoiceEvents(span.events, warnings)
  );
}

/**
 * Input messages under `key` with the system instructions (kept apart in the new format) put
 * first. pydantic-ai's agent run span pairs its own message list with them the same way.
 */
export function readPartsMessages(
  reader: AttributeReader,
  key: string,
  sourcePrefix: string,
): Sourced<unknown> | undefined {
  const messages = readJsonMessages(reader, key, sourcePrefix);
  const instructions = reader.readJson("gen_ai.system_instructions");
  if (instructions === undefined) return messages;

  const system = Array.isArray(instructions)
    ? normalizeChatMessage({ role: "system", parts: instructions })
    : [{ role: "system", content: instructions }];
  const rest = Array.isArray(messages?.value) ? messages.value : messages ? [messages.value] : [];
  const sources = [
    `${sourcePrefix}gen_ai.system_instructions`,
    ...(messages ? [messages.source] : []),
  ];
  return { value: [...system, ...rest], source: sources.join(", ") };
}

function readJsonMessages(
  reader: AttributeReader,
  key: string,
  sourcePrefix: string,
): Sourced<unknown> | undefined {
  const value = reader.readJson(key);
  if (value === undefined) return undefined;
  return { value: normalizeChatMessages(value) ?? value, source: `${sourcePrefix}${key}` };
}

/** `gen_ai.prompt` as one attribute: a JSON message list, other JSON, or plain text. */
function readLegacyValue(
  reader: AttributeReader,
  key: string,
  sourcePrefix: string,
): Sourced<unknown> | undefined {
  const value = reader.readJson(key);
  if (value === undefined) return undefined;
  return { value: normalizeChatMessages(value) ?? value, source: `${sourcePrefix}${key}` };
}

/** The value of `key` on the span's first event named `eventName`. */
function readContentEvent(
  { span, warnings }: MappingContext,
  eventName: string,
  key: string,
): Sourced<unknown> | undefined {
  const event = span.events.find((candidate) => candidate.name === eventName);
  if (!event) return undefined;
  const reader = new AttributeReader(event.attributes, warnings);
  return readLegacyValue(reader, key, `event:${eventName} `);
}

function readFlattenedMessages(
  attributes: AttributeReader,
  prefix: string,
): Sourced<ChatMessage[]> | undefined {
  const groups = groupByIndex(attributes.entriesUnder(`${prefix}.`));
  if (groups.length === 0) return undefined;

  const messages = groups.flatMap((group) => {
    const raw: Record<string, unknown> = {};
    for (const field of ["role", "content", "tool_call_id", "name"]) {
      const value = group.get(field);
      if (value)
        raw[field] =
          "stringValue" in value ? parseJsonText(value.stringValue) : anyValueToJson(value);
    }
    raw.tool_calls = groupByIndex(entriesUnder(group, "tool_calls.")).map((call) =>
      Object.fromEntries([...call].map(([field, value]) => [field, anyValueToJson(value)])),
    );
    if (typeof raw.role !== "string") raw.role = "unknown";
    return normalizeChatMessage(raw);
  });
  return { value: messages, source: `${prefix}.*` };
}

function readMessageEvents({ span, warnings }: MappingContext): Sourced<ChatMessage[]> | undefined {
  const events = span.events.filter((event) => event.name in MESSAGE_EVENT_ROLES);
  if (events.length === 0) return undefined;

  const messages = events.flatMap((event) =>
    normalizeChatMessage(
      readEventBody(event, MESSAGE_EVENT_ROLES[event.name] ?? "unknown", warnings),
    ),
  );
  return { value: messages, source: describeEvents(events) };
}

/** `gen_ai.choice` events, one assistant message per choice, ordered by their `index`. */
function readChoiceEvents(
  events: OtlpEvent[],
  warnings: string[],
): Sourced<ChatMessage[]> | undefined {
  const choices = events.filter((event) => event.name === "gen_ai.choice");
  if (choices.length === 0) return undefined;

  const ordered = choices
    .map((event, position) => {
      const index = new AttributeReader(event.attributes, warnings).readNumber("index");
      return { event, order: index ?? position };
    })
    .sort((left, right) => left.order - right.order);

  const messages = ordered.flatMap(({ event }) =>
    normalizeChatMessage(readEventBody(event, "assistant", warnings)),
  );
  return { value: messages, source: describeEvents(choices) };
}

/** A message record from an event's attributes, whichever of the historical layouts it uses. */
function readEventBody(
  event: OtlpEvent,
  defaultRole: string,
  warnings: string[],
): Record<string, unknown> {
  const reader = new AttributeReader(event.attributes, warnings);
  const raw: Record<string, unknown> = { role: defaultRole };

  for (const key of ["gen_ai.event.content", "body", "message"]) {
    const nested = reader.readJson(key);
    if (isRecord(nested)) Object.assign(raw, nested);
    // Strands sends the content itself: a JSON list of its content blocks, or the agent's text.
    else if (nested !== undefined && nested !== null) raw.content ??= nested;
  }

  const role = reader.readString("role");
  if (role !== null) raw.role = role;
  if (reader.has("content")) raw.content = reader.readJson("content");
  if (reader.has("tool_calls")) raw.tool_calls = reader.readJson("tool_calls");
  const id = reader.readString("id") ?? reader.readString("tool_call_id");
  if (id !== null) raw.tool_call_id = id;
  return raw;
}

function describeEvents(events: OtlpEvent[]): string {
  return [...new Set(events.map((event) => `event:${event.name}`))].join(", ");
}
