/**
 * The attribute names the SDK writes. Standard names (OTel GenAI semantic conventions,
 * OpenInference) wherever one exists, so that any OTLP backend can read the spans; `sightline.*`
 * only for what no standard names.
 */
export const ATTRIBUTES = {
  type: "sightline.type",
  environment: "sightline.environment",
  release: "sightline.release",
  feature: "sightline.feature",
  tags: "sightline.tags",
  metadataPrefix: "sightline.metadata.",
  userId: "user.id",
  sessionId: "session.id",

  inputValue: "input.value",
  inputMimeType: "input.mime_type",
  outputValue: "output.value",
  outputMimeType: "output.mime_type",

  operationName: "gen_ai.operation.name",
  requestModel: "gen_ai.request.model",
  requestPrefix: "gen_ai.request.",
  responseModel: "gen_ai.response.model",
  responseFinishReasons: "gen_ai.response.finish_reasons",
  providerName: "gen_ai.provider.name",
  system: "gen_ai.system",
  inputMessages: "gen_ai.input.messages",
  outputMessages: "gen_ai.output.messages",
  inputTokens: "gen_ai.usage.input_tokens",
  outputTokens: "gen_ai.usage.output_tokens",
  cacheReadTokens: "gen_ai.usage.cache_read.input_tokens",
  cacheWriteTokens: "gen_ai.usage.cache_creation.input_tokens",
  reasoningTokens: "gen_ai.usage.reasoning.output_tokens",
  toolName: "gen_ai.tool.name",
  toolCallId: "gen_ai.tool.call.id",
  agentName: "gen_ai.agent.name",

  retrievalDocumentsPrefix: "retrieval.documents.",
} as const;

/** `gen_ai.operation.name` values the SDK writes. */
export const OPERATIONS = {
  chat: "chat",
  embeddings: "embeddings",
  executeTool: "execute_tool",
  invokeAgent: "invoke_agent",
} as const;
