import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { parseListObservationsQuery } from "./list-observations";
import { parseListObservationsV2Query } from "./list-observations-v2";
import { parseListTracesQuery } from "./list-traces-query";

const filter = (...conditions: unknown[]) => JSON.stringify(conditions);

describe("list query parameters", () => {
  function issueOf(parse: () => unknown) {
    try {
      parse();
    } catch (error) {
      if (error instanceof ZodError) return error.issues[0];
      throw error;
    }
    throw new Error("the query parsed");
  }

  it("should report a bad filter as an issue of the filter parameter", () => {
    const issue = issueOf(() => parseListTracesQuery(new URLSearchParams({ filter: "garbage" })));

    expect(issue?.path).toEqual(["filter"]);
    expect(issue?.message).toMatch(/not valid JSON/);
  });

  it("should read level, repeated environments and filter of the v1 observation list", () => {
    const params = new URLSearchParams([
      ["level", "error"],
      ["environment", "production"],
      ["environment", "staging"],
      ["filter", filter({ type: "string", column: "name", operator: "=", value: "x" })],
    ]);

    expect(parseListObservationsQuery(params)).toMatchObject({
      level: "ERROR",
      environment: ["production", "staging"],
      filter: [{ type: "string", column: "name", operator: "=", value: "x" }],
    });
  });

  it("should refuse a level Langfuse does not have", () => {
    const issue = issueOf(() =>
      parseListObservationsQuery(new URLSearchParams({ level: "FATAL" })),
    );

    expect(issue?.path).toEqual(["level"]);
  });

  it("should check a v2 filter against the observation columns", () => {
    const levels = filter({
      type: "stringOptions",
      column: "level",
      operator: "any of",
      value: ["ERROR"],
    });
    const tracesOnly = filter({ type: "datetime", column: "timestamp", operator: ">", value: "" });

    expect(parseListObservationsV2Query(new URLSearchParams({ filter: levels })).filter).toEqual(
      JSON.parse(levels),
    );
    expect(
      issueOf(() => parseListObservationsV2Query(new URLSearchParams({ filter: tracesOnly }))),
    ).toMatchObject({ path: ["filter"], message: expect.stringMatching(/column "timestamp"/) });
  });

  it("should keep the trace list's plain parameters beside a filter", () => {
    const params = new URLSearchParams([
      ["tags", "a"],
      ["tags", "b"],
      ["userId", "u"],
      ["filter", filter({ type: "number", column: "latency", operator: ">", value: 1.5 })],
    ]);

    expect(parseListTracesQuery(params)).toMatchObject({
      tags: ["a", "b"],
      userId: "u",
      filter: [{ type: "number", column: "latency", operator: ">", value: 1.5 }],
    });
  });
});
