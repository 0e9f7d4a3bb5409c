import { countTokens } from "gpt-tokenizer";
import type { MappedSpan, Usage } from "../ingest/types";

// Tokenizing is linear in the text; past this many characters the count is extrapolated.
const MAX_TOKENIZED_CHARS = 200_000;

function textOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (item && typeof item === "object" && "content" in item) return textOf(item.content);
        return textOf(item);
      })
      .join("\n");
  }
  return JSON.stringify(value);
}

function count(text: string): number {
  if (text.length <= MAX_TOKENIZED_CHARS) return countTokens(text);
  const sample = countTokens(text.slice(0, MAX_TOKENIZED_CHARS));
  return Math.round((sample * text.length) / MAX_TOKENIZED_CHARS);
}

/**
 * Token counts for a generation or embedding that reported none but carries its text, counted
 * with the o200k tokenizer (an estimate for non-OpenAI models). Null when nothing is to estimate.
 */
export function estimateUsage(mapped: MappedSpan): Usage | null {
  if (mapped.type !== "GENERATION" && mapped.type !== "EMBEDDING") return null;
  if (mapped.usage.input !== null || mapped.usage.output !== null) return null;
  // Its children carry the real counts (e.g. the AI SDK's ai.embed over ai.embed.doEmbed).
  if (mapped.usageIsAggregate) return null;
  // A call that failed without an answer (rate limit, timeout) is not billed: nothing to count.
  if (mapped.level === "ERROR" && (mapped.output === null || mapped.output === undefined))
    return null;
  const inputText = textOf(mapped.input);
  const outputText = mapped.type === "GENERATION" ? textOf(mapped.output) : "";
  if (!inputText && !outputText) return null;

  const input = inputText ? count(inputText) : 0;
  const output = outputText ? count(outputText) : 0;
  return {
    ...mapped.usage,
    input,
    output: mapped.type === "GENERATION" ? output : null,
    total: input + output,
  };
}
