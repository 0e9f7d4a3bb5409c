import Decimal from "decimal.js";

import { escapeCopyText, formatCopyValue, formatJsonCopyValue, isoFromNanos } from "./span-copy";
import type { SpanRow } from "./span-row";

/**
 * The `traces` rows of traces whose spans are all in one batch (none stored before), computed
 * from the batch's rows with the rules of RECOMPUTE_TRACES_SQL, as COPY lines: the database then
 * need not read the spans it has just stored back. The SQL stays the reference: a trace with
 * stored spans is always recomputed there, and tests compare both ways.
 */

/** The `traces` columns of a rollup COPY line, in order. */
export const TRACE_ROLLUP_COLUMNS = [
  "project_id",
  "trace_id",
  "name",
  "root_span_id",
  "start_time",
  "end_time",
  "start_ns",
  "end_ns",
  "duration_ns",
  "input",
  "output",
  "user_id",
  "session_id",
  "feature",
  "tags",
  "environment",
  "release",
  "version",
  "metadata",
  "models",
  "level",
  "error_count",
  "span_count",
  "missing_parent_count",
  "input_tokens",
  "output_tokens",
  "total_tokens",
  "cache_read_tokens",
  "cache_write_tokens",
  "reasoning_tokens",
  "input_cost",
  "output_cost",
  "total_cost",
  "unpriced_count",
] as const;

const QUOTED_ROLLUP_COLUMNS = TRACE_ROLLUP_COLUMNS.map((name) => `"${name}"`).join(", ");
export const COPY_TO_TRACES_SQL = `COPY "traces" (${QUOTED_ROLLUP_COLUMNS}) FROM STDIN`;

/** What a rollup reads of a span row. */
export type RollupRow = Pick<SpanRow, "startNs" | "scalars"> & {
  json: Pick<SpanRow["json"], "input" | "output" | "metadata" | "trace_input" | "trace_output">;
};

const FIRST_VALUE_COLUMNS = [
  "user_id",
  "session_id",
  "feature",
  "environment",
  "release",
  "version",
  "trace_name",
] as const;

const TOKEN_COLUMNS = [
  "input_tokens",
  "output_tokens",
  "cache_read_tokens",
  "cache_write_tokens",
  "reasoning_tokens",
] as const;

const COST_COLUMNS = ["input_cost", "output_cost", "total_cost"] as const;

/** numeric(30, 12) keeps 12 decimals, rounding half away from zero: sums add stored values. */
const COST_SCALE = 12;

/**
 * One COPY line per trace of the rows (keyed by trace id). Rows must be one per span (merged),
 * as buildSpanBatch makes them. Text order (tags, models, ties on span id) is code point order:
 * use the lines only where the database sorts text that way (see batchRollupsAllowed).
 */
export function buildTraceRollupLines(
  projectId: string,
  rows: readonly RollupRow[],
): Array<[string, string]> {
  const byTrace = new Map<string, RollupRow[]>();
  for (const row of rows) {
    const traceRows = byTrace.get(row.scalars.trace_id);
    if (traceRows) traceRows.push(row);
    else byTrace.set(row.scalars.trace_id, [row]);
  }
  return [...byTrace].map(([traceId, traceRows]) => [
    traceId,
    formatTraceRollupLine(projectId, traceId, traceRows),
  ]);
}

function formatTraceRollupLine(projectId: string, traceId: string, rows: RollupRow[]): string {
  const ordered = [...rows].sort(compareByStart);
  const spanIds = new Set(ordered.map((row) => row.scalars.span_id));
  const isRoot = (row: RollupRow) =>
    row.scalars.parent_span_id === null || !spanIds.has(row.scalars.parent_span_id);

  const root = ordered.find(isRoot) ?? (ordered[0] as RollupRow);
  const first = (pick: (row: RollupRow) => string | null) => {
    for (const row of ordered) {
      const value = pick(row);
      if (value !== null) return value;
    }
    return null;
  };
  const firstValues = Object.fromEntries(
    FIRST_VALUE_COLUMNS.map((column) => [column, first((row) => row.scalars[column])]),
  ) as Record<(typeof FIRST_VALUE_COLUMNS)[number], string | null>;

  let startNs = ordered[0]?.startNs ?? 0n;
  let endNs = BigInt(ordered[0]?.scalars.end_ns ?? "0");
  let errorCount = 0;
  let hasWarning = false;
  let missingParentCount = 0;
  let unpricedCount = 0;
  let totalTokens = 0n;
  const tokens = Object.fromEntries(TOKEN_COLUMNS.map((column) => [column, 0n]));
  const costs: Record<string, Decimal | null> = { input_cost: null, output_cost: null };
  costs.total_cost = null;
  const models = new Set<string>();
  const tags = new Set<string>();

  for (const row of ordered) {
    const { scalars } = row;
    if (row.startNs < startNs) startNs = row.startNs;
    const rowEnd = BigInt(scalars.end_ns);
    if (rowEnd > endNs) endNs = rowEnd;
    if (scalars.level === "ERROR") errorCount++;
    if (scalars.level === "WARNING") hasWarning = true;
    if (scalars.parent_span_id !== null && !spanIds.has(scalars.parent_span_id)) {
      missingParentCount++;
    }
    if (scalars.type === "GENERATION" && scalars.total_cost === null) unpricedCount++;
    for (const column of TOKEN_COLUMNS) tokens[column] += toBigInt(scalars[column]);
    totalTokens += totalTokensOf(scalars);
    for (const column of COST_COLUMNS) {
      const value = scalars[column];
      if (value === null) continue;
      const stored = new Decimal(value).toDecimalPlaces(COST_SCALE, Decimal.ROUND_HALF_UP);
      costs[column] = (costs[column] ?? new Decimal(0)).plus(stored);
    }
    if (scalars.model !== null) models.add(scalars.model);
    for (const tag of scalars.tags ?? []) tags.add(tag);
  }

  const traceInput = ordered.find((row) => row.json.trace_input !== null)?.json.trace_input;
  const traceOutput = ordered.find((row) => row.json.trace_output !== null)?.json.trace_output;
  const level = errorCount > 0 ? "ERROR" : hasWarning ? "WARNING" : "DEFAULT";
  const duration = endNs > startNs ? endNs - startNs : 0n;

  const values = [
    escapeCopyText(projectId),
    escapeCopyText(traceId),
    formatCopyValue(firstValues.trace_name ?? root.scalars.name),
    escapeCopyText(root.scalars.span_id),
    isoFromNanos(startNs.toString()),
    isoFromNanos(endNs.toString()),
    startNs.toString(),
    endNs.toString(),
    duration.toString(),
    formatJsonCopyValue(traceInput ?? root.json.input),
    formatJsonCopyValue(traceOutput ?? root.json.output),
    formatCopyValue(firstValues.user_id),
    formatCopyValue(firstValues.session_id),
    formatCopyValue(firstValues.feature),
    formatCopyValue([...tags].sort(compareCodePoints)),
    formatCopyValue(firstValues.environment),
    formatCopyValue(firstValues.release),
    formatCopyValue(firstValues.version),
    formatJsonCopyValue(root.json.metadata),
    formatCopyValue([...models].sort(compareCodePoints)),
    level,
    String(errorCount),
    String(ordered.length),
    String(missingParentCount),
    ...TOKEN_COLUMNS.slice(0, 2).map((column) => String(tokens[column])),
    totalTokens.toString(),
    ...TOKEN_COLUMNS.slice(2).map((column) => String(tokens[column])),
    ...COST_COLUMNS.map((column) => formatCopyValue(costs[column]?.toFixed() ?? null)),
    String(unpricedCount),
  ];
  return `${values.join("\t")}\n`;
}

/** A span counted with input plus output as its total when it reports no total. */
function totalTokensOf(scalars: SpanRow["scalars"]): bigint {
  const { total_tokens: total, input_tokens: input, output_tokens: output } = scalars;
  if (total !== null) return BigInt(total);
  return toBigInt(input) + toBigInt(output);
}

function toBigInt(value: number | null): bigint {
  return value === null ? 0n : BigInt(value);
}

/** Start, then span id: the order RECOMPUTE_TRACES_SQL picks first values and roots in. */
function compareByStart(left: RollupRow, right: RollupRow): number {
  if (left.startNs !== right.startNs) return left.startNs < right.startNs ? -1 : 1;
  return compareCodePoints(left.scalars.span_id, right.scalars.span_id);
}

/** Code point order (UTF-8 byte order), which JS's UTF-16 comparison differs from. */
function compareCodePoints(left: string, right: string): number {
  if (left === right) return 0;
  return Buffer.compare(Buffer.from(left, "utf8"), Buffer.from(right, "utf8"));
}
