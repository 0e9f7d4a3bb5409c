import { getSql } from "../db/sql";
import type { MetricsQuery, MetricsRow } from "../metrics/metrics-query";
import { runMetricsQuery } from "../metrics/run-metrics-query";
import { refreshCostRollups } from "./cost-rollups";

const HOUR = 3_600_000;
const TREND_GROUPS = 7;
/** The series label of everything outside the top groups. */
export const OTHER_GROUP = "(other)";

function offsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(parts ?? "");
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** Whether hourly rollups can be bucketed exactly in this zone over the range. */
function hasWholeHourOffsets(timeZone: string, from: Date, to: Date): boolean {
  return [from, to].every((at) => offsetMinutes(timeZone, at) % 60 === 0);
}

export const COST_GROUPS = [
  "feature",
  "userId",
  "model",
  "traceName",
  "environment",
  "tags",
] as const;
export type CostGroup = (typeof COST_GROUPS)[number];

export interface CostReport {
  totals: MetricsRow;
  byGroup: MetricsRow[];
  series: MetricsRow[];
  unpriced: { model: string; spans: number; inputTokens: number; outputTokens: number }[];
}

const COST_METRICS: MetricsQuery["metrics"] = [
  { measure: "totalCost", aggregation: "sum" },
  { measure: "inputTokens", aggregation: "sum" },
  { measure: "outputTokens", aggregation: "sum" },
  { measure: "count", aggregation: "count" },
];

interface CostReportInput {
  projectId: string;
  from: Date;
  to: Date;
  groupBy: CostGroup;
  granularity: "hour" | "day";
  timeZone: string;
}

/**
 * Everything the cost page shows for a time range, grouped one way, bucketed in a time zone.
 * Read from the hourly rollups (refreshed first, so exact) with the range widened to whole
 * hours; zones whose offset is not whole hours are served from the spans instead.
 */
export async function buildCostReport(input: CostReportInput): Promise<CostReport> {
  if (!hasWholeHourOffsets(input.timeZone, input.from, input.to)) {
    return buildCostReportFromSpans(input);
  }
  const from = new Date(Math.floor(input.from.getTime() / HOUR) * HOUR);
  const to = new Date(Math.ceil(input.to.getTime() / HOUR) * HOUR);
  await refreshCostRollups(input.projectId, from, to);
  return buildCostReportFromRollups({ ...input, from, to });
}

/** The same report computed from the spans themselves (exact for any range and time zone). */
export async function buildCostReportFromSpans(input: CostReportInput): Promise<CostReport> {
  const base = {
    view: "observations" as const,
    filters: [],
    fromTimestamp: input.from.toISOString(),
    toTimestamp: input.to.toISOString(),
    timeZone: input.timeZone,
  };
  const [totals, byGroup, series, unpriced] = await Promise.all([
    runMetricsQuery(input.projectId, { ...base, dimensions: [], metrics: COST_METRICS }),
    runMetricsQuery(input.projectId, {
      ...base,
      dimensions: [{ field: input.groupBy }],
      metrics: COST_METRICS,
      config: { row_limit: 50 },
    }),
    runMetricsQuery(input.projectId, {
      ...base,
      dimensions: [{ field: input.groupBy }],
      metrics: [{ measure: "totalCost", aggregation: "sum" }],
      timeDimension: { granularity: input.granularity },
      config: { row_limit: 10_000 },
    }),
    listUnpricedModels(input.projectId, input.from, input.to),
  ]);
  return { totals: totals[0] ?? {}, byGroup, series, unpriced };
}

/** Models with token usage but no price in the range: their cost shows as "unpriced". */
export async function listUnpricedModels(projectId: string, from: Date, to: Date) {
  const rows = await getSql()<
    { model: string; spans: bigint; input: bigint | null; output: bigint | null }[]
  >`
    SELECT model, count(*) AS spans, sum(input_tokens) AS input, sum(output_tokens) AS output
    FROM spans
    WHERE project_id = ${projectId} AND start_time >= ${from} AND start_time < ${to}
      AND model IS NOT NULL AND total_cost IS NULL
      AND (input_tokens IS NOT NULL OR output_tokens IS NOT NULL)
    GROUP BY model ORDER BY sum(coalesce(input_tokens, 0) + coalesce(output_tokens, 0)) DESC
    LIMIT 50`;
  return rows.map((row) => ({
    model: row.model,
    spans: Number(row.spans),
    inputTokens: Number(row.input ?? 0),
    outputTokens: Number(row.output ?? 0),
  }));
}

interface RollupRow {
  value: string | null;
  total_cost: string | null;
  input_tokens: bigint | null;
  output_tokens: bigint | null;
  span_count: bigint | null;
}

function toMetricsRow(groupBy: string, row: RollupRow): MetricsRow {
  return {
    [groupBy]: row.value === "" ? null : row.value,
    totalCost_sum: row.total_cost,
    inputTokens_sum: row.input_tokens === null ? null : Number(row.input_tokens),
    outputTokens_sum: row.output_tokens === null ? null : Number(row.output_tokens),
    count_count: row.span_count === null ? 0 : Number(row.span_count),
  };
}

async function buildCostReportFromRollups(input: CostReportInput): Promise<CostReport> {
  const sql = getSql();
  const scope = sql`project_id = ${input.projectId}
    AND hour >= ${input.from} AND hour < ${input.to}`;
  const sums = sql`sum(total_cost) AS total_cost, sum(input_tokens) AS input_tokens,
    sum(output_tokens) AS output_tokens, sum(span_count) AS span_count`;
  const [totals, byGroup, unpriced] = await Promise.all([
    sql<
      RollupRow[]
    >`SELECT '' AS value, ${sums} FROM cost_rollups WHERE ${scope} AND dimension = 'all'`,
    sql<RollupRow[]>`
      SELECT value, ${sums} FROM cost_rollups WHERE ${scope} AND dimension = ${input.groupBy}
      GROUP BY value ORDER BY sum(total_cost) DESC NULLS LAST, value LIMIT 50`,
    sql<RollupRow[]>`
      SELECT value, ${sums} FROM cost_rollups WHERE ${scope} AND dimension = 'unpricedModel'
      GROUP BY value ORDER BY sum(input_tokens + output_tokens) DESC LIMIT 50`,
  ]);
  // The trend shows the top groups, each read by its own index range, plus the rest as one line.
  const topValues = byGroup.slice(0, TREND_GROUPS).map((row) => row.value ?? "");
  const bucket = sql`date_trunc(${input.granularity}, hour AT TIME ZONE ${input.timeZone})
    AT TIME ZONE ${input.timeZone}`;
  const series = await sql<{ value: string; time_dimension: Date; total_cost: string | null }[]>`
    SELECT value, ${bucket} AS time_dimension, sum(total_cost) AS total_cost
    FROM cost_rollups
    WHERE ${scope} AND dimension = ${input.groupBy} AND value = ANY(${topValues})
    GROUP BY 1, 2
    UNION ALL
    SELECT ${OTHER_GROUP}, b.time_dimension, b.total - coalesce(t.total, 0)
    FROM (
      SELECT ${bucket} AS time_dimension, sum(total_cost) AS total
      FROM cost_rollups WHERE ${scope} AND dimension = ${input.groupBy === "tags" ? "tags" : "all"}
      GROUP BY 1
    ) b
    LEFT JOIN (
      SELECT ${bucket} AS time_dimension, sum(total_cost) AS total
      FROM cost_rollups
      WHERE ${scope} AND dimension = ${input.groupBy} AND value = ANY(${topValues})
      GROUP BY 1
    ) t ON t.time_dimension = b.time_dimension
    ORDER BY 2`;
  return {
    totals: totals[0] ? toMetricsRow("all", totals[0]) : {},
    byGroup: byGroup.map((row) => toMetricsRow(input.groupBy, row)),
    series: series.map((row) => ({
      [input.groupBy]: row.value === "" ? null : row.value,
      time_dimension: row.time_dimension.toISOString(),
      totalCost_sum: row.total_cost,
    })),
    unpriced: unpriced.map((row) => ({
      model: row.value ?? "",
      spans: Number(row.span_count ?? 0),
      inputTokens: Number(row.input_tokens ?? 0),
      outputTokens: Number(row.output_tokens ?? 0),
    })),
  };
}
