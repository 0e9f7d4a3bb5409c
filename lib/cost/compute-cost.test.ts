import { describe, expect, it } from "vitest";
import type { Usage } from "../ingest/types";
import { computeCost } from "./compute-cost";
import type { PriceRates } from "./types";

function usage(partial: Partial<Usage>): Usage {
  return {
    input: null,
    output: null,
    total: null,
    cacheRead: null,
    cacheWrite: null,
    reasoning: null,
    audioInput: null,
    audioOutput: null,
    imageInput: null,
    ...partial,
  };
}

function rates(partial: Partial<PriceRates>): PriceRates {
  return {
    input: null,
    output: null,
    cacheRead: null,
    cacheWrite: null,
    reasoning: null,
    audioInput: null,
    audioOutput: null,
    imageInput: null,
    ...partial,
  };
}

// Prices per token chosen so that results are easy to read.
const base = rates({
  input: "0.000003",
  output: "0.000015",
  cacheRead: "0.0000003",
  cacheWrite: "0.00000375",
});

describe("computeCost", () => {
  it.each([
    [
      "plain input and output",
      usage({ input: 1000, output: 500 }),
      base,
      "0.003",
      "0.0075",
      "0.0105",
    ],
    [
      "cached reads are taken out of input and priced at the cache rate",
      usage({ input: 1000, cacheRead: 800, output: 0 }),
      base,
      "0.00084",
      "0",
      "0.00084",
    ],
    [
      "cache writes at the write rate",
      usage({ input: 1000, cacheWrite: 1000, output: 10 }),
      base,
      "0.00375",
      "0.00015",
      "0.0039",
    ],
    [
      "cached reads without their own rate cost as input",
      usage({ input: 1000, cacheRead: 800 }),
      rates({ input: "0.000001", output: "0.000002" }),
      "0.001",
      "0",
      "0.001",
    ],
    [
      "reasoning inside output, at its own rate, not counted twice",
      usage({ input: 0, output: 1000, reasoning: 400 }),
      rates({ input: "0.000001", output: "0.00001", reasoning: "0.00002" }),
      "0",
      "0.014",
      "0.014",
    ],
    [
      "reasoning without its own rate stays in output",
      usage({ input: 0, output: 1000, reasoning: 400 }),
      rates({ input: "0.000001", output: "0.00001" }),
      "0",
      "0.01",
      "0.01",
    ],
    [
      "audio input priced apart",
      usage({ input: 1000, audioInput: 200, output: 0 }),
      rates({ input: "0.000001", output: "0", audioInput: "0.00004" }),
      "0.0088",
      "0",
      "0.0088",
    ],
  ])("%s", (_name, spanUsage, priceRates, input, output, total) => {
    const cost = computeCost(spanUsage, priceRates, []);
    expect(cost).toMatchObject({ input, output, total });
    expect(cost?.flags).toEqual([]);
  });

  it("clamps a subset larger than its total and says so", () => {
    const cost = computeCost(usage({ input: 100, cacheRead: 150, output: 0 }), base, []);
    expect(cost?.details.input).toBe("0");
    expect(cost?.details.cacheRead).toBe("0.00003");
    expect(cost?.flags[0]).toMatch(/cache read tokens \(150\) exceeds/);
  });

  it("uses the tier the prompt size reaches", () => {
    const tiers = [{ minInputTokens: 200_001, rates: { input: "0.000006", output: "0.0000225" } }];
    expect(computeCost(usage({ input: 200_000, output: 0 }), base, tiers)?.total).toBe("0.6");
    expect(computeCost(usage({ input: 200_001, output: 0 }), base, tiers)?.total).toBe("1.200006");
  });

  it("is exact where floats are not", () => {
    const cost = computeCost(
      usage({ input: 3, output: 0 }),
      rates({ input: "0.1", output: "0" }),
      [],
    );
    expect(cost?.total).toBe("0.3");
  });

  it("returns null when no tokens are reported", () => {
    expect(computeCost(usage({}), base, [])).toBeNull();
  });
});
