import { z } from "zod";

/**
 * The metrics query, shaped like Langfuse's public metrics API: a view, dimensions to group by,
 * measures with an aggregation, filters, an optional time dimension, and a time range. Sightline
 * adds `timeZone` so that hourly/daily buckets follow the display zone across DST.
 */
export const METRIC_VIEWS = ["observations", "traces"] as const;
export const DIMENSIONS = [
  "name",
  "traceName",
  "userId",
  "sessionId",
  "feature",
  "model",
  "providedModelName",
  "environment",
  "release",
  "type",
  "tags",
] as const;
export const MEASURES = [
  "count",
  "totalCost",
  "inputCost",
  "outputCost",
  "inputTokens",
  "outputTokens",
  "totalTokens",
  "latency",
] as const;
export const AGGREGATIONS = ["sum", "avg", "min", "max", "count", "p50", "p95", "p99"] as const;
export const GRANULARITIES = ["hour", "day", "week", "month"] as const;
export const OPERATORS = ["=", "!=", ">", "<", ">=", "<=", "in", "not in", "contains"] as const;

const FilterZ = z.object({
  column: z.enum(DIMENSIONS),
  operator: z.enum(OPERATORS),
  value: z.union([z.string(), z.number(), z.array(z.string())]),
});

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const MetricsQueryZ = z
  .object({
    view: z.enum(METRIC_VIEWS).default("observations"),
    dimensions: z
      .array(z.object({ field: z.enum(DIMENSIONS) }))
      .max(3)
      .default([]),
    metrics: z
      .array(
        z.object({ measure: z.enum(MEASURES), aggregation: z.enum(AGGREGATIONS).default("sum") }),
      )
      .min(1, "ask for at least one metric")
      .max(8),
    filters: z.array(FilterZ).max(20).default([]),
    timeDimension: z
      .object({ granularity: z.enum(GRANULARITIES) })
      .nullable()
      .optional(),
    fromTimestamp: z.iso.datetime({ offset: true }),
    toTimestamp: z.iso.datetime({ offset: true }),
    timeZone: z.string().default("UTC").refine(isValidTimeZone, "must be an IANA time zone"),
    orderBy: z
      .array(z.object({ field: z.string(), direction: z.enum(["asc", "desc"]).default("desc") }))
      .max(3)
      .optional(),
    config: z.object({ row_limit: z.number().int().min(1).max(10_000).default(1000) }).optional(),
  })
  .refine((query) => Date.parse(query.fromTimestamp) < Date.parse(query.toTimestamp), {
    message: "must be before toTimestamp",
    path: ["fromTimestamp"],
  });

export type MetricsQuery = z.output<typeof MetricsQueryZ>;
export type MetricsRow = Record<string, string | number | null>;

/** The name a metric's column has in the reply, e.g. `totalCost_sum`. */
export function metricKey(metric: { measure: string; aggregation: string }): string {
  return `${metric.measure}_${metric.aggregation}`;
}

/**
 * Rows as the public API gives them: metric values (exact decimal text from SQL) as JSON
 * numbers, as Langfuse's clients expect; dimension values stay as they are.
 */
export function withNumericMetrics(query: MetricsQuery, rows: MetricsRow[]): MetricsRow[] {
  const keys = query.metrics.map(metricKey);
  return rows.map((row) => {
    const shaped = { ...row };
    for (const key of keys) {
      const value = shaped[key];
      if (typeof value === "string") shaped[key] = Number(value);
    }
    return shaped;
  });
}
