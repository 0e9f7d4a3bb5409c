import { SPAN_INPUT_COLUMNS, type SpanColumn } from "./span-columns";

/**
 * The statements that write a batch of spans. Re-send rule (idempotency): a span is identified
 * by (project, trace id, span id). Writing it again replaces the stored row, never adds one, so
 * counts, tokens and cost are not doubled. The newest send wins, except that columns marked
 * keepStoredWhenNull (mapped values such as input, output, model, usage, cost, user and
 * session) keep the stored value when the re-send leaves them null, so Langfuse-style partial
 * updates merge. Because start_time is part of the primary key, a re-send with another start
 * time deletes the stored row and inserts the merged one (UPSERT_MOVED_SPANS_SQL).
 */

const JOIN_MOVED_ROWS =
  'LEFT JOIN moved AS m ON m."trace_id" = i."trace_id" AND m."span_id" = i."span_id"';

/** A span's timestamptz from its exact nanoseconds (bigint), microsecond precision, no float. */
export function timestampFromNanos(nanos: string): string {
  return (
    `(timestamptz 'epoch' + (${nanos} / 1000000000) * interval '1 second'` +
    ` + (${nanos} % 1000000000 / 1000) * interval '1 microsecond')`
  );
}

/**
 * The stored rows of the batch's spans, found by one primary-key prefix probe per span, with
 * whether each is stored under another start time (moved). Parameters: $1 project, $2 trace
 * ids, $3 span ids, $4 start_ns (one per row). OFFSET 0 keeps the planner from turning the
 * probes into a scan of the project's spans (its choice when a new partition has no statistics
 * yet). Returns the stored start_time as exact microseconds.
 */
export const FIND_STORED_SPANS_SQL = `
SELECT k.trace_id, k.span_id, o.start_micros::text AS start_micros,
  o.start_time <> ${timestampFromNanos("k.start_ns")} AS moved
FROM unnest($2::text[], $3::text[], $4::bigint[]) AS k(trace_id, span_id, start_ns)
CROSS JOIN LATERAL (
  SELECT p."start_time", (extract(epoch FROM p."start_time") * 1000000)::bigint AS start_micros
  FROM "spans" AS p
  WHERE p."project_id" = $1 AND p."trace_id" = k.trace_id AND p."span_id" = k.span_id
  OFFSET 0
) AS o`;

/**
 * Which of the given traces ($1 project, $2 trace ids) are stored, that is have a `traces` row.
 * Run under the traces' locks.
 */
export const FIND_STORED_TRACES_SQL = `
SELECT "trace_id" FROM "traces" WHERE "project_id" = $1 AND "trace_id" = ANY($2::text[])`;

/** The columns of a COPY line (formatStoredSpanCopyLine), for `spans` and the staging table. */
const COPY_COLUMNS = [
  "project_id",
  ...SPAN_INPUT_COLUMNS.map((c) => c.name),
  "start_time",
  "end_time",
]
  .map(quote)
  .join(", ");

/**
 * COPY straight into `spans`, for a batch none of whose spans is stored yet (the usual case):
 * under the per-trace locks no other writer can store them meanwhile, so no conflict can occur.
 * Lines come from formatStoredSpanCopyLine.
 */
export const COPY_TO_SPANS_SQL = `COPY "spans" (${COPY_COLUMNS}) FROM STDIN`;

/**
 * A per-connection staging table the batch is COPYed into (emptied at every commit or
 * rollback); no constraints, so that the COPY itself cannot refuse a row. It takes the same
 * lines as `spans`, so a batch is formatted once whichever way it is written; its project_id is
 * not read (the upsert takes the project as a parameter).
 */
export const STAGING_TABLE = "span_staging";

export const CREATE_STAGING_SQL = `
CREATE TEMP TABLE IF NOT EXISTS ${STAGING_TABLE} (
  "project_id" text,
  ${SPAN_INPUT_COLUMNS.map((c) => `${quote(c.name)} ${c.sqlType}`).join(",\n  ")},
  "start_time" timestamptz,
  "end_time" timestamptz
) ON COMMIT DELETE ROWS`;

export const COPY_TO_STAGING_SQL = `COPY ${STAGING_TABLE} (${COPY_COLUMNS}) FROM STDIN`;

/**
 * Inserts or updates the staged batch ($1 project id; no two rows for the same span).
 */
export const UPSERT_SPANS_SQL = buildUpsertSql({ withMoved: false });

/**
 * The same, when FIND_STORED_SPANS_SQL found rows to move: $2, $3, $4 are their trace ids, span
 * ids and stored start times (microseconds). They are deleted and merged into the new rows.
 */
export const UPSERT_MOVED_SPANS_SQL = buildUpsertSql({ withMoved: true });

/**
 * Takes one transaction-scoped advisory lock per trace, in a fixed order ($1 project, $2 ids),
 * so that writers of one trace run one after the other and the rollup sees every span.
 */
// Limitation: locks are keyed by a 64-bit hash of (project, trace); two traces with the same
// hash merely wait for each other.
export const LOCK_TRACES_SQL = `
SELECT count(pg_advisory_xact_lock(lock_key)) AS locked
FROM (
  SELECT DISTINCT hashtextextended($1::text || ':' || trace_id, 0) AS lock_key
  FROM unnest($2::text[]) AS trace_id
  ORDER BY lock_key
) AS keys`;

function quote(name: string): string {
  return `"${name}"`;
}

function buildUpsertSql({ withMoved }: { withMoved: boolean }): string {
  const insertColumns = [
    `"project_id"`,
    ...SPAN_INPUT_COLUMNS.map((c) => quote(c.name)),
    `"start_time"`,
    `"end_time"`,
  ].join(", ");
  const selectValues = [
    "$1",
    ...SPAN_INPUT_COLUMNS.map((c) => (withMoved ? mergeWithMovedRow(c) : selectNewRow(c))),
    "i.start_time",
    "i.end_time",
  ].join(",\n    ");
  const keyColumns = new Set(["trace_id", "span_id"]);
  const assignments = [
    ...SPAN_INPUT_COLUMNS.filter((c) => !keyColumns.has(c.name)).map(mergeWithStoredRow),
    `"end_time" = EXCLUDED."end_time"`,
    `"updated_at" = now()`,
  ].join(",\n    ");

  const moved = `,
moved AS (
  DELETE FROM "spans" AS s
  USING unnest($2::text[], $3::text[], $4::bigint[]) AS d(trace_id, span_id, start_micros)
  WHERE s."project_id" = $1 AND s."trace_id" = d.trace_id AND s."span_id" = d.span_id
    AND s."start_time" = timestamptz 'epoch' + (d.start_micros / 1000000) * interval '1 second'
      + (d.start_micros % 1000000) * interval '1 microsecond'
  RETURNING s.*
)`;

  // The staged start and end times were derived from the exact nanoseconds (isoFromNanos).
  return `
WITH input AS (
  SELECT x.* FROM ${STAGING_TABLE} AS x
)${withMoved ? moved : ""}
INSERT INTO "spans" AS s (${insertColumns})
SELECT
    ${selectValues}
FROM input AS i
${withMoved ? JOIN_MOVED_ROWS : ""}
ORDER BY i."trace_id", i."span_id"
ON CONFLICT ("project_id", "trace_id", "span_id", "start_time") DO UPDATE SET
    ${assignments}`;
}

function selectNewRow(column: SpanColumn): string {
  const name = quote(column.name);
  // An absent tag list is sent as null (so a re-send keeps stored tags); the column wants '{}'.
  return column.merge === "keepStoredWhenEmpty" ? `COALESCE(i.${name}, '{}')` : `i.${name}`;
}

function mergeWithMovedRow(column: SpanColumn): string {
  const name = quote(column.name);
  if (column.merge === "keepStoredWhenNull") return `COALESCE(i.${name}, m.${name})`;
  if (column.merge === "keepStoredWhenEmpty") {
    const empty = `COALESCE(cardinality(i.${name}), 0) = 0`;
    return `CASE WHEN ${empty} THEN COALESCE(m.${name}, '{}') ELSE i.${name} END`;
  }
  // NOT NULL columns with defaults (tags aside) are always sent, so a plain copy is enough.
  return `i.${name}`;
}

function mergeWithStoredRow(column: SpanColumn): string {
  const name = quote(column.name);
  if (column.merge === "keepStoredWhenNull")
    return `${name} = COALESCE(EXCLUDED.${name}, s.${name})`;
  if (column.merge === "keepStoredWhenEmpty") {
    const empty = `cardinality(EXCLUDED.${name}) = 0`;
    return `${name} = CASE WHEN ${empty} THEN s.${name} ELSE EXCLUDED.${name} END`;
  }
  return `${name} = EXCLUDED.${name}`;
}
