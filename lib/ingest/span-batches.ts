import { AppError } from "@/lib/http/app-error";

import type { SpanRow } from "./span-row";

const MIB = 1024 * 1024;

/** Rows JSON per upsert statement, well under Postgres' 256 MiB jsonb limit. */
export const MAX_STATEMENT_JSON_CHARS = 16 * MIB;

/**
 * Rows JSON per request. Every row carries its resource and scope, so a large resource shared by
 * many small spans multiplies in storage: past this, the request is refused (413) rather than
 * building gigabytes of JSON.
 */
export const MAX_REQUEST_JSON_CHARS = 128 * MIB;

// Room for the scalar columns whose size is bounded (ids, numbers, indexed text cut to 2000).
const SCALARS_ALLOWANCE = 4096;

/**
 * A row's JSON length from the texts already built (no serialization): exact for the jsonb
 * texts, plus the unbounded scalar texts and an allowance for the rest.
 */
export function estimateRowJsonChars(row: SpanRow): number {
  const { scalars } = row;
  let chars = SCALARS_ALLOWANCE + scalars.name.length + scalars.otlp_status_message.length;
  chars += (scalars.status_message?.length ?? 0) + scalars.trace_state.length;
  for (const tag of scalars.tags ?? []) chars += tag.length + 3;
  for (const text of Object.values(row.json)) chars += text?.length ?? 4;
  return chars;
}

/**
 * Groups rows (kept in order) into statements of at most MAX_STATEMENT_JSON_CHARS; throws a 413
 * AppError when the request as a whole would store more than MAX_REQUEST_JSON_CHARS.
 */
export function splitIntoStatements(
  rows: readonly SpanRow[],
  limits = { statement: MAX_STATEMENT_JSON_CHARS, request: MAX_REQUEST_JSON_CHARS },
): SpanRow[][] {
  const statements: SpanRow[][] = [];
  let current: SpanRow[] = [];
  let currentChars = 0;
  let totalChars = 0;

  for (const row of rows) {
    const chars = estimateRowJsonChars(row);
    totalChars += chars;
    if (totalChars > limits.request) {
      throw new AppError(
        "payload_too_large",
        `The spans of this request would store more than ${limits.request} bytes (each span ` +
          `carries its resource and scope): send fewer spans per request or smaller resources`,
      );
    }
    if (current.length > 0 && currentChars + chars > limits.statement) {
      statements.push(current);
      current = [];
      currentChars = 0;
    }
    current.push(row);
    currentChars += chars;
  }
  if (current.length > 0) statements.push(current);
  return statements;
}
