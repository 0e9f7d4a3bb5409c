import { AppError } from "@/lib/http/app-error";

import type { SpanRow } from "./span-row";

/**
 * Row data per request. Every row carries its resource and scope, so a large resource shared by
 * many small spans multiplies in storage: past this, the request is refused (413) rather than
 * building gigabytes of rows.
 */
export const MAX_REQUEST_ROW_CHARS = 128 * 1024 * 1024;

// Room for the scalar columns whose size is bounded (ids, numbers, indexed text cut to 2000).
const SCALARS_ALLOWANCE = 4096;

/**
 * A row's size from the texts already built (no serialization): exact for the JSON texts, plus
 * the unbounded scalar texts and an allowance for the rest.
 */
export function estimateRowChars(row: SpanRow): number {
  const { scalars } = row;
  let chars = SCALARS_ALLOWANCE + scalars.name.length + scalars.otlp_status_message.length;
  chars += (scalars.status_message?.length ?? 0) + scalars.trace_state.length;
  for (const tag of scalars.tags ?? []) chars += tag.length + 3;
  for (const text of Object.values(row.json)) chars += text?.length ?? 4;
  return chars;
}

/** Throws a 413 AppError when the rows of one request would store more than the limit. */
export function assertRequestSize(
  rows: readonly SpanRow[],
  limit: number = MAX_REQUEST_ROW_CHARS,
): void {
  let total = 0;
  for (const row of rows) {
    total += estimateRowChars(row);
    assertRequestChars(total, limit);
  }
}

/** Throws the 413 AppError of assertRequestSize when `total` row chars exceed the limit. */
export function assertRequestChars(total: number, limit: number = MAX_REQUEST_ROW_CHARS): void {
  if (total <= limit) return;
  throw new AppError(
    "payload_too_large",
    `The spans of this request would store more than ${limit} bytes (each span carries ` +
      `its resource and scope): send fewer spans per request or smaller resources`,
  );
}
