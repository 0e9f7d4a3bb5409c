import { once } from "node:events";

import type { TransactionSql } from "postgres";

import { getSql, type Sql } from "@/lib/db/sql";
import type { MappedSpan } from "@/lib/ingest/types";

import { assertRequestChars, estimateRowChars } from "./span-batches";
import { SPAN_JSON_COLUMNS, SPAN_SCALAR_COLUMNS } from "./span-columns";
import { ensureSpanPartitions, partitionMonthOf } from "./span-partitions";
import { formatStoredSpanCopyLine } from "./span-copy";
import { buildSpanRow, type SpanRow, type SpanRowOptions } from "./span-row";
import {
  COPY_TO_SPANS_SQL,
  COPY_TO_STAGING_SQL,
  CREATE_STAGING_SQL,
  FIND_STORED_SPANS_SQL,
  FIND_STORED_TRACES_SQL,
  LOCK_TRACES_SQL,
  UPSERT_MOVED_SPANS_SQL,
  UPSERT_SPANS_SQL,
} from "./span-upsert-sql";
import { RECOMPUTE_TRACES_SQL } from "./trace-rollup-sql";
import { buildTraceRollupLines, COPY_TO_TRACES_SQL } from "./trace-rollup-rows";
import { MARK_COST_HOURS_DIRTY_SQL, MARK_COST_MINUTES_DIRTY_SQL } from "@/lib/cost/cost-rollups";

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
 * One request's rows ready to write: their keys, the months they fall in, and their COPY text
 * (UTF-8). Plain data, so that it can be built in a worker thread and handed over.
 */
export interface SpanBatch {
  /** Per row, in row order (trace id, span id): the keys the stored-span lookup needs. */
  traceIds: string[];
  spanIds: string[];
  startNs: string[];
  /** Partition months of the rows (see partitionMonthOf). */
  months: string[];
  /** The distinct minutes (ISO, UTC) the rows start in: their cost hours, in any time zone. */
  startMinutes: string[];
  /** formatStoredSpanCopyLine of every row, UTF-8 encoded. */
  copyText: Uint8Array;
  /** Per trace id, its `traces` row as a COPY line, valid if none of its spans was stored. */
  traceRollups: Array<[string, string]>;
  rejected: WriteSpansResult["rejected"];
}

/**
 * Builds the batch of mapped spans: rows (refused ones counted), merged and sorted, and their
 * COPY text. Pure CPU work (no database); throws a 413 AppError when the rows are too large.
 */
export function buildSpanBatch(
  projectId: string,
  mapped: Iterable<MappedSpan>,
  options: SpanRowOptions,
): SpanBatch {
  const { entries, rejected } = prepareRows(projectId, mapped, options);
  const rows = entries.map((entry) => entry.row);

  let text = "";
  for (const entry of entries) text += entry.line;
  return {
    traceIds: rows.map((row) => row.scalars.trace_id),
    spanIds: rows.map((row) => row.scalars.span_id),
    startNs: rows.map((row) => row.scalars.start_ns),
    months: monthsOf(rows),
    startMinutes: startMinutesOf(rows),
    copyText: Buffer.from(text, "utf8"),
    traceRollups: buildTraceRollupLines(projectId, rows),
    rejected,
  };
}

/**
 * Writes one request's spans durably in one transaction (see writeSpanBatch). When this
 * resolves, the batch is committed.
 */
export async function writeSpans(
  projectId: string,
  mapped: readonly MappedSpan[],
  options: WriteSpansOptions,
): Promise<WriteSpansResult> {
  return writeSpanBatch(projectId, buildSpanBatch(projectId, mapped, options), options.sql);
}

/**
 * Writes a batch in one transaction: per-trace locks and the lookup of which of the batch's
 * traces are already stored (pipelined); for those only, the lookup of the batch's spans already
 * stored; then a COPY straight into `spans` when none is (the usual case), else a COPY of the
 * same lines into the connection's staging table and an upsert from it; then the rollup of every
 * trace touched and the marking of the hours whose cost rollups need a refresh (pipelined). When
 * this resolves, the batch is committed. Re-sends replace rather than add (see
 * span-upsert-sql.ts for the rule).
 *
 * A trace has a `traces` row exactly when some span of it is stored (both are written in one
 * transaction, and deleted together under the same locks by deleteTraces), so a trace without
 * one, checked under its lock, has no stored span: the per-span lookup and the scan of its
 * stored spans for cost hours are skipped for it.
 */
export async function writeSpanBatch(
  projectId: string,
  batch: SpanBatch,
  sql: Sql = getSql(),
): Promise<WriteSpansResult> {
  const { rejected } = batch;
  if (batch.traceIds.length === 0) return { written: 0, traceCount: 0, rejected };

  await ensureSpanPartitions(sql, batch.months);

  const traceIds = [...new Set(batch.traceIds)];
  const useBatchRollups = await batchRollupsAllowed(sql);
  await sql.begin(async (transaction) => {
    const [, known] = await Promise.all([
      transaction.unsafe(LOCK_TRACES_SQL, [projectId, traceIds], { prepare: true }),
      transaction.unsafe<{ trace_id: string }[]>(FIND_STORED_TRACES_SQL, [projectId, traceIds], {
        prepare: true,
      }),
    ]);
    const knownTraceIds = known.map((row) => row.trace_id);
    const stored = await findStoredSpans(transaction, projectId, batch, knownTraceIds);

    if (stored.length === 0) {
      await copyText(transaction, COPY_TO_SPANS_SQL, batch.copyText);
    } else {
      await transaction.unsafe(CREATE_STAGING_SQL);
      await copyText(transaction, COPY_TO_STAGING_SQL, batch.copyText);
    }

    // Traces stored for the first time take the rollups computed with the batch; the others
    // are recomputed from all of their stored spans.
    const storedTraces = new Set(knownTraceIds);
    const newRollups = useBatchRollups
      ? batch.traceRollups.filter(([traceId]) => !storedTraces.has(traceId))
      : [];
    if (newRollups.length > 0) {
      const lines = newRollups.map(([, line]) => line).join("");
      await copyText(transaction, COPY_TO_TRACES_SQL, Buffer.from(lines, "utf8"));
    }
    const recomputed = useBatchRollups ? knownTraceIds : traceIds;

    await Promise.all([
      stored.length === 0 ? null : upsertFromStaging(transaction, projectId, stored),
      recomputed.length === 0
        ? null
        : transaction.unsafe(RECOMPUTE_TRACES_SQL, [projectId, recomputed]),
      // The hours moved spans leave count too: their old rows are gone once the upsert ran.
      transaction.unsafe(
        MARK_COST_MINUTES_DIRTY_SQL,
        [projectId, [...batch.startMinutes, ...movedFromMinutes(stored)]],
        { prepare: true },
      ),
      knownTraceIds.length === 0
        ? null
        : transaction.unsafe(MARK_COST_HOURS_DIRTY_SQL, [projectId, knownTraceIds]),
    ]);
  });
  return { written: batch.traceIds.length, traceCount: traceIds.length, rejected };
}

/** The stored rows of the batch's spans that belong to already stored traces. */
async function findStoredSpans(
  transaction: TransactionSql,
  projectId: string,
  batch: SpanBatch,
  knownTraceIds: readonly string[],
): Promise<StoredSpan[]> {
  if (knownTraceIds.length === 0) return [];

  const known = new Set(knownTraceIds);
  const keys = { traceIds: [] as string[], spanIds: [] as string[], startNs: [] as string[] };
  batch.traceIds.forEach((traceId, index) => {
    if (!known.has(traceId)) return;
    keys.traceIds.push(traceId);
    keys.spanIds.push(batch.spanIds[index] as string);
    keys.startNs.push(batch.startNs[index] as string);
  });
  // Planned each time: a generic plan, made without the parameter values, can choose to scan
  // the project's spans.
  return transaction.unsafe<StoredSpan[]>(FIND_STORED_SPANS_SQL, [
    projectId,
    keys.traceIds,
    keys.spanIds,
    keys.startNs,
  ]);
}

const batchRollupsAllowedByPool = new WeakMap<Sql, Promise<boolean>>();

/**
 * Whether the database sorts text by code point (C, POSIX or C.UTF-8 collation, or the builtin
 * provider), as the batch rollups order tags, models and span ids: elsewhere every trace is
 * rolled up in SQL. Asked once per pool; a failed check is asked again next time.
 */
function batchRollupsAllowed(sql: Sql): Promise<boolean> {
  let allowed = batchRollupsAllowedByPool.get(sql);
  if (!allowed) {
    allowed = sql<{ provider: string; collate: string }[]>`
      SELECT datlocprovider AS provider, datcollate AS collate
      FROM pg_database WHERE datname = current_database()`.then(
      ([row]) =>
        row?.provider === "b" || (row?.provider === "c" && CODE_POINT_COLLATIONS.has(row.collate)),
      () => {
        batchRollupsAllowedByPool.delete(sql);
        return false;
      },
    );
    batchRollupsAllowedByPool.set(sql, allowed);
  }
  return allowed;
}

const CODE_POINT_COLLATIONS = new Set(["C", "POSIX", "C.UTF-8", "C.utf8"]);

interface StoredSpan {
  trace_id: string;
  span_id: string;
  start_micros: string;
  moved: boolean;
}

function upsertFromStaging(
  transaction: TransactionSql,
  projectId: string,
  stored: readonly StoredSpan[],
) {
  const moved = stored.filter((span) => span.moved);
  // Prepared: planned once per connection (its planning costs more than its execution).
  if (moved.length === 0) {
    return transaction.unsafe(UPSERT_SPANS_SQL, [projectId], { prepare: true });
  }
  return transaction.unsafe(UPSERT_MOVED_SPANS_SQL, [
    projectId,
    moved.map((span) => span.trace_id),
    moved.map((span) => span.span_id),
    moved.map((span) => span.start_micros),
  ]);
}

const COPY_CHUNK_BYTES = 256 * 1024;
/** A last resort only: a refused COPY fails at once (see watchCopyRefusal). */
const COPY_TIMEOUT_MS = 120_000;

/**
 * Streams COPY text and waits until the server has taken it; a refusal (a value a column
 * cannot hold, say) rejects with the server's error as soon as it arrives, so the request fails
 * with a 500 at once and the transaction rolls back, releasing its trace locks and connection.
 */
async function copyText(transaction: TransactionSql, copySql: string, text: Uint8Array) {
  const query = transaction.unsafe(copySql);
  const refused = watchCopyRefusal(query);
  const writable = await query.writable();
  // Chunks never split a line: postgres.js sends each write as one CopyData message, and
  // Postgres accepts lines split across messages, but whole lines keep messages independent.
  for (let start = 0; start < text.byteLength;) {
    let end = Math.min(start + COPY_CHUNK_BYTES, text.byteLength);
    if (end < text.byteLength) {
      const newline = text.lastIndexOf(0x0a, end - 1);
      end = newline >= start ? newline + 1 : end;
    }
    if (!writable.write(text.subarray(start, end))) await once(writable, "drain");
    start = end;
  }
  writable.end();

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error("COPY of spans did not complete")), COPY_TIMEOUT_MS);
  });
  try {
    await Promise.race([once(writable, "finish"), refused, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The part of a postgres.js query that learns of its failure (see watchCopyRefusal). */
interface RejectableQuery {
  reject?: (error: unknown) => void;
}

/**
 * A promise that rejects with the server's error when it refuses a COPY. postgres.js (3.4.9)
 * resolves a COPY query with its stream and, when the server refuses the data after the last
 * chunk, hands the error only to that query's own `reject`, which no longer settles anything,
 * and never finishes the stream (porsager/postgres#1173): without this, the wait would end only
 * at COPY_TIMEOUT_MS, holding the transaction, its trace locks and its connection until then.
 * The hook is postgres.js's query object's own member; should a version lack it, the timeout
 * still applies.
 */
function watchCopyRefusal(query: object): Promise<never> {
  const rejectable = query as RejectableQuery;
  const original = rejectable.reject;
  const refused = new Promise<never>((_resolve, reject) => {
    if (typeof original !== "function") return;
    rejectable.reject = (error: unknown) => {
      reject(copyRefusal(error));
      original.call(query, error);
    };
  });
  // Also rejects when the COPY failed some other way, already reported by the stream.
  refused.catch(() => undefined);
  return refused;
}

function copyRefusal(error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`COPY of spans was refused: ${reason}`, { cause: error });
}

/**
 * What is kept of a row once its COPY line is built: the scalars and the JSON texts a re-send
 * keeps when it leaves them null (which merging and the trace rollups read). The others, the
 * bulk of a row (attributes, events, ...), are garbage at once instead of living until the whole
 * request is built.
 */
type RetainedRow = Pick<SpanRow, "startNs" | "scalars"> & {
  json: Pick<SpanRow["json"], KeptJsonColumn>;
};

const KEPT_JSON_COLUMNS = SPAN_JSON_COLUMNS.filter((column) => column.merge !== "replace").map(
  (column) => column.name as KeptJsonColumn,
);

type KeptJsonColumn =
  | "model_parameters"
  | "input"
  | "output"
  | "trace_input"
  | "trace_output"
  | "metadata"
  | "cost_details";

interface RowEntry {
  row: RetainedRow;
  line: string;
  /** estimateRowChars of the full row, counted toward the request's size limit. */
  chars: number;
}

/**
 * Rows in a deterministic order (trace id, span id) so that concurrent writers lock in the same
 * order, with a span sent twice in one batch merged into one row (ON CONFLICT cannot touch a row
 * twice in one statement), each with its COPY line. Throws a 413 AppError when the rows are too
 * large.
 */
function prepareRows(projectId: string, mapped: Iterable<MappedSpan>, options: SpanRowOptions) {
  const rejected: WriteSpansResult["rejected"] = { count: 0, reasons: [] };
  const bySpan = new Map<string, RowEntry>();
  let chars = 0;

  for (const span of mapped) {
    const built = buildSpanRow(span, options);
    if ("rejection" in built) {
      rejected.count++;
      if (rejected.reasons.length < MAX_REASONS) {
        rejected.reasons.push(
          `span ${span.span.spanId} of trace ${span.span.traceId}: ${built.rejection}`,
        );
      }
      continue;
    }

    const key = `${built.scalars.trace_id}:${built.scalars.span_id}`;
    const earlier = bySpan.get(key);
    const row = earlier ? mergeRows(earlier.row, built) : built;
    const entry = { row: retain(row), line: "", chars: estimateRowChars(row) };
    chars += entry.chars - (earlier?.chars ?? 0);
    assertRequestChars(chars);
    entry.line = formatStoredSpanCopyLine(projectId, row);
    bySpan.set(key, entry);
  }

  const entries = [...bySpan.entries()]
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
    .map(([, entry]) => entry);
  return { entries, rejected };
}

function retain(row: SpanRow): RetainedRow {
  const json: Partial<RetainedRow["json"]> = {};
  for (const name of KEPT_JSON_COLUMNS) json[name] = row.json[name];
  return { startNs: row.startNs, scalars: row.scalars, json: json as RetainedRow["json"] };
}

/**
 * The re-send rule applied inside one batch: the later row wins, its nulls keep earlier values
 * (only kept columns are read from the earlier row).
 */
function mergeRows(earlier: RetainedRow, later: SpanRow): SpanRow {
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

function monthsOf(rows: readonly RetainedRow[]): string[] {
  const months = new Set<string>();
  for (const row of rows) {
    const month = partitionMonthOf(row.startNs);
    if (month) months.add(month);
  }
  return [...months];
}

const NANOS_PER_MINUTE = 60_000_000_000n;
const MICROS_PER_MINUTE = 60_000_000n;

/** The start minutes (as in startMinutesOf) stored spans had before a re-send moved them. */
function movedFromMinutes(stored: readonly StoredSpan[]): string[] {
  return stored
    .filter((span) => span.moved)
    .map((span) => {
      const micros = BigInt(span.start_micros);
      const minute =
        (micros - (((micros % MICROS_PER_MINUTE) + MICROS_PER_MINUTE) % MICROS_PER_MINUTE)) /
        MICROS_PER_MINUTE;
      return new Date(Number(minute) * 60_000).toISOString();
    });
}

/**
 * Time zones differ from UTC by whole minutes, so the minute a span starts in fixes its hour in
 * the server's time zone (date_trunc('hour') of a timestamptz uses it).
 */
function startMinutesOf(rows: readonly RetainedRow[]): string[] {
  const minutes = new Set<bigint>();
  for (const row of rows) {
    const nanos = row.startNs;
    const floored = nanos - (((nanos % NANOS_PER_MINUTE) + NANOS_PER_MINUTE) % NANOS_PER_MINUTE);
    minutes.add(floored / NANOS_PER_MINUTE);
  }
  return [...minutes].map((minute) => new Date(Number(minute) * 60_000).toISOString());
}
