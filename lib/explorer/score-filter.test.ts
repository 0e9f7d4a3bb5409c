import { describe, expect, it } from "vitest";

import { formatScoreFilter, parseScoreFilter } from "./score-filter";
import { hasActiveFilters, parseTraceListQuery, toTraceListSearchParams } from "./trace-list-query";

describe("parseScoreFilter", () => {
  it.each([
    ["faithfulness:lt:0.6", { name: "faithfulness", operator: "lt", value: 0.6 }],
    ["faithfulness:gte:0", { name: "faithfulness", operator: "gte", value: 0 }],
    ["tone:eq:polite", { name: "tone", operator: "eq", value: "polite" }],
    ["tone:neq:very rude: really", { name: "tone", operator: "neq", value: "very rude: really" }],
    ["judge:v2:eq:1", { name: "judge:v2", operator: "eq", value: 1 }],
  ])("should read %s", (text, expected) => {
    expect(parseScoreFilter(text)).toEqual(expected);
    expect(parseScoreFilter(formatScoreFilter(expected as never))).toEqual(expected);
  });

  it.each([
    ["no operator", "faithfulness"],
    ["an unknown operator", "faithfulness:below:0.6"],
    ["text compared with <", "tone:lt:polite"],
    ["no value", "faithfulness:lt:"],
    ["NaN", "faithfulness:lt:NaN"],
    ["no name", ":lt:1"],
  ])("should refuse %s", (_title, text) => {
    expect(parseScoreFilter(text)).toBeNull();
  });
});

describe("score filters in the traces-list URL", () => {
  it("should survive a round trip through the list state, repeated and in order", () => {
    const text = "score=faithfulness%3Alt%3A0.6&score=tone%3Aeq%3Apolite";
    const query = parseTraceListQuery(new URLSearchParams(text));
    expect(query.score).toEqual([
      { name: "faithfulness", operator: "lt", value: 0.6 },
      { name: "tone", operator: "eq", value: "polite" },
    ]);
    expect(toTraceListSearchParams(query).getAll("score")).toEqual([
      "faithfulness:lt:0.6",
      "tone:eq:polite",
    ]);
    expect(hasActiveFilters(query)).toBe(true);
  });

  it("should refuse a malformed score filter naming the parameter", () => {
    expect(() => parseTraceListQuery(new URLSearchParams("score=tone:lt:polite"))).toThrow(/score/);
  });
});
