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
    ["input alone as the total", { input: 5 }, "included", { total: 5, output: null }],
    ["output alone as the total", { output: 7 }, "included", { total: 7, input: null }],
    [
      "no total when only the other side's details came",
      { output: 7, cacheRead: 3 },
      "beside",
      { total: null, input: null },
    ],
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

  it.each<[string, Record<string, number>, Record<string, number>]>([
    [
      "cache reads and writes outnumber the input",
      { input: 10, output: 5, cacheRead: 512, cacheWrite: 1733 },
      { input: 2255, output: 5, total: 2260, cacheRead: 512, cacheWrite: 1733 },
    ],
    [
      "the total adds the cache to input + output",
      { input: 100, output: 5, total: 135, cacheRead: 30 },
      { input: 130, output: 5, total: 135, cacheRead: 30 },
    ],
  ])("should count the cache beside an 'included' input when %s", (_label, values, expected) => {
    const warnings: string[] = [];
    const result = normalizeUsage(counts(values), "included", warnings);
    expect(result?.usage).toMatchObject(expected);
    expect(warnings).toEqual([]);
    expect(result?.sources).toContainEqual({
      field: "usage.input",
      source: expect.stringMatching(/^k\.input \+ k\.cacheRead/),
    });
  });

  it("should keep a cache inside an 'included' input that holds it", () => {
    const result = normalizeUsage(
      counts({ input: 100, output: 5, total: 105, cacheRead: 30 }),
      "included",
      [],
    );
    expect(result?.usage).toMatchObject({ input: 100, total: 105, cacheRead: 30 });
  });

  it("should not make a total from one side when the other was unreadable", () => {
    const result = normalizeUsage(counts({ output: 4 }), "included", [], new Set(["input"]));
    expect(result?.usage.total).toBeNull();
  });

  it("should warn, but keep, a total larger than input + output", () => {
    const warnings: string[] = [];
    const result = normalizeUsage(
      counts({ input: 100, output: 10, total: 5000 }),
      "included",
      warnings,
    );
    expect(result?.usage.total).toBe(5000);
    expect(warnings[0]).toContain("is more than input + output (110)");
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
