import { describe, expect, it } from "vitest";
import { mapSpan } from "../ingest/map/map-span";
import { buildSpan, json } from "../ingest/map/test-builders";
import { listBuiltinPrices } from "./builtin-prices";
import { PriceBook } from "./match-model";
import { MAX_SPAN_COST_USD, priceSpan } from "./price-span";
import type { ModelPrice } from "./types";

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

  // Regression: a price of 1e394 USD per token (typed as 1e400 per 1M tokens) gave a cost that
  // overflowed NUMERIC(30, 12), and the COPY of the whole batch failed with it. Such a cost is
  // now left out, with a warning, and the batch is stored.
  describe("with a cost too large to store", () => {
    const huge: ModelPrice = {
      id: "huge-price",
      projectId: "p",
      model: "huge-model",
      aliases: [],
      provider: null,
      effectiveFrom: new Date(0),
      rates: {
        input: "1".padEnd(395, "0"),
        output: "0.000002",
        cacheRead: null,
        cacheWrite: null,
        reasoning: null,
        audioInput: null,
        audioOutput: null,
        imageInput: null,
      },
      tiers: [],
    };
    const hugeBook = new PriceBook([...listBuiltinPrices(), huge]);
    const generation = (model: string, extra: Record<string, unknown> = {}) =>
      mapSpan(
        buildSpan({
          "gen_ai.request.model": model,
          "gen_ai.usage.input_tokens": 10,
          "gen_ai.usage.output_tokens": 10,
          ...extra,
        }),
      );

    it("leaves a computed cost unpriced, with a warning naming the field", () => {
      expect(priceSpan(generation("huge-model"), at, hugeBook)).toEqual({
        inputCost: null,
        outputCost: null,
        totalCost: null,
        costDetails: null,
        costSource: null,
        priceId: null,
        warning:
          "cost: the inputCost computed (1e+395 USD) exceeds 1000000000000 USD, the most " +
          "stored for one span; left unpriced",
      });
    });

    it("prices a span whose reported cost is too large from its model's price", () => {
      const span = generation("gpt-4o", { "llm.cost.total": "1e30" });
      const cost = priceSpan(span, at, hugeBook);
      expect(cost).toMatchObject({ totalCost: "0.000125", costSource: "price" });
      expect(cost.warning).toMatch(/^cost: the totalCost reported by the client \(1e\+30 USD\)/);
      expect(cost.warning).toMatch(/; priced from the model's price$/);
    });

    it("leaves it unpriced when its model has no price", () => {
      const span = generation("no-such-model", { "llm.cost.total": "1e30" });
      const cost = priceSpan(span, at, hugeBook);
      expect(cost).toMatchObject({ totalCost: null, costSource: null });
      expect(cost.warning).toMatch(/USD, the most stored for one span; left unpriced$/);
    });

    it("keeps a cost at the limit", () => {
      const span = generation("gpt-4o", { "llm.cost.total": MAX_SPAN_COST_USD.toFixed() });
      expect(priceSpan(span, at, hugeBook)).toMatchObject({
        totalCost: "1000000000000",
        costSource: "client",
        warning: null,
      });
    });

    it("prices other models of the same book as usual", () => {
      expect(priceSpan(generation("gpt-4o"), at, hugeBook)).toMatchObject({
        totalCost: "0.000125",
        costSource: "price",
        warning: null,
      });
    });
  });
});
