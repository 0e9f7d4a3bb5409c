import { describe, expect, it } from "vitest";

import { fromCsvCell, toCsvCell } from "./csv-cells";

describe("CSV cells of dataset items", () => {
  it.each<[string, unknown]>([
    ["plain text", "hello, world"],
    ["text with a line break", "line one\nline two"],
    ["text that looks like a number", "42"],
    ["text that looks like a boolean", "true"],
    ["text that looks like an array", "[not an array]"],
    ["text in quotes", '"quoted"'],
    ["text with outer spaces", "  padded  "],
    ["a number", 42.5],
    ["a boolean", false],
    ["an object", { a: [1, { b: "c" }] }],
    ["an array", ["x", 2]],
    ["unicode", "ünïcødé ✓ 🙂"],
  ])("reads %s back as written", (_case, value) => {
    expect(fromCsvCell(toCsvCell(value))).toEqual({ value });
  });

  it("writes null as an empty cell", () => {
    expect(toCsvCell(null)).toBe("");
  });

  it("reports a broken object instead of keeping it as text", () => {
    expect(fromCsvCell('{"a": ')).toEqual({ error: expect.stringMatching(/^invalid JSON/) });
  });

  it("keeps text that merely starts and ends with quotes but is not JSON", () => {
    expect(fromCsvCell('"a" and "b"')).toEqual({ value: '"a" and "b"' });
  });
});
