import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import {
  DEFAULT_TRACE_LIST_QUERY,
  parseTraceListQuery,
  parseTraceListQueryLeniently,
  toTraceListSearchParams,
} from "./trace-list-query";

describe("parseTraceListQuery", () => {
  it("should default to the newest traces of the last 7 days, 50 a page", () => {
    expect(parseTraceListQuery(new URLSearchParams())).toMatchObject({
      range: "7d",
      sort: "time",
      order: "desc",
      limit: 50,
      tag: [],
    });
  });

  it("should read repeated tags, numbers and decimals, and drop empty values", () => {
    const query = parseTraceListQuery(
      new URLSearchParams("tag=a&tag=b&minLatency=250&maxCost=0.05&user=&sort=cost&order=asc"),
    );
    expect(query).toMatchObject({
      tag: ["a", "b"],
      minLatency: 250,
      maxCost: "0.05",
      sort: "cost",
      order: "asc",
    });
    expect(query.user).toBeUndefined();
  });

  it.each([
    ["sort=random"],
    ["minLatency=-1"],
    ["maxCost=1e3"],
    ["limit=100000"],
    ["from=yesterday"],
  ])("should refuse %s", (search) => {
    expect(() => parseTraceListQuery(new URLSearchParams(search))).toThrow(ZodError);
  });
});

describe("toTraceListSearchParams", () => {
  it("should leave defaults out and round-trip the rest", () => {
    expect(toTraceListSearchParams(DEFAULT_TRACE_LIST_QUERY).toString()).toBe("");

    const params = toTraceListSearchParams({
      ...DEFAULT_TRACE_LIST_QUERY,
      user: "ada",
      tag: ["x", "y"],
      sort: "latency",
    });
    expect(params.toString()).toBe("user=ada&tag=x&tag=y&sort=latency");
    expect(parseTraceListQuery(params)).toMatchObject({
      user: "ada",
      tag: ["x", "y"],
      sort: "latency",
    });
  });
});

describe("parseTraceListQueryLeniently", () => {
  it("should leave out only the invalid values, naming each as written", () => {
    const params = new URLSearchParams([
      ["user", "ada"],
      ["score", "faithfulness:lt:abc"],
      ["score", "tone:eq:polite"],
      ["score", "bogus"],
      ["minLatency", "abc"],
    ]);

    const { query, ignored } = parseTraceListQueryLeniently(params);

    expect(query.user).toBe("ada");
    expect(query.score).toEqual([{ name: "tone", operator: "eq", value: "polite" }]);
    expect(query.minLatency).toBeUndefined();
    // In the schema's order of parameters.
    expect(ignored.map(({ key, value }) => `${key}=${value}`)).toEqual([
      "minLatency=abc",
      "score=faithfulness:lt:abc",
      "score=bogus",
    ]);
  });

  it("should ignore nothing in a valid URL", () => {
    const { ignored } = parseTraceListQueryLeniently(new URLSearchParams("score=tone:eq:polite"));
    expect(ignored).toEqual([]);
  });
});
