import { sanitizeJsonValue } from "@/lib/otlp/sanitize-text";

import { SPAN_JSON_COLUMNS, SPAN_SCALAR_COLUMNS } from "./span-columns";
import type { SpanRow } from "./span-row";

/**
 * Span rows as COPY text (tab-separated, one line per row, columns in SPAN_INPUT_COLUMNS order),
 * the cheapest way to hand rows to Postgres: measured at about half the server CPU per row of
 * sending them as one JSON document through jsonb_to_recordset.
 */

const ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  // The decoder already replaced NUL; COPY text could not carry one anyway.
  "\u0000": "\uFFFD",
};
const NEEDS_ESCAPE = /[\\\n\r\t\u0000]/;
const TO_ESCAPE = /[\\\n\r\t\u0000]/g;

/** A value as COPY text: `\N` for null, arrays as Postgres array literals, text escaped. */
export function formatCopyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return escapeCopyText(value);
  // Numbers and booleans never need escaping.
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => `"${String(item).replace(/["\\]/g, "\\$&")}"`);
    return escapeCopyText(`{${items.join(",")}}`);
  }
  return escapeCopyText(String(value));
}

export function escapeCopyText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(TO_ESCAPE, (character) => ESCAPES[character] ?? character);
}

// JSON escapes that jsonb refuses: NUL and lone surrogates. A refused value would fail the COPY.
const UNSTORABLE_ESCAPE = /\\u0000|\\ud[89a-f][0-9a-f]{2}/i;

/**
 * The COPY line of a row (ending in a newline), for the staging table (COPY_TO_STAGING_SQL).
 * The decoder already replaced NUL and lone surrogates, so the check in formatJsonText only
 * guards against a path that missed them.
 */
export function formatSpanCopyLine(row: SpanRow): string {
  return `${formatCopyValues(row).join("\t")}\n`;
}

function formatCopyValues(row: SpanRow): string[] {
  const values: string[] = [];
  for (const column of SPAN_SCALAR_COLUMNS) {
    values.push(formatCopyValue(row.scalars[column.name as keyof SpanRow["scalars"]]));
  }
  for (const column of SPAN_JSON_COLUMNS) {
    const text = row.json[column.name as keyof SpanRow["json"]];
    values.push(text === null ? "\\N" : formatJsonText(text));
  }
  return values;
}

const TAGS_INDEX = SPAN_SCALAR_COLUMNS.findIndex((column) => column.name === "tags");

/**
 * The COPY line of a row for `spans` itself: project id, the input columns, start and end time
 * (columns of COPY_TO_SPANS_SQL). An absent tag list becomes the column's default, `{}`.
 */
export function formatStoredSpanCopyLine(projectId: string, row: SpanRow): string {
  const values = formatCopyValues(row);
  if (row.scalars.tags === null) values[TAGS_INDEX] = "{}";
  const start = isoFromNanos(row.scalars.start_ns);
  const end = isoFromNanos(row.scalars.end_ns);
  return `${escapeCopyText(projectId)}\t${values.join("\t")}\t${start}\t${end}\n`;
}

/**
 * ISO-8601 UTC with microseconds, truncated like timestampFromNanos in SQL, so that a span
 * COPYed and one upserted get the same start_time (it is part of the primary key).
 */
export function isoFromNanos(nanos: string): string {
  const micros = BigInt(nanos) / 1000n;
  const iso = new Date(Number(micros / 1000n)).toISOString();
  return `${iso.slice(0, -1)}${(micros % 1000n).toString().padStart(3, "0")}Z`;
}

/** A jsonb column's value as COPY text: `\N` for null, else the JSON text (see formatJsonText). */
export function formatJsonCopyValue(text: string | null): string {
  return text === null ? "\\N" : formatJsonText(text);
}

/**
 * JSON text from JSON.stringify holds no raw newline, tab or NUL (they are escaped), so only
 * backslashes need doubling: cheaper than the general escape on these, the largest values.
 */
function formatJsonText(text: string): string {
  let json = text;
  if (json.includes("\\u") && UNSTORABLE_ESCAPE.test(json)) {
    json = JSON.stringify(sanitizeJsonValue(JSON.parse(json)));
  }
  return json.includes("\\") ? json.replaceAll("\\", "\\\\") : json;
}
