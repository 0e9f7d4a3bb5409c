/** A plain number, e.g. -0.25 or 1e-7: left as is, a spreadsheet reads it as a number. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One CSV cell of the cost export. Text a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return) gets a leading ' (plain numbers stay numbers); cells
 * with a quote, comma or line break are quoted.
 */
export function costCsvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The cost table as CSV: a header row, then one line per row in the order of `columns`; every
 * line ends with a line break, the last one too (POSIX text files, `wc -l`, `cat` of several).
 */
export function toCostCsv(rows: Record<string, unknown>[], columns: string[]): string {
  const lines = [
    columns.map(costCsvCell).join(","),
    ...rows.map((row) => columns.map((column) => costCsvCell(row[column])).join(",")),
  ];
  return lines.map((line) => `${line}\n`).join("");
}
