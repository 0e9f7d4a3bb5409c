import type { TransactionSql } from "postgres";

import { getSql, type Sql } from "@/lib/db/sql";
import type { MappedSpan } from "@/lib/ingest/types";
import { sanitizeJsonValue } from "@/lib/otlp/sanitize-text";

import { splitIntoStatements } from "./span-batches";
import { SPAN_JSON_COLUMNS, SPAN_SCALAR_COLUMNS } from "./span-columns";
import { ensureSpanPartitions, partitionMonthOf } from "./span-partitions";
import { buildSpanRow, serializeSpanRow, type SpanRow, type SpanRowOptions } from "./span-row";
import {
  FIND_MOVED_SPANS_SQL,
  LOCK_TRACES_SQL,
  UPSERT_MOVED_SPANS_SQL,
  UPSERT_SPANS_SQL,
} from "./span-upsert-sql";
import { RECOMPUTE_TRACES_SQL } from "./trace-rollup-sql";
import { MARK_COST_HOURS_DIRTY_SQL } from "@/lib/cost/cost-rollups";

/** What happened to a batch: spans stored and spans refused (counted in OTLP partialSuccess). */
export interface WriteSpansResult {
  written: number;
  traceCount: number;
  rejected: { count: number; reasons: string[] };
}

export interface WriteSpansOptions extends SpanRowOptions {
  /** The pool to use; the process-wide one by default. */
  sql?: Sql;
}

const MAX_REASONS = 20;

/**
 * Writes one request's spans durably in one transaction: per-trace locks and the check for
 * re-sent spans whose start time moved (pipelined), then the span upsert, the rollup of every
 * trace they touch and the marking of the hours whose cost rollups need a refresh (pipelined).
 * When this resolves, the batch is committed. Re-sends replace rather than add (see
 * span-upsert-sql.ts for the rule).
 */
export async function writeSpans(
  projectId: string,
  mapped: readonly MappedSpan[],
  options: WriteSpansOptions,
): Promise<WriteSpansResult> {
  const sql = options.sql ?? getSql();
  const { rows, rejected } = prepareRows(mapped, options);
  if (rows.length === 0) return { written: 0, traceCount: 0, rejected };

  await ensureSpanPartitions(sql, monthsOf(rows));

  const statements = splitIntoStatements(rows);
  const traceIds = [...new Set(rows.map((row) => row.scalars.trace_id))];
  // The lock is prepared; the lookups by trace and span are planned each time, because a
  // generic plan, made without the parameter values, can choose to scan the project's spans.
  const prepared = { prepare: true };
  const planEachTime = { prepare: false };
  await sql.begin(async (transaction) => {
    const [, moved] = await Promise.all([
      transaction.unsafe(LOCK_TRACES_SQL, [projectId, traceIds], prepared),
      transaction.unsafe<MovedSpan[]>(
        FIND_MOVED_SPANS_SQL,
        [
          projectId,
          rows.map((row) => row.scalars.trace_id),
          rows.map((row) => row.scalars.span_id),
          rows.map((row) => row.scalars.start_ns),
        ],
        planEachTime,
      ),
    ]);
    const upserts = statements.map((statementRows) =>
      upsertRows(transaction, projectId, statementRows, moved),
    );
    await Promise.all([
      ...upserts,
      transaction.unsafe(RECOMPUTE_TRACES_SQL, [projectId, traceIds], planEachTime),
      transaction.unsafe(MARK_COST_HOURS_DIRTY_SQL, [projectId, traceIds]),
    ]);
  });
  return { written: rows.length, traceCount: traceIds.length, rejected };
}

interface MovedSpan {
  trace_id: string;
  span_id: string;
  start_micros: string;
}

/** One upsert statement; the variant that also moves rows only when some of these moved. */
function upsertRows(
  transaction: TransactionSql,
  projectId: string,
  rows: readonly SpanRow[],
  moved: readonly MovedSpan[],
) {
  const payload = serializeRows(rows);
  const keys = new Set(rows.map((row) => `${row.scalars.trace_id}:${row.scalars.span_id}`));
  const movedHere = moved.filter((span) => keys.has(`${span.trace_id}:${span.span_id}`));
  if (movedHere.length === 0) {
    // Prepared: planned once per connection (its planning costs more than its execution).
    return transaction.unsafe(UPSERT_SPANS_SQL, [projectId, payload], { prepare: true });
  }
  return transaction.unsafe(UPSERT_MOVED_SPANS_SQL, [
    projectId,
    payload,
    movedHere.map((span) => span.trace_id),
    movedHere.map((span) => span.span_id),
    movedHere.map((span) => span.start_micros),
  ]);
}

/**
 * Rows in a deterministic order (trace id, span id) so that concurrent writers lock in the same
 * order, with a span sent twice in one batch merged into one row: ON CONFLICT cannot touch a
 * row twice in one statement.
 */
function prepareRows(mapped: readonly MappedSpan[], options: SpanRowOptions) {
  const rejected: WriteSpansResult["rejected"] = { count: 0, reasons: [] };
  const bySpan = new Map<string, SpanRow>();

  for (const span of mapped) {
    const row = buildSpanRow(span, options);
    if ("rejection" in row) {
      rejected.count++;
      if (rejected.reasons.length < MAX_REASONS) {
        rejected.reasons.push(
          `span ${span.span.spanId} of trace ${span.span.traceId}: ${row.rejection}`,
        );
      }
      continue;
    }

    const key = `${row.scalars.trace_id}:${row.scalars.span_id}`;
    const earlier = bySpan.get(key);
    bySpan.set(key, earlier ? mergeRows(earlier, row) : row);
  }

  const rows = [...bySpan.entries()]
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
    .map(([, row]) => row);
  return { rows, rejected };
}

/** The re-send rule applied inside one batch: the later row wins, its nulls keep earlier values. */
function mergeRows(earlier: SpanRow, later: SpanRow): SpanRow {
  const scalars: Record<string, unknown> = { ...later.scalars };
  const json: Record<string, unknown> = { ...later.json };
  const earlierScalars: Record<string, unknown> = { ...earlier.scalars };
  const earlierJson: Record<string, unknown> = { ...earlier.json };

  for (const column of SPAN_SCALAR_COLUMNS) {
    if (column.merge !== "replace") scalars[column.name] ??= earlierScalars[column.name];
  }
  for (const column of SPAN_JSON_COLUMNS) {
    if (column.merge !== "replace") json[column.name] ??= earlierJson[column.name];
  }
  return {
    startNs: later.startNs,
    scalars: scalars as unknown as SpanRow["scalars"],
    json: json as unknown as SpanRow["json"],
  };
}

function monthsOf(rows: readonly SpanRow[]): string[] {
  const months = new Set<string>();
  for (const row of rows) {
    const month = partitionMonthOf(row.startNs);
    if (month) months.add(month);
  }
  return [...months];
}

// JSON escapes Postgres cannot store in text or jsonb: NUL and lone surrogates.
const UNSTORABLE_ESCAPE = /\\u0000|\\ud[89a-f][0-9a-f]{2}/i;

/**
 * The batch as one JSON array. The decoder already replaced NUL and lone surrogates, so the
 * check below only guards against a path that missed it: one scan of the text, and a sanitizing
 * pass over the rows only if it finds something.
 */
function serializeRows(rows: readonly SpanRow[]): string {
  const payload = `[${rows.map(serializeSpanRow).join(",")}]`;
  if (!UNSTORABLE_ESCAPE.test(payload)) return payload;
  return JSON.stringify(sanitizeJsonValue(JSON.parse(payload)));
}
