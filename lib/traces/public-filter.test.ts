import { describe, expect, it } from "vitest";

import { FilterError, MAX_FILTER_CONDITIONS, parsePublicFilter } from "./public-filter";
import { OBSERVATION_FILTER_COLUMNS, TRACE_FILTER_COLUMNS } from "./public-filter-columns";

const filter = (...conditions: unknown[]) => JSON.stringify(conditions);

describe("parsePublicFilter", () => {
  it.each([
    [
      "a string equality",
      { type: "string", column: "name", operator: "=", value: "x" },
      OBSERVATION_FILTER_COLUMNS,
    ],
    [
      "a datetime bound",
      { type: "datetime", column: "startTime", operator: ">=", value: "2025-01-01T00:00:00Z" },
      OBSERVATION_FILTER_COLUMNS,
    ],
    [
      "a datetime with an offset",
      { type: "datetime", column: "timestamp", operator: "<", value: "2025-01-01T02:00:00+02:00" },
      TRACE_FILTER_COLUMNS,
    ],
    [
      "level options",
      { type: "stringOptions", column: "level", operator: "any of", value: ["ERROR", "WARNING"] },
      OBSERVATION_FILTER_COLUMNS,
    ],
    [
      "tag options",
      { type: "arrayOptions", column: "tags", operator: "all of", value: ["a", "b"] },
      TRACE_FILTER_COLUMNS,
    ],
    [
      "a number comparison",
      { type: "number", column: "latency", operator: ">", value: 1.5 },
      TRACE_FILTER_COLUMNS,
    ],
    [
      "a metadata key",
      { type: "stringObject", column: "metadata", key: "k", operator: "contains", value: "v" },
      OBSERVATION_FILTER_COLUMNS,
    ],
    [
      "a null check with Langfuse's empty value",
      { type: "null", column: "userId", operator: "is null", value: "" },
      TRACE_FILTER_COLUMNS,
    ],
    [
      "no tags yet for all of, as Langfuse sends it",
      { type: "arrayOptions", column: "tags", operator: "all of", value: [] },
      TRACE_FILTER_COLUMNS,
    ],
    [
      "no tags yet for none of",
      { type: "arrayOptions", column: "tags", operator: "none of", value: [] },
      OBSERVATION_FILTER_COLUMNS,
    ],
    [
      "a null check without a value",
      { type: "null", column: "totalCost", operator: "is not null" },
      OBSERVATION_FILTER_COLUMNS,
    ],
  ])("should accept %s", (_label, condition, columns) => {
    expect(parsePublicFilter(filter(condition), columns)).toEqual([condition]);
  });

  it("should accept an empty list as no conditions", () => {
    expect(parsePublicFilter("[]", TRACE_FILTER_COLUMNS)).toEqual([]);
  });

  it.each([
    ["text that is not JSON", "garbage", /not valid JSON/],
    ["a JSON object", '{"type":"string"}', /must be a JSON array/],
    ["a condition that is not an object", "[42]", /condition 0 must be an object/],
    [
      "an unknown column",
      filter({ type: "string", column: "colour", operator: "=", value: "red" }),
      /condition 0 \(column "colour"\): not a filterable column; use one of id, traceId/,
    ],
    [
      "a column inherited from Object",
      filter({ type: "string", column: "toString", operator: "=", value: "x" }),
      /column "toString"\): not a filterable column/,
    ],
    [
      "a type Sightline does not translate",
      filter({ type: "numberObject", column: "metadata", key: "k", operator: ">", value: 1 }),
      /column "metadata"\): type "numberObject" is not supported/,
    ],
    [
      "a type the column does not take",
      filter({ type: "string", column: "latency", operator: "=", value: "1" }),
      /column "latency"\): type "string" does not apply; use number$/,
    ],
    [
      "a null check on a column that is never null",
      filter({ type: "null", column: "name", operator: "is null", value: "" }),
      /column "name"\): type "null" does not apply; use string or stringOptions$/,
    ],
    [
      "an operator the type does not have",
      filter({
        type: "datetime",
        column: "startTime",
        operator: "=",
        value: "2025-01-01T00:00:00Z",
      }),
      /column "startTime"\): operator: /,
    ],
    [
      "a number given as text",
      filter({ type: "number", column: "totalCost", operator: ">", value: "0.5" }),
      /column "totalCost"\): value: /,
    ],
    [
      "a datetime that is not ISO 8601",
      filter({ type: "datetime", column: "startTime", operator: ">", value: "yesterday" }),
      /column "startTime"\): value: /,
    ],
    [
      "options given as one string",
      filter({ type: "stringOptions", column: "level", operator: "any of", value: "ERROR" }),
      /column "level"\): value: /,
    ],
    [
      "empty options",
      filter({ type: "arrayOptions", column: "tags", operator: "any of", value: [] }),
      /column "tags"\): value: "any of" takes at least one option/,
    ],
    [
      "a metadata condition without a key",
      filter({ type: "stringObject", column: "metadata", operator: "=", value: "v" }),
      /column "metadata"\): key: /,
    ],
  ])("should refuse %s", (_label, json, message) => {
    expect(() => parsePublicFilter(json, OBSERVATION_FILTER_COLUMNS)).toThrow(FilterError);
    expect(() => parsePublicFilter(json, OBSERVATION_FILTER_COLUMNS)).toThrow(message);
  });

  it("should name the offending condition by its position", () => {
    const json = filter(
      { type: "string", column: "name", operator: "=", value: "x" },
      { type: "string", column: "startTime", operator: "=", value: "x" },
    );

    expect(() => parsePublicFilter(json, OBSERVATION_FILTER_COLUMNS)).toThrow(
      /^condition 1 \(column "startTime"\)/,
    );
  });

  it("should refuse more conditions than the limit", () => {
    const condition = { type: "string", column: "name", operator: "=", value: "x" };
    const json = filter(...Array.from({ length: MAX_FILTER_CONDITIONS + 1 }, () => condition));

    expect(() => parsePublicFilter(json, TRACE_FILTER_COLUMNS)).toThrow(/at most/);
  });

  it("should keep the two endpoints' column names apart", () => {
    const json = filter({
      type: "datetime",
      column: "startTime",
      operator: ">",
      value: "2025-01-01T00:00:00Z",
    });

    expect(parsePublicFilter(json, OBSERVATION_FILTER_COLUMNS)).toHaveLength(1);
    expect(() => parsePublicFilter(json, TRACE_FILTER_COLUMNS)).toThrow(/not a filterable column/);
  });
});
