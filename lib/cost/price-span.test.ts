import { describe, expect, it } from "vitest";
import { mapSpan } from "../ingest/map/map-span";
import { buildSpan, json } from "../ingest/map/test-builders";
import { listBuiltinPrices } from "./builtin-prices";
import { PriceBook } from "./match-model";
import { priceSpan } from "./price-span";

const book = new PriceBook(listBuiltinPrices());
const at = new Date("2026-06-01T00:00:00Z");

describe("priceSpan", () => {
  it("prefers a cost the client reported", () => {
    const span = mapSpan(
      buildSpan({
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.usage.input_tokens": 1000,
        "gen_ai.usage.output_tokens": 1000,
        "langfuse.observation.cost_details": json({ input: 0.1, output: 0.2 }),
      }),
    );
    expect(priceSpan(span, at, book)).toMatchObject({
      totalCost: "0.3",
      costSource: "client",
    });
  });

  it("prices from the registry when the client sent no cost", () => {
    const span = mapSpan(
      buildSpan({
        "gen_ai.operation.name": "chat",
        "gen_ai.request.model": "gpt-4o-mini",
        "gen_ai.response.model": "gpt-4o-mini-2024-07-18",
        "gen_ai.usage.input_tokens": 1_000_000,
        "gen_ai.usage.output_tokens": 1_000_000,
        "gen_ai.usage.cache_read.input_tokens": 500_000,
      }),
    );
    const cost = priceSpan(span, at, book);
    expect(cost.costSource).toBe("price");
    expect(cost.inputCost).toBe("0.1125");
    expect(cost.outputCost).toBe("0.6");
    expect(cost.totalCost).toBe("0.7125");
  });

  it("leaves an unknown model unpriced (null, not 0)", () => {
    const span = mapSpan(
      buildSpan({
        "gen_ai.request.model": "my-own-model",
        "gen_ai.usage.input_tokens": 10,
        "gen_ai.usage.output_tokens": 10,
      }),
    );
    expect(priceSpan(span, at, book)).toMatchObject({ totalCost: null, costSource: null });
  });
});
