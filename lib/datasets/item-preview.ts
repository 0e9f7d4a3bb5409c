// A dataset item's input or expected output as one short line in the items table.

/**
 * A value on one short line. A string that would read as another JSON value ("5", "null",
 * "true", "") is shown quoted, so it is told apart from the number, null or boolean.
 */
export function previewItemValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  const text = typeof value === "string" && !readsAsJson(value) ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

function readsAsJson(text: string): boolean {
  if (text.trim() === "") return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
