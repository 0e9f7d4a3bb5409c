// How item values are written to and read from CSV cells. The two directions live together so
// that an exported file imports back to the same values (with "Read JSON in cells" on).

/** The cell as JSON, or undefined when it is not valid JSON. */
function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * True when a string written as it is would not read back as itself: it parses as some other
 * JSON value ("4", "true", "[1]", "null"), starts with a quote, or is empty (an empty cell
 * reads as no value).
 */
function needsJsonString(text: string): boolean {
  return text === "" || text.trimStart().startsWith('"') || parseJson(text) !== undefined;
}

/** First characters that make a spreadsheet run a cell as a formula (or a DDE command). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * True for text that gets a leading ' in the export: text a spreadsheet would run as a formula,
 * and text that is ' followed by such guarded text. The second case keeps the guard reversible:
 * the import strips one ' only when the rest is guarded, so "'=x" (written "''=x") comes back as
 * "'=x" and not as "=x", and a lone "'" or "'a" is written and read as it is.
 */
function isFormulaGuarded(text: string): boolean {
  let rest = text;
  while (rest.startsWith("'")) rest = rest.slice(1);
  return FORMULA_START.test(rest);
}

/** Text as a cell a spreadsheet shows as text: a leading ' when it is guarded (see above). */
export function guardFormula(text: string): string {
  return isFormulaGuarded(text) ? `'${text}` : text;
}

/** The inverse of guardFormula: one leading ' dropped when the text after it is guarded. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && isFormulaGuarded(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * A value as one CSV cell: JSON objects, arrays, numbers and booleans as JSON text; a string as
 * it is unless it would read back as another value (then as a JSON string literal); null as
 * empty. A string a spreadsheet would run as a formula gets a leading ' (see guardFormula);
 * numbers such as -5 are never prefixed, and a JSON-quoted string starts with a quote, which no
 * spreadsheet runs.
 */
export function toCsvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") {
    return needsJsonString(value) ? JSON.stringify(value) : guardFormula(value);
  }
  return JSON.stringify(value);
}

/** Text such as an id or a source as one CSV cell, guarded against formulas; null as empty. */
export function toCsvTextCell(text: string | null): string {
  return text === null ? "" : guardFormula(text);
}

/** A CSV cell read as text (JSON reading off, or an id): the export's formula guard undone. */
export function fromCsvTextCell(raw: string): string {
  return unguardFormula(raw);
}

/**
 * A CSV cell read with "Read JSON in cells": valid JSON becomes its value (objects, arrays,
 * numbers, booleans, null, "quoted" strings); any other text stays text, without the formula
 * guard the export adds.
 */
export function fromCsvCell(raw: string): { value: unknown } {
  return parseJson(raw) ?? { value: unguardFormula(raw) };
}
