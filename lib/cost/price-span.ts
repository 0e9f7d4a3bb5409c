import Decimal from "decimal.js";
import type { MappedSpan } from "../ingest/types";
import { computeCost } from "./compute-cost";
import type { PriceBook } from "./match-model";

/** The cost columns of one span; all null for an unpriced span (never zero). */
export interface SpanCost {
  inputCost: string | null;
  outputCost: string | null;
  totalCost: string | null;
  costDetails: Record<string, unknown> | null;
  costSource: "client" | "price" | null;
  priceId: string | null;
}

const UNPRICED: SpanCost = {
  inputCost: null,
  outputCost: null,
  totalCost: null,
  costDetails: null,
  costSource: null,
  priceId: null,
};

/**
 * Cost of a span. Resolution: a cost the client reported wins; otherwise the price in force at
 * the span's start for its response model, then request model (see PriceBook.resolve); no price
 * or no tokens → null (shown as "unpriced"), never 0.
 */
export function priceSpan(mapped: MappedSpan, startTime: Date, book: PriceBook): SpanCost {
  const client = mapped.clientCost;
  if (client && (client.total !== null || client.input !== null || client.output !== null)) {
    return {
      inputCost: client.input,
      outputCost: client.output,
      totalCost: client.total ?? sumOrNull(client.input, client.output),
      costDetails: { source: "client" },
      costSource: "client",
      priceId: null,
    };
  }

  const resolved = book.resolve(
    [mapped.responseModel, mapped.requestModel, mapped.model],
    startTime,
  );
  if (!resolved) return UNPRICED;
  const cost = computeCost(mapped.usage, resolved.price.rates, resolved.price.tiers);
  if (!cost) return UNPRICED;
  return {
    inputCost: cost.input,
    outputCost: cost.output,
    totalCost: cost.total,
    costDetails: { ...cost.details, matchedModel: resolved.matchedName, flags: cost.flags },
    costSource: "price",
    priceId: resolved.price.id,
  };
}

function sumOrNull(a: string | null, b: string | null): string | null {
  if (a === null && b === null) return null;
  return new Decimal(a ?? 0).plus(b ?? 0).toFixed();
}
