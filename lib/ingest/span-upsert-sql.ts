import { SPAN_INPUT_COLUMNS, type SpanColumn } from "./span-columns";

/**
 * The one statement that writes a batch of spans. Parameters: $1 project id, $2 the rows as a
 * jsonb array (one object per span, keys = column names, no two rows for the same span).
 *
 * Re-send rule (idempotency): a span is identified by (project, trace id, span id). Writing it
 * again replaces the stored row, never adds one, so counts, tokens and cost are not doubled.
 * The newest send wins, except that columns marked keepStoredWhenNull (mapped values such as
 * input, output, model, usage, cost, user and session) keep the stored value when the re-send
 * leaves them null, so Langfuse-style partial updates merge. Because start_time is part of the
 * primary key, a re-send with another start time deletes the stored row (the `moved` CTE) and
 * inserts the merged one, in the same statement.
 */
export const UPSERT_SPANS_SQL = buildUpsertSql();

/** Takes one transaction-scoped advisory lock per trace, in a fixed order ($1 project, $2 ids). */
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

function buildUpsertSql(): string {
  const recordset = SPAN_INPUT_COLUMNS.map((c) => `${quote(c.name)} ${c.sqlType}`).join(", ");
  const insertColumns = [
    `"project_id"`,
    ...SPAN_INPUT_COLUMNS.map((c) => quote(c.name)),
    `"start_time"`,
    `"end_time"`,
  ].join(", ");
  const selectValues = [
    "$1",
    ...SPAN_INPUT_COLUMNS.map(mergeWithMovedRow),
    "i.start_time",
    "i.end_time",
  ].join(",\n    ");
  const keyColumns = new Set(["trace_id", "span_id"]);
  const assignments = [
    ...SPAN_INPUT_COLUMNS.filter((c) => !keyColumns.has(c.name)).map(mergeWithStoredRow),
    `"end_time" = EXCLUDED."end_time"`,
    `"updated_at" = now()`,
  ].join(",\n    ");

  // Times are derived from the exact nanoseconds with microsecond precision.
  return `
WITH input AS (
  SELECT x.*,
    timestamptz 'epoch' + (x."start_ns" / 1000) * interval '1 microsecond' AS start_time,
    timestamptz 'epoch' + (x."end_ns" / 1000) * interval '1 microsecond' AS end_time
  FROM jsonb_to_recordset($2::text::jsonb) AS x(${recordset})
),
moved AS (
  DELETE FROM "spans" AS s
  USING input AS i
  WHERE s."project_id" = $1 AND s."trace_id" = i."trace_id" AND s."span_id" = i."span_id"
    AND s."start_time" <> i.start_time
  RETURNING s.*
)
INSERT INTO "spans" AS s (${insertColumns})
SELECT
    ${selectValues}
FROM input AS i
LEFT JOIN moved AS m ON m."trace_id" = i."trace_id" AND m."span_id" = i."span_id"
ORDER BY i."trace_id", i."span_id"
ON CONFLICT ("project_id", "trace_id", "span_id", "start_time") DO UPDATE SET
    ${assignments}`;
}

function mergeWithMovedRow(column: SpanColumn): string {
  const name = quote(column.name);
  if (column.merge === "keepStoredWhenNull") return `COALESCE(i.${name}, m.${name})`;
  if (column.merge === "keepStoredWhenEmpty") {
    return `CASE WHEN COALESCE(cardinality(i.${name}), 0) = 0 THEN COALESCE(m.${name}, '{}') ELSE i.${name} END`;
  }
  // NOT NULL columns with defaults (tags aside) are always sent, so a plain copy is enough.
  return `i.${name}`;
}

function mergeWithStoredRow(column: SpanColumn): string {
  const name = quote(column.name);
  if (column.merge === "keepStoredWhenNull")
    return `${name} = COALESCE(EXCLUDED.${name}, s.${name})`;
  if (column.merge === "keepStoredWhenEmpty") {
    return `${name} = CASE WHEN cardinality(EXCLUDED.${name}) = 0 THEN s.${name} ELSE EXCLUDED.${name} END`;
  }
  return `${name} = EXCLUDED.${name}`;
}
