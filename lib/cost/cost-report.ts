import { getSql } from "../db/sql";
import type { MetricsQuery, MetricsRow } from "../metrics/metrics-query";
import { runMetricsQuery } from "../metrics/run-metrics-query";

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

/** Everything the cost page shows for a time range, grouped one way, bucketed in a time zone. */
export async function buildCostReport(input: {
  projectId: string;
  from: Date;
  to: Date;
  groupBy: CostGroup;
  granularity: "hour" | "day";
  timeZone: string;
}): Promise<CostReport> {
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
