import { describe, expect, it } from "vitest";

import { addDecimalStrings, expandDecimal, toDecimalString } from "./cost";

describe("expandDecimal", () => {
  it.each([
    ["0", "0"],
    ["12", "12"],
    ["0012.500", "12.5"],
    ["1e-7", "0.0000001"],
    ["1.5e-7", "0.00000015"],
    ["2.5E3", "2500"],
    ["1.25e+1", "12.5"],
    ["0.000000123456789", "0.000000123456789"],
    ["5e-324", `0.${"0".repeat(323)}5`],
  ])("should write %s as %s", (input, expected) => {
    expect(expandDecimal(input)).toBe(expected);
  });

  it.each(["", "-1", "1.", ".5", "abc", "1e", "NaN", "Infinity", "1e999"])(
    "should refuse %j",
    (input) => {
      expect(expandDecimal(input)).toBeNull();
    },
  );
});

describe("toDecimalString", () => {
  it.each<[unknown, string | null]>([
    [0.1, "0.1"],
    [1e-10, "0.0000000001"],
    [3, "3"],
    [" 0.25 ", "0.25"],
    [-0.5, null],
    ["-2", null],
    [Number.NaN, null],
    ["cheap", null],
    [true, null],
  ])("should read %j as %j", (input, expected) => {
    const warnings: string[] = [];
    expect(toDecimalString(input, "cost", warnings)).toBe(expected);
    expect(warnings).toHaveLength(expected === null ? 1 : 0);
  });

  it("should say nothing when the figure is absent", () => {
    const warnings: string[] = [];
    expect(toDecimalString(undefined, "cost", warnings)).toBeNull();
    expect(warnings).toEqual([]);
  });
});

describe("addDecimalStrings", () => {
  it.each([
    ["0.1", "0.2", "0.3"],
    ["1", "2", "3"],
    ["0.000001", "12", "12.000001"],
    ["0.5", "0.5", "1"],
    ["99999999999999999999.99", "0.01", "100000000000000000000"],
  ])("should add %s and %s exactly", (left, right, expected) => {
    expect(addDecimalStrings(left, right)).toBe(expected);
  });
});
