import Decimal from "decimal.js";
import { z } from "zod";

/**
 * The largest price a project may set, in USD per token ($1,000,000,000 per 1M tokens: a million
 * times the dearest model listed today). Costs are stored as NUMERIC(30, 12), below 1e18 USD, so
 * at this rate a span of up to a billion tokens still has a cost that fits (see
 * MAX_SPAN_COST_USD for costs that do not).
 */
export const MAX_TOKEN_PRICE_USD = 1000;

/** Rates are kept to this many decimals: far below a cent per billion tokens. */
const MAX_DECIMAL_PLACES = 20;

const DECIMAL_TEXT = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const TOO_LARGE =
  `must be at most ${MAX_TOKEN_PRICE_USD} (USD per token, ` +
  `$${(MAX_TOKEN_PRICE_USD * 1_000_000).toLocaleString("en-US")} per 1M tokens)`;

/** Reads a price as sent (a JSON number or a decimal string); an error message if it is none. */
function readTokenPrice(raw: number | string): Decimal | string {
  if (typeof raw === "number") {
    // JSON.parse turns a literal such as 1e400 into Infinity.
    if (Number.isNaN(raw)) return "must be a number";
    if (raw < 0) return "must not be negative";
    if (!Number.isFinite(raw)) return TOO_LARGE;
    return new Decimal(raw);
  }
  const text = raw.trim();
  if (/^-\s*[\d.]/.test(text)) return "must not be negative";
  if (!DECIMAL_TEXT.test(text)) {
    return `must be a non-negative decimal number such as 0.0000025, not ${JSON.stringify(
      text.slice(0, 40),
    )}`;
  }
  return new Decimal(text);
}

/**
 * One price of a token kind, in USD per token, as sent to POST /api/public/models and by the
 * model prices page: a non-negative number or decimal string, at most MAX_TOKEN_PRICE_USD.
 * Becomes an exact decimal string without exponent, at most 20 decimals.
 */
export const TokenPriceZ = z
  // Not z.number(): it would refuse Infinity (a JSON 1e400) without saying it is too large.
  .custom<number | string>(
    (raw) => typeof raw === "number" || typeof raw === "string",
    "must be a number or a decimal string",
  )
  .transform((raw, context) => {
    const price = readTokenPrice(raw);
    if (typeof price === "string") {
      context.addIssue({ code: "custom", message: price });
      return z.NEVER;
    }
    if (price.greaterThan(MAX_TOKEN_PRICE_USD)) {
      context.addIssue({ code: "custom", message: TOO_LARGE });
      return z.NEVER;
    }
    return price.toDecimalPlaces(MAX_DECIMAL_PLACES).toFixed();
  });
