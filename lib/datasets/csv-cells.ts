// How item values are written to and read from CSV cells. The two directions live together so
// that an exported file imports back to the same values.

const JSON_SCALAR = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)$/;

/** True when a text cell would be read back as JSON rather than as the text itself. */
function readsAsJson(text: string): boolean {
  const trimmed = text.trim();
  return (
    trimmed.startsWith("{") ||
    trimmed.startsWith("[") ||
    (trimmed.startsWith('"') && trimmed.endsWith('"') && trimmed.length > 1) ||
    JSON_SCALAR.test(trimmed)
  );
}

/**
 * A value as one CSV cell: JSON objects, arrays, numbers and booleans as JSON text; a string as
 * it is unless it would read back as JSON (then as a JSON string literal); null as empty.
 */
export function toCsvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return readsAsJson(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/**
 * A CSV cell as JSON when it holds JSON: an object or array must parse (else it is an error,
 * most likely a broken export); numbers, booleans, null and "quoted" strings are read as such;
 * other text stays text.
 */
export function fromCsvCell(raw: string): { value: unknown } | { error: string } {
  if (!readsAsJson(raw)) return { value: raw };
  try {
    return { value: JSON.parse(raw.trim()) as unknown };
  } catch (error) {
    const trimmed = raw.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      return { error: `invalid JSON (${error instanceof Error ? error.message : "unreadable"})` };
    }
    return { value: raw };
  }
}
