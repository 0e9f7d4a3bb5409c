import Decimal from "decimal.js";
import type { MappedSpan, Usage } from "../ingest/types";
import { computeCost } from "./compute-cost";
import type { PriceBook } from "./match-model";
import type { ModelPrice } from "./types";

/** The cost columns of one span; all null for an unpriced span (never zero). */
export interface SpanCost {
  inputCost: string | null;
  outputCost: string | null;
  totalCost: string | null;
  costDetails: Record<string, unknown> | null;
  costSource: "client" | "price" | null;
  priceId: string | null;
  /** Why a cost was left out, for the span's warnings; null when nothing was. */
  warning: string | null;
}

/**
 * The largest cost stored for one span, in USD. The cost columns are NUMERIC(30, 12), below
 * 1e18, and traces and hourly cost rollups add span costs up: this bound leaves room for a
 * million spans at the limit in one sum. A larger cost is a wrong price or a wrong client
 * figure, never a real bill.
 */
export const MAX_SPAN_COST_USD = new Decimal("1e12");

const UNPRICED: SpanCost = {
  inputCost: null,
  outputCost: null,
  totalCost: null,
  costDetails: null,
  costSource: null,
  priceId: null,
  warning: null,
};

/**
 * Cost of a span. Resolution: a cost the client reported wins; otherwise the price in force at
 * the span's start for its response model, then request model (see PriceBook.resolve); no price
 * or no tokens → null (shown as "unpriced"), never 0. A cost too large to store is left out
 * (with a warning) rather than failing the span's batch: a reported one gives way to the
 * model's price, a computed one leaves the span unpriced.
 */
export function priceSpan(mapped: MappedSpan, startTime: Date, book: PriceBook): SpanCost {
  const client = mapped.clientCost;
  let refusedClientCost: string | null = null;
  if (client && (client.total !== null || client.input !== null || client.output !== null)) {
    const reported = limitSpanCost({
      inputCost: client.input,
      outputCost: client.output,
      totalCost: client.total ?? sumOrNull(client.input, client.output),
      costDetails: { source: "client" },
      costSource: "client",
      priceId: null,
      warning: null,
    });
    if (reported.warning === null) return reported;
    // An impossible reported cost says nothing: the model's price, if any, is the better figure.
    refusedClientCost = reported.warning;
  }

  const resolved = book.resolve(
    [mapped.responseModel, mapped.requestModel, mapped.model],
    startTime,
  );
  const cost = resolved ? costFromPrice(mapped.usage, resolved) : UNPRICED;
  if (refusedClientCost === null) return cost;
  const fallback = cost.totalCost === null ? "left unpriced" : "priced from the model's price";
  return { ...cost, warning: refusedClientCost.replace(/left unpriced$/, fallback) };
}

/**
 * Cost of a usage under a resolved price (at ingest and when stored costs are recomputed);
 * unpriced when there are no tokens, or, with a warning, when the cost is too large to store.
 */
export function costFromPrice(
  usage: Usage,
  resolved: { price: ModelPrice; matchedName: string },
): SpanCost {
  const cost = computeCost(usage, resolved.price.rates, resolved.price.tiers);
  if (!cost) return UNPRICED;
  return limitSpanCost({
    inputCost: cost.input,
    outputCost: cost.output,
    totalCost: cost.total,
    costDetails: { ...cost.details, matchedModel: resolved.matchedName, flags: cost.flags },
    costSource: "price",
    priceId: resolved.price.id,
    warning: null,
  });
}

function limitSpanCost(cost: SpanCost): SpanCost {
  const figures = [
    ["inputCost", cost.inputCost],
    ["outputCost", cost.outputCost],
    ["totalCost", cost.totalCost],
  ] as const;
  for (const [field, figure] of figures) {
    if (figure === null || new Decimal(figure).lessThanOrEqualTo(MAX_SPAN_COST_USD)) continue;
    const source = cost.costSource === "client" ? "reported by the client" : "computed";
    const shown = new Decimal(figure).toSignificantDigits(6).toString();
    return {
      ...UNPRICED,
      warning:
        `cost: the ${field} ${source} (${shown} USD) exceeds ${MAX_SPAN_COST_USD.toString()} ` +
        "USD, the most stored for one span; left unpriced",
    };
  }
  return cost;
}

function sumOrNull(a: string | null, b: string | null): string | null {
  if (a === null && b === null) return null;
  return new Decimal(a ?? 0).plus(b ?? 0).toFixed();
}
