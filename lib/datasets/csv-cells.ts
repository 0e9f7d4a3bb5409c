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

/**
 * A value as one CSV cell: JSON objects, arrays, numbers and booleans as JSON text; a string as
 * it is unless it would read back as another value (then as a JSON string literal); null as
 * empty.
 */
export function toCsvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return needsJsonString(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/**
 * A CSV cell read with "Read JSON in cells": valid JSON becomes its value (objects, arrays,
 * numbers, booleans, null, "quoted" strings); any other text stays text as it is.
 */
export function fromCsvCell(raw: string): { value: unknown } {
  return parseJson(raw) ?? { value: raw };
}
