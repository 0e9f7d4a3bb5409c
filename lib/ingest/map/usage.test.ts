import { describe, expect, it } from "vitest";

import { normalizeUsage, type DetailLayout, type UsageCounts } from "./usage";

function counts(values: Record<string, number>): UsageCounts {
  return Object.fromEntries(
    Object.entries(values).map(([field, value]) => [field, { value, source: `k.${field}` }]),
  );
}

describe("normalizeUsage", () => {
  it("should return null when nothing was reported", () => {
    expect(normalizeUsage({}, "included", [])).toBeNull();
  });

  it.each<[string, Record<string, number>, DetailLayout, Record<string, number | null>]>([
    [
      "included details stay",
      { input: 100, cacheRead: 60, output: 10 },
      "included",
      { input: 100, cacheRead: 60, total: 110 },
    ],
    [
      "beside details are added",
      { input: 40, cacheRead: 60, cacheWrite: 5, output: 10 },
      "beside",
      { input: 105, total: 115 },
    ],
    [
      "beside reasoning is added",
      { input: 1, output: 10, reasoning: 20 },
      "beside",
      { output: 30, reasoning: 20, total: 31 },
    ],
    [
      "beside without a base leaves it unknown",
      { cacheRead: 60 },
      "beside",
      { input: null, cacheRead: 60, total: null },
    ],
    ["a given total is kept", { input: 1, output: 1, total: 9 }, "included", { total: 9 }],
    ["no total without both sides", { input: 5 }, "included", { total: null, output: null }],
    [
      "zero counts are real counts",
      { input: 0, output: 0 },
      "included",
      { input: 0, output: 0, total: 0 },
    ],
  ])("should handle %s", (_label, values, layout, expected) => {
    expect(normalizeUsage(counts(values), layout, [])?.usage).toMatchObject(expected);
  });

  it("should name every contributing source of a summed count", () => {
    const result = normalizeUsage(counts({ input: 1, cacheRead: 2 }), "beside", []);
    expect(result?.sources).toContainEqual({
      field: "usage.input",
      source: "k.input + k.cacheRead",
    });
    expect(result?.sources).toContainEqual({ field: "usage.cacheRead", source: "k.cacheRead" });
  });

  it.each([
    ["cacheRead", "input"],
    ["cacheWrite", "input"],
    ["audioInput", "input"],
    ["imageInput", "input"],
    ["reasoning", "output"],
    ["audioOutput", "output"],
  ])("should clamp %s larger than %s and warn", (detail, total) => {
    const warnings: string[] = [];
    const result = normalizeUsage(counts({ [total]: 10, [detail]: 25 }), "included", warnings);
    expect(result?.usage).toMatchObject({ [total]: 10, [detail]: 10 });
    expect(warnings).toEqual([
      expect.stringContaining(`usage.${detail} (25 from k.${detail}) exceeds usage.${total} (10)`),
    ]);
  });

  it("should warn, but keep, a total smaller than input + output", () => {
    const warnings: string[] = [];
    const result = normalizeUsage(
      counts({ input: 10, output: 10, total: 5 }),
      "included",
      warnings,
    );
    expect(result?.usage.total).toBe(5);
    expect(warnings[0]).toContain("less than input + output");
  });
});
