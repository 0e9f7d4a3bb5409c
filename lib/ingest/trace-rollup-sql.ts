/**
 * Recomputes the `traces` row of every given trace from all of its stored spans, so the rollup
 * is right whatever order spans arrive in and however often they are re-sent. Parameters: $1
 * project id, $2 trace ids (text[]). Runs in the writer's transaction, after the span upsert and
 * under the per-trace advisory locks, so two writers of one trace cannot interleave.
 *
 * Rules:
 * - a root is a span with no parent or whose parent is not in the trace, and the trace is named
 *   by its earliest root (start, then span id); with no root at all (a cycle), the earliest span;
 * - an explicit trace name, input or output set on any span wins over the root's, the earliest
 *   such span first;
 * - user, session, feature, environment, release and version: first non-null by start time;
 * - tags: the union; tokens and cost: sums (a span that reports input or output but no total
 *   counts their sum as its total); models: the distinct set;
 * - missing_parent_count: spans whose parent id is set but absent from the trace.
 */
// Limitation: trace metadata is the root span's metadata; metadata other spans carry is only on
// those observations.
// Limitation: a write re-reads all stored spans of the traces it touches that were stored before
// (traces new to the batch are rolled up from it, see trace-rollup-rows.ts), so a trace of n
// spans that arrives in k requests costs O(n * k) reads; fine for agent traces of thousands of
// spans, slow for a trace that grows by a few spans per request to hundreds of thousands.
/** SQL for the value of `column` on the trace's earliest span (start, then span id) where set. */
function firstWhere(column: string, condition: string): string {
  return `(array_agg("${column}" ORDER BY "start_ns", "span_id") FILTER (WHERE ${condition}))[1]`;
}

function firstSet(column: string): string {
  return firstWhere(column, `"${column}" IS NOT NULL`);
}

export const RECOMPUTE_TRACES_SQL = `
WITH trace_spans AS MATERIALIZED (
  -- One primary-key probe per trace. OFFSET 0 keeps the lateral subquery from being flattened
  -- into a join that scans all of the project's spans (the planner's choice when a new
  -- partition has no statistics yet). Large values (input, output, metadata) are not read here:
  -- only the few spans that supply them are looked up at the end.
  SELECT s.*
  FROM unnest($2::text[]) AS a(trace_id)
  CROSS JOIN LATERAL (
    SELECT p."trace_id", p."span_id", p."parent_span_id", p."start_ns", p."end_ns",
      p."start_time", p."end_time", p."name", p."type", p."level", p."model", p."tags",
      p."user_id", p."session_id", p."feature", p."environment", p."release", p."version",
      p."trace_name", p."trace_input" IS NOT NULL AS has_trace_input,
      p."trace_output" IS NOT NULL AS has_trace_output,
      p."input_tokens", p."output_tokens", p."total_tokens", p."cache_read_tokens",
      p."cache_write_tokens", p."reasoning_tokens", p."input_cost", p."output_cost",
      p."total_cost"
    FROM "spans" AS p
    WHERE p."project_id" = $1 AND p."trace_id" = a.trace_id
    OFFSET 0
  ) AS s
),
flagged AS MATERIALIZED (
  SELECT t.*,
    t."parent_span_id" IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM trace_spans AS p
      WHERE p."trace_id" = t."trace_id" AND p."span_id" = t."parent_span_id"
    ) AS parent_missing
  FROM trace_spans AS t
),
totals AS (
  SELECT "trace_id",
    min("start_ns") AS start_ns, max("end_ns") AS end_ns,
    min("start_time") AS start_time, max("end_time") AS end_time,
    count(*)::int AS span_count,
    (count(*) FILTER (WHERE "level" = 'ERROR'))::int AS error_count,
    bool_or("level" = 'WARNING') AS has_warning,
    (count(*) FILTER (WHERE parent_missing))::int AS missing_parent_count,
    (count(*) FILTER (WHERE "type" = 'GENERATION' AND "total_cost" IS NULL))::int AS unpriced_count,
    COALESCE(sum("input_tokens"), 0) AS input_tokens,
    COALESCE(sum("output_tokens"), 0) AS output_tokens,
    COALESCE(sum(COALESCE("total_tokens", "input_tokens" + "output_tokens", "input_tokens",
      "output_tokens")), 0) AS total_tokens,
    COALESCE(sum("cache_read_tokens"), 0) AS cache_read_tokens,
    COALESCE(sum("cache_write_tokens"), 0) AS cache_write_tokens,
    COALESCE(sum("reasoning_tokens"), 0) AS reasoning_tokens,
    sum("input_cost") AS input_cost, sum("output_cost") AS output_cost,
    sum("total_cost") AS total_cost,
    COALESCE(array_agg(DISTINCT "model") FILTER (WHERE "model" IS NOT NULL), '{}') AS models,
    ${firstSet("user_id")} AS user_id,
    ${firstSet("session_id")} AS session_id,
    ${firstSet("feature")} AS feature,
    ${firstSet("environment")} AS environment,
    ${firstSet("release")} AS release,
    ${firstSet("version")} AS version,
    ${firstSet("trace_name")} AS trace_name,
    ${firstWhere("span_id", "has_trace_input")} AS trace_input_span,
    ${firstWhere("span_id", "has_trace_output")} AS trace_output_span
  FROM flagged
  GROUP BY "trace_id"
),
roots AS (
  SELECT DISTINCT ON ("trace_id") "trace_id", "span_id", "name"
  FROM flagged
  ORDER BY "trace_id", ("parent_span_id" IS NULL OR parent_missing) DESC, "start_ns", "span_id"
),
tag_sets AS (
  SELECT f."trace_id", array_agg(DISTINCT tag ORDER BY tag) AS tags
  FROM flagged AS f, unnest(f."tags") AS tag
  GROUP BY f."trace_id"
)
INSERT INTO "traces" AS tr (
  "project_id", "trace_id", "name", "root_span_id", "start_time", "end_time", "start_ns",
  "end_ns", "duration_ns", "input", "output", "user_id", "session_id", "feature", "tags",
  "environment", "release", "version", "metadata", "models", "level", "error_count",
  "span_count", "missing_parent_count", "input_tokens", "output_tokens", "total_tokens",
  "cache_read_tokens", "cache_write_tokens", "reasoning_tokens", "input_cost", "output_cost",
  "total_cost", "unpriced_count"
)
SELECT $1, t."trace_id", COALESCE(t.trace_name, r."name"), r."span_id", t.start_time,
  t.end_time, t.start_ns, t.end_ns, GREATEST(t.end_ns - t.start_ns, 0),
  COALESCE(ti.value, ri."input"), COALESCE(tout.value, ri."output"),
  t.user_id, t.session_id, t.feature, COALESCE(g.tags, '{}'),
  t.environment, t.release, t.version, ri."metadata", t.models,
  CASE WHEN t.error_count > 0 THEN 'ERROR' WHEN t.has_warning THEN 'WARNING' ELSE 'DEFAULT' END,
  t.error_count, t.span_count, t.missing_parent_count, t.input_tokens, t.output_tokens,
  t.total_tokens, t.cache_read_tokens, t.cache_write_tokens, t.reasoning_tokens, t.input_cost,
  t.output_cost, t.total_cost, t.unpriced_count
FROM totals AS t
JOIN roots AS r ON r."trace_id" = t."trace_id"
LEFT JOIN tag_sets AS g ON g."trace_id" = t."trace_id"
CROSS JOIN LATERAL (
  SELECT s."input", s."output", s."metadata" FROM "spans" AS s
  WHERE s."project_id" = $1 AND s."trace_id" = t."trace_id" AND s."span_id" = r."span_id"
  OFFSET 0
) AS ri
LEFT JOIN LATERAL (
  SELECT s."trace_input" AS value FROM "spans" AS s
  WHERE s."project_id" = $1 AND s."trace_id" = t."trace_id" AND s."span_id" = t.trace_input_span
  OFFSET 0
) AS ti ON true
LEFT JOIN LATERAL (
  SELECT s."trace_output" AS value FROM "spans" AS s
  WHERE s."project_id" = $1 AND s."trace_id" = t."trace_id" AND s."span_id" = t.trace_output_span
  OFFSET 0
) AS tout ON true
ORDER BY t."trace_id"
ON CONFLICT ("project_id", "trace_id") DO UPDATE SET
  "name" = EXCLUDED."name", "root_span_id" = EXCLUDED."root_span_id",
  "start_time" = EXCLUDED."start_time", "end_time" = EXCLUDED."end_time",
  "start_ns" = EXCLUDED."start_ns", "end_ns" = EXCLUDED."end_ns",
  "duration_ns" = EXCLUDED."duration_ns", "input" = EXCLUDED."input",
  "output" = EXCLUDED."output", "user_id" = EXCLUDED."user_id",
  "session_id" = EXCLUDED."session_id", "feature" = EXCLUDED."feature",
  "tags" = EXCLUDED."tags", "environment" = EXCLUDED."environment",
  "release" = EXCLUDED."release", "version" = EXCLUDED."version",
  "metadata" = EXCLUDED."metadata", "models" = EXCLUDED."models", "level" = EXCLUDED."level",
  "error_count" = EXCLUDED."error_count", "span_count" = EXCLUDED."span_count",
  "missing_parent_count" = EXCLUDED."missing_parent_count",
  "input_tokens" = EXCLUDED."input_tokens", "output_tokens" = EXCLUDED."output_tokens",
  "total_tokens" = EXCLUDED."total_tokens", "cache_read_tokens" = EXCLUDED."cache_read_tokens",
  "cache_write_tokens" = EXCLUDED."cache_write_tokens",
  "reasoning_tokens" = EXCLUDED."reasoning_tokens", "input_cost" = EXCLUDED."input_cost",
  "output_cost" = EXCLUDED."output_cost", "total_cost" = EXCLUDED."total_cost",
  "unpriced_count" = EXCLUDED."unpriced_count", "updated_at" = now()`;
