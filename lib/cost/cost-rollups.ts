import { getSql } from "../db/sql";

/**
 * Marks the hours of the given traces' spans as needing a rollup refresh ($1 project id,
 * $2 trace ids). Runs in the span writer's transaction, after the trace rollups, so that a
 * change of a trace-level value (feature, user) re-groups all of its spans' cost too.
 */
export const MARK_COST_HOURS_DIRTY_SQL = `
INSERT INTO cost_rollup_dirty (project_id, hour)
SELECT DISTINCT $1::text, date_trunc('hour', s.start_time)
FROM spans s
WHERE s.project_id = $1 AND s.trace_id = ANY($2::text[])
ON CONFLICT DO NOTHING`;

/**
 * Marks the hours of the given start minutes ($1 project id, $2 timestamptz[]) as needing a
 * rollup refresh: for spans of traces stored for the first time, whose hours are all in the
 * batch, so their stored spans need not be read back.
 */
export const MARK_COST_MINUTES_DIRTY_SQL = `
INSERT INTO cost_rollup_dirty (project_id, hour)
SELECT DISTINCT $1::text, date_trunc('hour', m.minute)
FROM unnest($2::timestamptz[]) AS m(minute)
ON CONFLICT DO NOTHING`;

// One row per (hour, dimension, value). Span values win over the trace's (propagated by SDKs).
const REBUILD_HOURS_SQL = `
WITH hours AS (SELECT unnest($2::timestamptz[]) AS hour),
facts AS (
  SELECT date_trunc('hour', s.start_time) AS hour, s.total_cost, s.input_cost, s.output_cost,
    coalesce(s.input_tokens, 0) AS input_tokens, coalesce(s.output_tokens, 0) AS output_tokens,
    coalesce(s.feature, t.feature) AS feature, coalesce(s.user_id, t.user_id) AS user_id,
    s.model, t.name AS trace_name, coalesce(s.environment, t.environment) AS environment, t.tags,
    (s.total_cost IS NULL AND s.model IS NOT NULL
      AND (s.input_tokens IS NOT NULL OR s.output_tokens IS NOT NULL)) AS unpriced
  FROM spans s
  JOIN hours h ON s.start_time >= h.hour AND s.start_time < h.hour + interval '1 hour'
  LEFT JOIN traces t ON t.project_id = s.project_id AND t.trace_id = s.trace_id
  WHERE s.project_id = $1
),
pairs AS (
  SELECT f.*, d.dimension, d.value
  FROM facts f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('feature', coalesce(f.feature, '')), ('userId', coalesce(f.user_id, '')),
      ('model', coalesce(f.model, '')), ('traceName', coalesce(f.trace_name, '')),
      ('environment', coalesce(f.environment, '')),
      ('unpricedModel', CASE WHEN f.unpriced THEN f.model END)
    UNION ALL
    SELECT 'tags', tag FROM unnest(f.tags) AS tag
  ) AS d(dimension, value)
  WHERE d.value IS NOT NULL
)
INSERT INTO cost_rollups (project_id, hour, dimension, value, total_cost, input_cost, output_cost,
  input_tokens, output_tokens, span_count)
SELECT $1, hour, dimension, value, sum(total_cost), sum(input_cost), sum(output_cost),
  sum(input_tokens), sum(output_tokens), count(*)
FROM pairs
GROUP BY hour, dimension, value`;

/**
 * Brings the rollups of a project's dirty hours in [from, to) up to date from the spans. The
 * dirty marks are taken in the same transaction, so a write committed meanwhile marks its
 * hours again and is picked up by the next refresh.
 */
export async function refreshCostRollups(projectId: string, from: Date, to: Date): Promise<number> {
  return getSql().begin(async (transaction) => {
    const lockKey = `cost-rollup:${projectId}`;
    await transaction`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`;
    const dirty = await transaction<{ hour: Date }[]>`
      DELETE FROM cost_rollup_dirty
      WHERE project_id = ${projectId} AND hour >= ${from} AND hour < ${to}
      RETURNING hour`;
    if (dirty.length === 0) return 0;
    const hours = dirty.map((row) => row.hour.toISOString());
    await transaction`
      DELETE FROM cost_rollups
      WHERE project_id = ${projectId} AND hour = ANY(${hours}::timestamptz[])`;
    await transaction.unsafe(REBUILD_HOURS_SQL, [projectId, hours]);
    return dirty.length;
  });
}

/** Marks every hour with spans of the project dirty (after a bulk change such as a recompute). */
export async function markAllCostHoursDirty(projectId: string): Promise<void> {
  await getSql()`
    INSERT INTO cost_rollup_dirty (project_id, hour)
    SELECT DISTINCT ${projectId}, date_trunc('hour', start_time) FROM spans
    WHERE project_id = ${projectId}
    ON CONFLICT DO NOTHING`;
}
