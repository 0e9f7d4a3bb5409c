import type { ChatMessage } from "@/lib/ingest/types";

import { isRecord, type AttributeReader } from "./attributes";
import type { ConventionMapper, ConventionResult, Sourced } from "./convention-result";
import { firstString, normalizeChatMessage } from "./messages";

/**
 * Google's Agent Development Kit (ADK), whose own attributes carry what the GenAI ones leave out:
 * a model call's request and response as JSON of google-genai objects
 * (`gcp.vertex.agent.llm_request`: `{ model, config: { system_instruction }, contents }`,
 * `gcp.vertex.agent.llm_response`: `{ content, usage_metadata, … }`), a tool's arguments and
 * response (`gcp.vertex.agent.tool_call_args`, `gcp.vertex.agent.tool_response`) and the ADK
 * session (`gcp.vertex.agent.session_id`). ADK writes `{}` into the request and response of its
 * tool spans; an empty object is no content. Its spans' types and usage come from gen-ai.ts.
 */

const PREFIX = "gcp.vertex.agent.";
const LLM_REQUEST_KEY = "gcp.vertex.agent.llm_request";
const LLM_RESPONSE_KEY = "gcp.vertex.agent.llm_response";
const TOOL_ARGUMENTS_KEY = "gcp.vertex.agent.tool_call_args";
const TOOL_RESPONSE_KEY = "gcp.vertex.agent.tool_response";

export const mapGoogleAdk: ConventionMapper = ({ attributes }) => {
  if (attributes.keysWithPrefix(PREFIX).length === 0) return {};

  const result: ConventionResult = {};
  result.sessionId = attributes.readFirstString("gcp.vertex.agent.session_id");
  result.input = readLlmRequest(attributes) ?? readContent(attributes, TOOL_ARGUMENTS_KEY);
  result.output = readLlmResponse(attributes) ?? readContent(attributes, TOOL_RESPONSE_KEY);
  return result;
};

/** The request's contents as chat messages, after its system instruction. */
function readLlmRequest(attributes: AttributeReader): Sourced<unknown> | undefined {
  const request = readContent(attributes, LLM_REQUEST_KEY);
  if (!request || !isRecord(request.value) || !Array.isArray(request.value.contents)) {
    return request;
  }

  const { config, contents } = request.value;
  const instruction = isRecord(config) ? config.system_instruction : undefined;
  const system =
    instruction === undefined ? [] : toChatMessages({ role: "system", ...asContent(instruction) });
  const messages = contents.flatMap((content) =>
    isRecord(content) ? toChatMessages(content) : [],
  );
  return { value: [...system, ...messages], source: LLM_REQUEST_KEY };
}

/** The response's content as the assistant's message. */
function readLlmResponse(attributes: AttributeReader): Sourced<unknown> | undefined {
  const response = readContent(attributes, LLM_RESPONSE_KEY);
  if (!response || !isRecord(response.value) || !isRecord(response.value.content)) return response;
  return { value: toChatMessages(response.value.content), source: LLM_RESPONSE_KEY };
}

/** The attribute's JSON, unless absent or an empty object (ADK's placeholder). */
function readContent(attributes: AttributeReader, key: string): Sourced<unknown> | undefined {
  const value = attributes.readSourcedJson(key);
  if (value && isRecord(value.value) && Object.keys(value.value).length === 0) return undefined;
  return value;
}

/** A system instruction: text, or a Content of parts. */
function asContent(instruction: unknown): Record<string, unknown> {
  if (isRecord(instruction) && Array.isArray(instruction.parts))
    return { parts: instruction.parts };
  return { parts: [typeof instruction === "string" ? { text: instruction } : instruction] };
}

/** A google-genai Content (`{ role, parts }`, the model's role `model`) as chat messages. */
function toChatMessages(content: Record<string, unknown>): ChatMessage[] {
  const role = content.role === "model" ? "assistant" : (firstString(content.role) ?? "user");
  const parts = Array.isArray(content.parts) ? content.parts.map(toMessagePart) : [];
  return normalizeChatMessage({ role, parts });
}

/** A google-genai Part as a part messages.ts reads: text, function call, function response. */
function toMessagePart(part: unknown): unknown {
  if (!isRecord(part)) return part;

  if (typeof part.text === "string" && part.thought !== true)
    return { type: "text", text: part.text };
  const call = part.function_call ?? part.functionCall;
  if (isRecord(call))
    return { type: "tool_call", id: call.id, name: call.name, arguments: call.args };
  const response = part.function_response ?? part.functionResponse;
  if (isRecord(response)) {
    return { type: "tool_call_response", id: response.id, response: response.response };
  }
  return part;
}
