import type postgres from "postgres";

import type { Sql } from "@/lib/db/sql";

import type { ResolvedTimeRange } from "./time-range";

type Fragment = postgres.Fragment;

/** Trace ids are 32 lowercase hex digits; shorter hex text of at least 4 is read as a prefix. */
const TRACE_ID_PREFIX = /^[0-9a-f]{4,32}$/i;

/** How the search text is matched against trace ids. */
export type TraceIdMatch = { kind: "exact"; traceId: string } | { kind: "prefix"; pattern: string };

/** A full id matches exactly, a hex string of 4 to 31 digits by prefix, other text exactly. */
export function traceIdMatchOf(text: string): TraceIdMatch {
  const lower = text.toLowerCase();
  if (!TRACE_ID_PREFIX.test(lower) || lower.length === 32) return { kind: "exact", traceId: lower };
  return { kind: "prefix", pattern: `${escapeLikePattern(lower)}%` };
}

/** The text as a LIKE pattern that matches it literally (backslash is LIKE's default escape). */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * Full-text search over the `traces` alias `t`: its id (whole, or a hex prefix), or a
 * case-insensitive substring of the trace's name, input or output or of the name, input or
 * output of any of its spans.
 */
// Limitation: the search is an unindexed ILIKE. Over the trace rollups it is bounded by the time
// range and stops once a page is found; when a page is not filled from them (a rare term, or
// one only in child spans), it scans the name, input and output of every span that starts in
// the range (pruned to its partitions) once, so a rare term over months of spans reads them all.
// A trigram index would make it fast but would be rewritten on every span and rollup write.
// Span attributes are not searched: they are the biggest column, and the documents and messages
// users look for are already mapped into input and output. It matches the JSON text, so a term
// with quotes, backslashes or line breaks (escaped there) is not found as typed.
export function traceSearchCondition(
  sql: Sql,
  projectId: string,
  range: ResolvedTimeRange,
  text: string,
): Fragment {
  const pattern = `%${escapeLikePattern(text)}%`;
  const idMatch = traceIdMatchOf(text);
  const idCondition =
    idMatch.kind === "exact"
      ? sql`t."trace_id" = ${idMatch.traceId}`
      : sql`t."trace_id" LIKE ${idMatch.pattern}`;

  // The cheap tests come first: OR stops at the first true one, so the span scan below (an
  // uncorrelated subquery, run once and hashed) only runs when some trace row needs it.
  return sql`(
    ${idCondition}
    OR t."name" ILIKE ${pattern}
    OR t."input"::text ILIKE ${pattern}
    OR t."output"::text ILIKE ${pattern}
    OR t."trace_id" IN (
      SELECT s."trace_id" FROM "spans" AS s
      WHERE s."project_id" = ${projectId} ${spanTimeBounds(sql, projectId, range)}
        AND (s."name" ILIKE ${pattern}
          OR s."input"::text ILIKE ${pattern}
          OR s."output"::text ILIKE ${pattern})
    )
  )`;
}

/**
 * Bounds on the start of the spans of traces that start in the range, so that partitions
 * outside it are pruned. A trace starts with its earliest span, so its spans start at or after
 * the range start; they start before their own end, so by the latest end of a trace in range.
 */
function spanTimeBounds(sql: Sql, projectId: string, range: ResolvedTimeRange): Fragment {
  const from = range.from?.toISOString() ?? null;
  const to = range.to?.toISOString() ?? null;
  const lower = from ? sql`AND s."start_time" >= ${from}::timestamptz` : sql``;
  if (!to) return lower;

  // Evaluated once per query (an init plan), only when the span scan runs.
  return sql`${lower} AND s."start_time" <= (
    SELECT max(r."end_time") FROM "traces" AS r
    WHERE r."project_id" = ${projectId} AND r."start_time" < ${to}::timestamptz
      ${from ? sql`AND r."start_time" >= ${from}::timestamptz` : sql``})`;
}
