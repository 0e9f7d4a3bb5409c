import Decimal from "decimal.js";
import type { Usage } from "../ingest/types";
import type { CostBreakdown, PriceRates, PriceTier } from "./types";

/** The tier whose threshold is the highest one the prompt reaches, merged over the base rates. */
export function ratesForPrompt(
  base: PriceRates,
  tiers: PriceTier[],
  inputTokens: number,
): PriceRates {
  const tier = [...tiers]
    .sort((a, b) => b.minInputTokens - a.minInputTokens)
    .find((candidate) => inputTokens >= candidate.minInputTokens);
  if (!tier) return base;
  const merged: PriceRates = { ...base };
  for (const [key, value] of Object.entries(tier.rates) as [keyof PriceRates, string | null][]) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

interface Part {
  name: keyof PriceRates;
  tokens: number;
  rate: string;
}

/** Takes a subset out of a total, clamping (and flagging) a subset larger than what is left. */
function takeSubset(
  left: { value: number },
  subset: number,
  label: string,
  flags: string[],
): number {
  if (subset <= left.value) {
    left.value -= subset;
    return subset;
  }
  flags.push(`${label} (${subset}) exceeds the tokens left in its total (${left.value}): clamped`);
  const taken = left.value;
  left.value = 0;
  return taken;
}

function inputParts(usage: Usage, rates: PriceRates, flags: string[]): Part[] {
  const left = { value: usage.input ?? 0 };
  const parts: Part[] = [];
  const inputRate = rates.input ?? "0";
  // Cached reads and writes are part of `input`; without a rate of their own they cost as input.
  const cacheRead = takeSubset(left, usage.cacheRead ?? 0, "cache read tokens", flags);
  parts.push({ name: "cacheRead", tokens: cacheRead, rate: rates.cacheRead ?? inputRate });
  const cacheWrite = takeSubset(left, usage.cacheWrite ?? 0, "cache write tokens", flags);
  parts.push({ name: "cacheWrite", tokens: cacheWrite, rate: rates.cacheWrite ?? inputRate });
  // Audio and image tokens leave the text count only when they have a price of their own.
  if (rates.audioInput !== null && usage.audioInput) {
    const tokens = takeSubset(left, usage.audioInput, "audio input tokens", flags);
    parts.push({ name: "audioInput", tokens, rate: rates.audioInput });
  }
  if (rates.imageInput !== null && usage.imageInput) {
    const tokens = takeSubset(left, usage.imageInput, "image input tokens", flags);
    parts.push({ name: "imageInput", tokens, rate: rates.imageInput });
  }
  parts.unshift({ name: "input", tokens: left.value, rate: inputRate });
  return parts;
}

function outputParts(usage: Usage, rates: PriceRates, flags: string[]): Part[] {
  const left = { value: usage.output ?? 0 };
  const parts: Part[] = [];
  const outputRate = rates.output ?? "0";
  // Reasoning is part of `output`: counted once, at its own rate when it has one.
  if (rates.reasoning !== null && usage.reasoning) {
    const tokens = takeSubset(left, usage.reasoning, "reasoning tokens", flags);
    parts.push({ name: "reasoning", tokens, rate: rates.reasoning });
  } else if (usage.reasoning && usage.reasoning > left.value) {
    flags.push(`reasoning tokens (${usage.reasoning}) exceed output tokens (${left.value})`);
  }
  if (rates.audioOutput !== null && usage.audioOutput) {
    const tokens = takeSubset(left, usage.audioOutput, "audio output tokens", flags);
    parts.push({ name: "audioOutput", tokens, rate: rates.audioOutput });
  }
  parts.unshift({ name: "output", tokens: left.value, rate: outputRate });
  return parts;
}

function sum(parts: Part[], details: Record<string, string>): Decimal {
  let total = new Decimal(0);
  for (const part of parts) {
    const cost = new Decimal(part.rate).times(part.tokens);
    details[part.name] = cost.toFixed();
    total = total.plus(cost);
  }
  return total;
}

/**
 * Cost of a span's usage under a price: uncached input, cache reads and writes, output, and
 * reasoning / audio / image at their own rates where priced apart, never counted twice.
 * Null when the span reports no tokens at all.
 */
export function computeCost(
  usage: Usage,
  base: PriceRates,
  tiers: PriceTier[],
): CostBreakdown | null {
  if (usage.input === null && usage.output === null) return null;
  const rates = ratesForPrompt(base, tiers, usage.input ?? 0);
  const flags: string[] = [];
  const details: Record<string, string> = {};
  const input = sum(inputParts(usage, rates, flags), details);
  const output = sum(outputParts(usage, rates, flags), details);
  return {
    input: input.toFixed(),
    output: output.toFixed(),
    total: input.plus(output).toFixed(),
    details,
    flags,
  };
}
