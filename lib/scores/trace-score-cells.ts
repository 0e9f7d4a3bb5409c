import type postgres from "postgres";

import { getSql, type Sql } from "../db/sql";
import { SCORE_OPERATOR_SQL, type ScoreFilter } from "../explorer/score-filter";

/** A trace's scores of one name, as a list column shows them. */
export interface TraceScoreCell {
  /** The average of the numeric values (categories count by their value), null when none. */
  average: number | null;
  /** How often each label was given (categorical and boolean scores), null when none. */
  labels: Record<string, number> | null;
  count: number;
}

/**
 * The scores of the given traces, averaged per score name (over the trace's own scores and those
 * of its spans), keyed by trace id then score name.
 */
export async function loadTraceScoreCells(
  projectId: string,
  traceIds: readonly string[],
  sql: Sql = getSql(),
): Promise<Map<string, Record<string, TraceScoreCell>>> {
  const cells = new Map<string, Record<string, TraceScoreCell>>();
  if (traceIds.length === 0) return cells;
  const rows = await sql<
    {
      traceId: string;
      name: string;
      average: number | null;
      labels: Record<string, number> | null;
      count: string;
    }[]
  >`
    WITH by_label AS (
      SELECT s."traceId", s."name", s."stringValue" AS label, count(*) AS scores,
        sum(s."value"::numeric) AS value_sum, count(s."value") AS value_count
      FROM "Score" AS s
      WHERE s."projectId" = ${projectId} AND s."traceId" = ANY(${[...traceIds]}::text[])
      GROUP BY s."traceId", s."name", s."stringValue"
    )
    SELECT "traceId", "name",
      (sum(value_sum) / NULLIF(sum(value_count), 0))::float8 AS average,
      jsonb_object_agg(label, scores) FILTER (WHERE label IS NOT NULL) AS labels,
      sum(scores) AS count
    FROM by_label
    GROUP BY "traceId", "name"`;
  for (const row of rows) {
    const byName = cells.get(row.traceId) ?? {};
    byName[row.name] = { average: row.average, labels: row.labels, count: Number(row.count) };
    cells.set(row.traceId, byName);
  }
  return cells;
}

/**
 * A WHERE condition on the `traces` alias `t` for one score filter: a number compares the
 * trace's average of that score; a label (eq / neq) asks whether some score of that name
 * carries exactly that label. Traces without such a score never match.
 */
export function scoreFilterCondition(sql: Sql, filter: ScoreFilter): postgres.Fragment {
  const scoresOfTrace = sql`FROM "Score" AS s
    WHERE s."projectId" = t."project_id" AND s."traceId" = t."trace_id"
      AND s."name" = ${filter.name}`;
  if (typeof filter.value === "string") {
    const labelled = sql`EXISTS (SELECT 1 ${scoresOfTrace} AND s."stringValue" = ${filter.value})`;
    return filter.operator === "neq"
      ? sql`(EXISTS (SELECT 1 ${scoresOfTrace}) AND NOT ${labelled})`
      : labelled;
  }
  // The operator comes from a fixed list (SCORE_OPERATOR_SQL), so it is safe as SQL text.
  const operator = sql.unsafe(SCORE_OPERATOR_SQL[filter.operator]);
  return sql`(SELECT avg(s."value"::numeric) ${scoresOfTrace}) ${operator} ${filter.value}`;
}

/** The project's score names with how many scores each has, most used first. */
export async function listScoreNames(projectId: string, sql: Sql = getSql()): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    SELECT s."name" FROM "Score" AS s WHERE s."projectId" = ${projectId}
    GROUP BY s."name" ORDER BY count(*) DESC, s."name" LIMIT 100`;
  return rows.map((row) => row.name);
}
