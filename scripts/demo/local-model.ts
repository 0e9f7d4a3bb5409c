import { countTokens } from "gpt-tokenizer";

import type { TokenUsage } from "../../sdk/src/index";

import type { ModelProfile } from "./catalog";
import type { SeededRandom } from "./random";

/** One chat message as the demo sends it. */
export interface PromptMessage {
  role: "system" | "user" | "assistant" | "tool";
  content: string;
}

/** Whether the prompt starts with a prefix the provider may have cached, and its size. */
export interface CacheHint {
  prefixTokens: number;
  /** True when the same prefix was sent recently (its cache entry is still warm). */
  warm: boolean;
}

/** What the stand-in "model" answered: the text given, real token counts, a simulated latency. */
export interface SimulatedCall {
  text: string;
  usage: Required<TokenUsage>;
  latencyMs: number;
  finishReason: "stop" | "tool_calls";
}

// Providers only cache prompts from this size on (OpenAI: 1024 tokens, in steps of 128).
const MIN_CACHEABLE_TOKENS = 1024;

/** Input tokens of a chat prompt: the text of each message plus the chat format's overhead. */
export function countPromptTokens(messages: readonly PromptMessage[]): number {
  return messages.reduce((sum, message) => sum + countTokens(message.content) + 4, 3);
}

/**
 * Stands in for a chat model: the caller composed the answer text; this counts its tokens with a
 * real tokenizer (o200k, for every provider), applies the provider's prompt caching and
 * reasoning, and derives a latency from the model's speed.
 */
export function simulateChat(
  model: ModelProfile,
  messages: readonly PromptMessage[],
  text: string,
  random: SeededRandom,
  options: { cache?: CacheHint; finishReason?: SimulatedCall["finishReason"] } = {},
): SimulatedCall {
  const input = countPromptTokens(messages);
  const visibleOutput = countTokens(text);
  const reasoning = model.reasoning ? random.int(2, 28) * 64 : 0;
  const { cacheRead, cacheWrite } = cachedTokens(model, options.cache, input);

  const firstTokenMs = model.firstTokenMs * (0.7 + random.next() * 0.8) * (cacheRead ? 0.7 : 1);
  const generationMs =
    (visibleOutput + reasoning) * model.msPerOutputToken * (0.8 + random.next() * 0.5);
  return {
    text,
    usage: { input, output: visibleOutput + reasoning, cacheRead, cacheWrite, reasoning },
    latencyMs: Math.round(firstTokenMs + generationMs),
    finishReason: options.finishReason ?? "stop",
  };
}

/** Stands in for an embedding call: input tokens of the texts, a short latency. */
export function simulateEmbedding(
  texts: readonly string[],
  random: SeededRandom,
): { usage: TokenUsage; latencyMs: number } {
  const input = texts.reduce((sum, text) => sum + countTokens(text), 0);
  return { usage: { input }, latencyMs: Math.round(60 + random.next() * 140 + input * 0.02) };
}

function cachedTokens(
  model: ModelProfile,
  cache: CacheHint | undefined,
  input: number,
): { cacheRead: number; cacheWrite: number } {
  const prefix = Math.min(cache?.prefixTokens ?? 0, input);
  if (!cache || prefix < MIN_CACHEABLE_TOKENS || model.caching === "none") {
    return { cacheRead: 0, cacheWrite: 0 };
  }
  if (model.caching === "explicit") {
    return cache.warm ? { cacheRead: prefix, cacheWrite: 0 } : { cacheRead: 0, cacheWrite: prefix };
  }
  return { cacheRead: cache.warm ? Math.floor(prefix / 128) * 128 : 0, cacheWrite: 0 };
}
