import { getSql } from "../db/sql";
import { metricKey, type MetricsQuery, type MetricsRow } from "./metrics-query";

type Dimension = MetricsQuery["dimensions"][number]["field"];
type View = MetricsQuery["view"];

// Only these SQL fragments are ever interpolated: every identifier comes from a fixed table.
const DIMENSION_SQL: Record<View, Record<Dimension, string>> = {
  observations: {
    name: "s.name",
    traceName: "t.name",
    userId: "coalesce(s.user_id, t.user_id)",
    sessionId: "coalesce(s.session_id, t.session_id)",
    feature: "coalesce(s.feature, t.feature)",
    model: "s.model",
    // Langfuse's name for the model as the client reported it.
    providedModelName: "coalesce(s.response_model, s.request_model, s.model)",
    environment: "coalesce(s.environment, t.environment)",
    release: "coalesce(s.release, t.release)",
    type: "s.type",
    tags: "tag.value",
  },
  traces: {
    name: "t.name",
    traceName: "t.name",
    userId: "t.user_id",
    sessionId: "t.session_id",
    feature: "t.feature",
    model: "model.value",
    providedModelName: "model.value",
    environment: "t.environment",
    release: "t.release",
    type: "'TRACE'",
    tags: "tag.value",
  },
};

const MEASURE_SQL: Record<View, Record<string, string>> = {
  observations: {
    count: "1",
    totalCost: "s.total_cost",
    inputCost: "s.input_cost",
    outputCost: "s.output_cost",
    inputTokens: "s.input_tokens",
    outputTokens: "s.output_tokens",
    totalTokens: "s.total_tokens",
    latency: "s.duration_ns / 1e6",
  },
  traces: {
    count: "1",
    totalCost: "t.total_cost",
    inputCost: "t.input_cost",
    outputCost: "t.output_cost",
    inputTokens: "t.input_tokens",
    outputTokens: "t.output_tokens",
    totalTokens: "t.total_tokens",
    latency: "t.duration_ns / 1e6",
  },
};

function aggregate(expression: string, aggregation: string): string {
  switch (aggregation) {
    case "count":
      return `count(${expression})`;
    case "p50":
    case "p95":
    case "p99":
      return `percentile_cont(0.${aggregation.slice(1)}) WITHIN GROUP (ORDER BY ${expression})`;
    default:
      return `${aggregation}(${expression})`;
  }
}

function filterSql(
  expression: string,
  operator: string,
  value: string | number | string[],
  params: unknown[],
): string {
  const placeholder = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const values = Array.isArray(value) ? value : [String(value)];
  switch (operator) {
    case "in":
      return `${expression} = ANY(${placeholder(values)}::text[])`;
    case "not in":
      return `NOT (${expression} = ANY(${placeholder(values)}::text[]))`;
    case "contains":
      return `${expression} ILIKE ${placeholder(`%${String(value)}%`)}`;
    default:
      return `${expression} ${operator} ${placeholder(String(value))}`;
  }
}

/**
 * Runs a metrics query for one project. Groups by the requested dimensions (and time bucket in
 * the query's time zone, so that a DST day has 23 or 25 hours), aggregating the measures.
 */
export async function runMetricsQuery(
  projectId: string,
  query: MetricsQuery,
): Promise<MetricsRow[]> {
  const params: unknown[] = [projectId, query.fromTimestamp, query.toTimestamp];
  const view = query.view;
  const dimensions = DIMENSION_SQL[view];
  const usesTags =
    query.dimensions.some((d) => d.field === "tags") ||
    query.filters.some((f) => f.column === "tags");
  const usesModels =
    view === "traces" &&
    (query.dimensions.some((d) => d.field === "model" || d.field === "providedModelName") ||
      query.filters.some((f) => f.column === "model" || f.column === "providedModelName"));

  const from =
    view === "observations"
      ? `spans s JOIN traces t ON t.project_id = s.project_id AND t.trace_id = s.trace_id`
      : `traces t`;
  const timeColumn = view === "observations" ? "s.start_time" : "t.start_time";
  const joins = [
    usesTags ? "CROSS JOIN LATERAL unnest(t.tags) AS tag(value)" : "",
    usesModels ? "CROSS JOIN LATERAL unnest(t.models) AS model(value)" : "",
  ].join(" ");

  const where = [
    `${view === "observations" ? "s" : "t"}.project_id = $1`,
    `${timeColumn} >= $2::timestamptz`,
    `${timeColumn} < $3::timestamptz`,
    ...query.filters.map((filter) =>
      filterSql(dimensions[filter.column], filter.operator, filter.value, params),
    ),
  ];

  const selects: string[] = [];
  const groups: string[] = [];
  query.dimensions.forEach((dimension, index) => {
    selects.push(`${dimensions[dimension.field]} AS "${dimension.field}"`);
    groups.push(String(index + 1));
  });
  if (query.timeDimension) {
    params.push(query.timeZone);
    const zone = `$${params.length}`;
    const unit = `'${query.timeDimension.granularity}'`;
    const bucket = `date_trunc(${unit}, ${timeColumn} AT TIME ZONE ${zone}) AT TIME ZONE ${zone}`;
    selects.push(`(${bucket}) AS time_dimension`);
    groups.push(String(selects.length));
  }
  for (const metric of query.metrics) {
    const expression = aggregate(MEASURE_SQL[view][metric.measure] ?? "1", metric.aggregation);
    selects.push(`${expression} AS "${metricKey(metric)}"`);
  }

  const firstMetric = query.metrics[0] ? metricKey(query.metrics[0]) : "count_count";
  const order = query.timeDimension ? "time_dimension ASC" : `"${firstMetric}" DESC NULLS LAST`;
  const limit = query.config?.row_limit ?? 1000;
  const text = [
    `SELECT ${selects.join(", ")} FROM ${from} ${joins}`,
    `WHERE ${where.join(" AND ")}`,
    groups.length ? `GROUP BY ${groups.join(", ")}` : "",
    `ORDER BY ${order} LIMIT ${limit}`,
  ].join(" ");

  const rows = await getSql().unsafe(text, params as never[]);
  return rows.map((row) => normalizeRow(row as Record<string, unknown>));
}

function normalizeRow(row: Record<string, unknown>): MetricsRow {
  const result: MetricsRow = {};
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Date) result[key] = value.toISOString();
    else if (typeof value === "bigint") result[key] = Number(value);
    else if (value === null || typeof value === "number" || typeof value === "string")
      result[key] = value;
    else result[key] = String(value);
  }
  return result;
}
