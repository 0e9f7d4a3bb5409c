// Regression: a CSV export must import back (with "Read JSON in cells") to exactly the exported
// values. The string "4" was reported coming back as the number 4, and an empty string came
// back as no value; a string that reads as another JSON value is now written JSON-encoded, and
// a cell that is not valid JSON is read as the text it holds.
import Papa from "papaparse";
import { describe, expect, it } from "vitest";

import { fromCsvCell, toCsvCell } from "./csv-cells";

const VALUES: Array<[string, unknown]> = [
  ["plain text", "hello, world"],
  ["text with a line break", "line one\r\nline two"],
  ["text that looks like a number", "4"],
  ["text that looks like a padded number", " 4 "],
  ["text that looks like a negative exponent", "-1.5e-3"],
  ["text that looks like a boolean", "true"],
  ["text that looks like null", "null"],
  ["text that looks like an array", "[1, 2]"],
  ["text that looks like an object", '{"a": 1}'],
  ["text that starts like an array", "[not an array]"],
  ["text that starts like an object", "{broken"],
  ["text in quotes", '"quoted"'],
  ["text opening with a quote", '"half'],
  ["text merely between quotes", '"a" and "b"'],
  ["text with outer spaces", "  padded  "],
  ["the empty string", ""],
  ["only spaces", "   "],
  ["a formula", "=SUM(A1:A3)"],
  ["text with a leading zero", "007"],
  ["unicode", "ünïcødé ✓ 🙂"],
  ["a number", 4],
  ["a negative decimal", -42.5],
  ["a boolean", false],
  ["an object", { a: [1, { b: "c" }], s: "4" }],
  ["an array of chat messages", [{ role: "user", content: "2 + 2?" }]],
  ["an empty array", []],
];

describe("CSV cells of dataset items", () => {
  it.each(VALUES)("reads %s back as written", (_case, value) => {
    expect(fromCsvCell(toCsvCell(value))).toEqual({ value });
  });

  it("round-trips a whole CSV file: export, then import with JSON cells on", () => {
    const csv = Papa.unparse(
      VALUES.map(([, value]) => [toCsvCell(value)]),
      { newline: "\r\n" },
    );
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: false });
    expect(parsed.data.map(([cell]) => fromCsvCell(cell ?? "").value)).toEqual(
      VALUES.map(([, value]) => value),
    );
  });

  it.each<[unknown, string]>([
    ["4", '"4"'],
    ["true", '"true"'],
    ['"half', '"\\"half"'],
    ["", '""'],
    ["plain", "plain"],
    ["[not an array]", "[not an array]"],
    [4, "4"],
  ])("writes %j as the cell %s", (value, cell) => {
    expect(toCsvCell(value)).toBe(cell);
  });

  it("writes null as an empty cell", () => {
    expect(toCsvCell(null)).toBe("");
  });

  // Behaviour changed on purpose: a broken object used to be a row error; any cell that is not
  // valid JSON is now the text it holds, which is what the export writes for such strings.
  it("keeps a cell that is not valid JSON as text", () => {
    expect(fromCsvCell('{"a": ')).toEqual({ value: '{"a": ' });
  });
});
