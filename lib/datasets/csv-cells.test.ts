// Regression: a CSV export must import back (with "Read JSON in cells") to exactly the exported
// values. The string "4" was reported coming back as the number 4, and an empty string came
// back as no value; a string that reads as another JSON value is now written JSON-encoded, and
// a cell that is not valid JSON is read as the text it holds.
import Papa from "papaparse";
import { describe, expect, it } from "vitest";

import {
  fromCsvCell,
  fromCsvTextCell,
  guardFormula,
  toCsvCell,
  toCsvTextCell,
  unguardFormula,
} from "./csv-cells";

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

  it.each<[unknown, string]>([
    ["=1+1", "'=1+1"],
    ['=cmd|"/c calc"!A1', `'=cmd|"/c calc"!A1`],
    ["+x", "'+x"],
    ["-x", "'-x"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["'=x", "''=x"],
    ["a=b", "a=b"],
    ["'", "'"],
    ["'a", "'a"],
    ["-5", '"-5"'],
    [-5, "-5"],
    [{ f: "=1" }, '{"f":"=1"}'],
  ])("guards %j against spreadsheet formulas as the cell %j", (value, cell) => {
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

// The formula guard must stay invertible: the import strips one leading ' only when the text
// after it is guarded, so a string that really starts with ' comes back unchanged.
describe("the formula guard of CSV cells", () => {
  const STRINGS = [
    "",
    "'",
    "''",
    "'''",
    "'a",
    "'=x",
    "''=x",
    "'''=x",
    "' =x",
    "=x",
    "=1+1",
    "a=b",
    "-5",
    "-x",
    "'-x",
    "+1",
    "@a",
    "'@a",
    "\t=x",
    "'\t",
    "\r",
    "'\r\n",
    " =x",
    "x'",
  ];

  it.each(STRINGS.map((text) => [text]))("reads the string %j back as itself", (text) => {
    expect(fromCsvCell(toCsvCell(text))).toEqual({ value: text });
    expect(fromCsvTextCell(toCsvTextCell(text))).toBe(text);
  });

  it.each(STRINGS.map((text) => [text]))("writes %j so no spreadsheet runs it", (text) => {
    expect(toCsvCell(text)).not.toMatch(/^[=+\-@\t\r]/);
    expect(toCsvTextCell(text)).not.toMatch(/^[=+\-@\t\r]/);
  });

  // Every string of up to four characters over the characters that matter: no two strings
  // share a cell, and each cell reads back as its string.
  it("is a bijection on every short string of quote, formula and plain characters", () => {
    const alphabet = ["'", "=", "-", "@", "\t", "a", "4", '"', " "];
    let strings = [""];
    const all = [""];
    for (let length = 1; length <= 4; length += 1) {
      strings = strings.flatMap((prefix) => alphabet.map((char) => prefix + char));
      all.push(...strings);
    }
    const cells = new Map<string, string>();
    for (const text of all) {
      const cell = toCsvCell(text);
      expect(cells.get(cell), `${JSON.stringify(text)} shares its cell`).toBeUndefined();
      cells.set(cell, text);
      expect(fromCsvCell(cell).value).toBe(text);
      expect(unguardFormula(guardFormula(text))).toBe(text);
    }
    expect(cells.size).toBe(all.length);
  });

  it("leaves alone a cell that the guard did not write", () => {
    expect(unguardFormula("'a")).toBe("'a");
    expect(unguardFormula("'")).toBe("'");
    expect(unguardFormula("=x")).toBe("=x");
    expect(fromCsvCell("-5")).toEqual({ value: -5 });
  });
});
