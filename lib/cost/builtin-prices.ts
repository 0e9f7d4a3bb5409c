import Decimal from "decimal.js";
import type { ModelPrice, PriceRates, PriceTier } from "./types";

// List prices of the major providers' current models in USD per million tokens, as published by
// each provider. Users override or extend them per project (custom prices beat these).

interface PerMillion {
  input: number;
  output?: number;
  cacheRead?: number;
  cacheWrite?: number;
  reasoning?: number;
  audioInput?: number;
  audioOutput?: number;
  imageInput?: number;
}

interface Entry {
  model: string;
  provider: string;
  aliases?: string[];
  from?: string;
  rates: PerMillion;
  tiers?: { minInputTokens: number; rates: PerMillion }[];
}

const ENTRIES: Entry[] = [
  // OpenAI
  { model: "gpt-4o", provider: "openai", from: "2024-05-13", rates: { input: 5, output: 15 } },
  {
    model: "gpt-4o",
    provider: "openai",
    aliases: ["chatgpt-4o-latest"],
    from: "2024-10-02",
    rates: { input: 2.5, cacheRead: 1.25, output: 10 },
  },
  // Dated snapshots that kept their own price when the undated name's changed.
  { model: "gpt-4o-2024-05-13", provider: "openai", rates: { input: 5, output: 15 } },
  { model: "gpt-3.5-turbo-1106", provider: "openai", rates: { input: 1, output: 2 } },
  { model: "gpt-3.5-turbo-0613", provider: "openai", rates: { input: 1.5, output: 2 } },
  {
    model: "gpt-4o-mini",
    provider: "openai",
    rates: { input: 0.15, cacheRead: 0.075, output: 0.6 },
  },
  { model: "gpt-4.1", provider: "openai", rates: { input: 2, cacheRead: 0.5, output: 8 } },
  { model: "gpt-4.1-mini", provider: "openai", rates: { input: 0.4, cacheRead: 0.1, output: 1.6 } },
  {
    model: "gpt-4.1-nano",
    provider: "openai",
    rates: { input: 0.1, cacheRead: 0.025, output: 0.4 },
  },
  { model: "gpt-5", provider: "openai", rates: { input: 1.25, cacheRead: 0.125, output: 10 } },
  { model: "gpt-5-mini", provider: "openai", rates: { input: 0.25, cacheRead: 0.025, output: 2 } },
  {
    model: "gpt-5-nano",
    provider: "openai",
    rates: { input: 0.05, cacheRead: 0.005, output: 0.4 },
  },
  { model: "gpt-4-turbo", provider: "openai", rates: { input: 10, output: 30 } },
  { model: "gpt-4", provider: "openai", rates: { input: 30, output: 60 } },
  { model: "gpt-3.5-turbo", provider: "openai", rates: { input: 0.5, output: 1.5 } },
  { model: "o1", provider: "openai", rates: { input: 15, cacheRead: 7.5, output: 60 } },
  { model: "o1-mini", provider: "openai", rates: { input: 1.1, cacheRead: 0.55, output: 4.4 } },
  { model: "o3", provider: "openai", rates: { input: 2, cacheRead: 0.5, output: 8 } },
  { model: "o3-mini", provider: "openai", rates: { input: 1.1, cacheRead: 0.55, output: 4.4 } },
  { model: "o4-mini", provider: "openai", rates: { input: 1.1, cacheRead: 0.275, output: 4.4 } },
  {
    model: "gpt-4o-audio-preview",
    provider: "openai",
    rates: { input: 2.5, output: 10, audioInput: 40, audioOutput: 80 },
  },
  { model: "text-embedding-3-small", provider: "openai", rates: { input: 0.02 } },
  { model: "text-embedding-3-large", provider: "openai", rates: { input: 0.13 } },
  { model: "text-embedding-ada-002", provider: "openai", rates: { input: 0.1 } },
  // Anthropic
  {
    model: "claude-opus-4-1",
    provider: "anthropic",
    aliases: ["claude-opus-4", "claude-opus-4-0"],
    rates: { input: 15, cacheRead: 1.5, cacheWrite: 18.75, output: 75 },
  },
  {
    model: "claude-sonnet-4-5",
    provider: "anthropic",
    aliases: ["claude-sonnet-4", "claude-sonnet-4-0"],
    rates: { input: 3, cacheRead: 0.3, cacheWrite: 3.75, output: 15 },
    tiers: [
      {
        minInputTokens: 200_001,
        rates: { input: 6, cacheRead: 0.6, cacheWrite: 7.5, output: 22.5 },
      },
    ],
  },
  {
    model: "claude-3-7-sonnet",
    provider: "anthropic",
    aliases: ["claude-3-5-sonnet"],
    rates: { input: 3, cacheRead: 0.3, cacheWrite: 3.75, output: 15 },
  },
  {
    model: "claude-haiku-4-5",
    provider: "anthropic",
    rates: { input: 1, cacheRead: 0.1, cacheWrite: 1.25, output: 5 },
  },
  {
    model: "claude-3-5-haiku",
    provider: "anthropic",
    rates: { input: 0.8, cacheRead: 0.08, cacheWrite: 1, output: 4 },
  },
  {
    model: "claude-3-haiku",
    provider: "anthropic",
    rates: { input: 0.25, cacheRead: 0.03, cacheWrite: 0.3, output: 1.25 },
  },
  {
    model: "claude-3-opus",
    provider: "anthropic",
    rates: { input: 15, cacheRead: 1.5, cacheWrite: 18.75, output: 75 },
  },
  // Google
  {
    model: "gemini-2.5-pro",
    provider: "google",
    rates: { input: 1.25, cacheRead: 0.31, output: 10 },
    tiers: [{ minInputTokens: 200_001, rates: { input: 2.5, cacheRead: 0.625, output: 15 } }],
  },
  {
    model: "gemini-2.5-flash",
    provider: "google",
    rates: { input: 0.3, cacheRead: 0.075, output: 2.5, audioInput: 1 },
  },
  {
    model: "gemini-2.5-flash-lite",
    provider: "google",
    rates: { input: 0.1, cacheRead: 0.025, output: 0.4, audioInput: 0.3 },
  },
  {
    model: "gemini-2.0-flash",
    provider: "google",
    rates: { input: 0.1, cacheRead: 0.025, output: 0.4, audioInput: 0.7 },
  },
  {
    model: "gemini-1.5-pro",
    provider: "google",
    rates: { input: 1.25, output: 5 },
    tiers: [{ minInputTokens: 128_001, rates: { input: 2.5, output: 10 } }],
  },
  { model: "gemini-1.5-flash", provider: "google", rates: { input: 0.075, output: 0.3 } },
  // Mistral
  { model: "mistral-large", provider: "mistral", rates: { input: 2, output: 6 } },
  { model: "mistral-medium", provider: "mistral", rates: { input: 0.4, output: 2 } },
  { model: "mistral-small", provider: "mistral", rates: { input: 0.1, output: 0.3 } },
  { model: "codestral", provider: "mistral", rates: { input: 0.3, output: 0.9 } },
  { model: "open-mistral-nemo", provider: "mistral", rates: { input: 0.15, output: 0.15 } },
  { model: "mistral-embed", provider: "mistral", rates: { input: 0.1 } },
  // Open models on hosted APIs
  { model: "llama-3.3-70b-versatile", provider: "groq", rates: { input: 0.59, output: 0.79 } },
  { model: "llama-3.1-8b-instant", provider: "groq", rates: { input: 0.05, output: 0.08 } },
  {
    model: "meta-llama/llama-3.3-70b-instruct-turbo",
    provider: "together",
    rates: { input: 0.88, output: 0.88 },
  },
  {
    model: "deepseek-chat",
    provider: "deepseek",
    rates: { input: 0.27, cacheRead: 0.07, output: 1.1 },
  },
  {
    model: "deepseek-reasoner",
    provider: "deepseek",
    rates: { input: 0.55, cacheRead: 0.14, output: 2.19 },
  },
];

const EPOCH = "2023-01-01";

function perToken(value: number | undefined): string | null {
  return value === undefined ? null : new Decimal(value).div(1_000_000).toFixed();
}

function toRates(rates: PerMillion): PriceRates {
  return {
    input: perToken(rates.input),
    output: perToken(rates.output),
    cacheRead: perToken(rates.cacheRead),
    cacheWrite: perToken(rates.cacheWrite),
    reasoning: perToken(rates.reasoning),
    audioInput: perToken(rates.audioInput),
    audioOutput: perToken(rates.audioOutput),
    imageInput: perToken(rates.imageInput),
  };
}

function toTierRates(rates: PerMillion): Partial<PriceRates> {
  const full = toRates(rates);
  return Object.fromEntries(Object.entries(full).filter(([, value]) => value !== null));
}

/** The built-in price list, with a stable id per (model, effective date). */
export function listBuiltinPrices(): ModelPrice[] {
  return ENTRIES.map((entry) => {
    const from = entry.from ?? EPOCH;
    const tiers: PriceTier[] = (entry.tiers ?? []).map((tier) => ({
      minInputTokens: tier.minInputTokens,
      rates: toTierRates(tier.rates),
    }));
    return {
      id: `builtin:${entry.model}:${from}`,
      projectId: null,
      model: entry.model,
      aliases: entry.aliases ?? [],
      provider: entry.provider,
      effectiveFrom: new Date(`${from}T00:00:00Z`),
      rates: toRates(entry.rates),
      tiers,
    };
  });
}
