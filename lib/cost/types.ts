/** USD per token, as exact decimal strings; null = this kind of token is not priced apart. */
export interface PriceRates {
  input: string | null;
  cacheRead: string | null;
  cacheWrite: string | null;
  output: string | null;
  reasoning: string | null;
  audioInput: string | null;
  audioOutput: string | null;
  imageInput: string | null;
}

/** Rates that replace the base rates when the prompt has at least `minInputTokens` tokens. */
export interface PriceTier {
  minInputTokens: number;
  rates: Partial<PriceRates>;
}

/** One price of one model from one date on. Project prices (projectId set) beat built-in ones. */
export interface ModelPrice {
  id: string;
  projectId: string | null;
  model: string;
  aliases: string[];
  provider: string | null;
  effectiveFrom: Date;
  rates: PriceRates;
  tiers: PriceTier[];
}

/** Cost of one span, in USD, exact decimal strings. */
export interface CostBreakdown {
  input: string;
  output: string;
  total: string;
  details: Record<string, string>;
  /** Notes such as a subset clamped to its total. */
  flags: string[];
}
