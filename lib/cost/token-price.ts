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

/** Plain decimal notation, optionally with an exponent; no hex, binary, octal or Infinity. */
const DECIMAL_TEXT = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Whether text is a non-negative number in decimal notation (`2.5`, `.5`, `1.5e-7`). */
export function isDecimalText(text: string): boolean {
  return DECIMAL_TEXT.test(text.trim());
}

const SMALLEST_PRICE = new Decimal(10).pow(-MAX_DECIMAL_PLACES);

const TOO_SMALL =
  `must be 0 or at least ${SMALLEST_PRICE.toFixed()} (USD per token, ` +
  `$${SMALLEST_PRICE.times(1_000_000).toFixed()} per 1M tokens): a smaller price is stored as 0`;

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
    const shown = JSON.stringify(text.slice(0, 40));
    return `must be a non-negative decimal number of USD per token such as 0.0000025, not ${shown}`;
  }
  return new Decimal(text);
}

/**
 * One price of a token kind, in USD per token, as sent to POST /api/public/models and by the
 * model prices page: a non-negative number or decimal string, at most MAX_TOKEN_PRICE_USD; a
 * positive price must not round to 0 at the stored precision.
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
    const stored = price.toDecimalPlaces(MAX_DECIMAL_PLACES);
    if (price.greaterThan(0) && stored.isZero()) {
      context.addIssue({ code: "custom", message: TOO_SMALL });
      return z.NEVER;
    }
    return stored.toFixed();
  });

/**
 * A price typed per 1M tokens (the model prices page) as a price per token for the API;
 * undefined when left empty. Throws an Error naming the field when the text is not a decimal
 * number, so that the message speaks of the unit the person typed in.
 */
export function perMillionToPerToken(field: string, text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (!isDecimalText(trimmed)) {
    throw new Error(
      `${field}: must be a non-negative decimal number of USD per 1M tokens such as 2.5, ` +
        `not ${JSON.stringify(trimmed.slice(0, 40))}`,
    );
  }
  return new Decimal(trimmed).div(1_000_000).toString();
}
