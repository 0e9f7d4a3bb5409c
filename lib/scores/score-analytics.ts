import type postgres from "postgres";

import { getSql } from "../db/sql";
import { measureAgreement, type Agreement, type ScorePair } from "./agreement";

const HISTOGRAM_BINS = 10;
const MAX_SCATTER_POINTS = 500;

export interface ScoreNameSummary {
  name: string;
  count: number;
  dataType: string;
  sources: string[];
}

export interface ScoreAnalytics {
  name: string;
  dataType: string;
  count: number;
  average: number | null;
  /** Numeric scores: equal-width bins between min and max. Others: one bar per label. */
  distribution: Array<{ bucket: string; count: number }>;
  /** Per UTC day: the average (numbers, categories by value) and count, per source. */
  trend: Array<{ day: string; source: string; average: number | null; count: number }>;
  agreement: Agreement;
  /** Judge against human per target, for a scatter plot (numbers only, at most 500). */
  scatter: Array<{ judge: number; human: number }>;
}

/** The project's score names in the window, most used first, with type and sources. */
export async function listScoreNameSummaries(
  projectId: string,
  from: Date,
): Promise<ScoreNameSummary[]> {
  const sql = getSql();
  const rows = await sql<{ name: string; count: string; dataType: string; sources: string[] }[]>`
    SELECT s."name", count(*) AS count,
      mode() WITHIN GROUP (ORDER BY s."dataType")::text AS "dataType",
      array_agg(DISTINCT s."source"::text ORDER BY s."source"::text) AS sources
    FROM "Score" AS s
    WHERE s."projectId" = ${projectId} AND s."timestamp" >= ${utc(from)}::timestamp
    GROUP BY s."name"
    ORDER BY count(*) DESC, s."name"
    LIMIT 200`;
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/**
 * Distribution, daily trend and judge-versus-human agreement of one score name since `from`.
 * Agreement pairs an EVAL and an ANNOTATION score of the target (trace, or span of a trace);
 * several scores of one side on a target are averaged (labels: the most frequent).
 */
export async function getScoreAnalytics(
  projectId: string,
  name: string,
  from: Date,
): Promise<ScoreAnalytics> {
  const sql = getSql();
  const since = utc(from);
  const scope = sql`s."projectId" = ${projectId} AND s."name" = ${name}
    AND s."timestamp" >= ${since}::timestamp`;

  const [[summary], trend, pairs] = await Promise.all([
    sql<
      {
        count: string;
        average: number | null;
        min: number | null;
        max: number | null;
        dataType: string | null;
      }[]
    >`
      SELECT count(*) AS count, avg(s."value")::float8 AS average, min(s."value") AS min,
        max(s."value") AS max, mode() WITHIN GROUP (ORDER BY s."dataType")::text AS "dataType"
      FROM "Score" AS s WHERE ${scope}`,
    sql<{ day: string; source: string; average: number | null; count: string }[]>`
      SELECT to_char(date_trunc('day', s."timestamp"), 'YYYY-MM-DD') AS day,
        s."source"::text AS source,
        avg(s."value")::float8 AS average, count(*) AS count
      FROM "Score" AS s WHERE ${scope}
      GROUP BY 1, 2 ORDER BY 1, 2`,
    sql<ScorePair[]>`
      WITH sides AS (
        SELECT s."traceId", COALESCE(s."observationId", '') AS target, s."source",
          avg(s."value")::float8 AS value, mode() WITHIN GROUP (ORDER BY s."stringValue") AS label
        FROM "Score" AS s
        WHERE ${scope} AND s."traceId" IS NOT NULL AND s."source" IN ('EVAL', 'ANNOTATION')
        GROUP BY 1, 2, 3
      )
      SELECT j.value AS "judgeValue", h.value AS "humanValue", j.label AS "judgeLabel",
        h.label AS "humanLabel"
      FROM sides AS j
      JOIN sides AS h ON h."traceId" = j."traceId" AND h.target = j.target
        AND h."source" = 'ANNOTATION'
      WHERE j."source" = 'EVAL'
      LIMIT 20000`,
  ]);

  const dataType = summary?.dataType ?? "NUMERIC";
  const distribution =
    dataType === "NUMERIC"
      ? await numericHistogram(scope, summary?.min ?? null, summary?.max ?? null)
      : await labelCounts(scope);

  return {
    name,
    dataType,
    count: Number(summary?.count ?? 0),
    average: summary?.average ?? null,
    distribution,
    trend: trend.map((row) => ({ ...row, count: Number(row.count) })),
    agreement: measureAgreement(pairs),
    scatter: pairs
      .filter((pair) => pair.judgeValue !== null && pair.humanValue !== null)
      .slice(0, MAX_SCATTER_POINTS)
      .map((pair) => ({ judge: pair.judgeValue as number, human: pair.humanValue as number })),
  };
}

type Scope = postgres.Fragment;

async function numericHistogram(scope: Scope, min: number | null, max: number | null) {
  if (min === null || max === null) return [];
  const sql = getSql();
  if (min === max) {
    const [row] = await sql<{ count: string }[]>`
      SELECT count(*) AS count FROM "Score" AS s WHERE ${scope} AND s."value" IS NOT NULL`;
    return [{ bucket: formatNumber(min), count: Number(row?.count ?? 0) }];
  }
  const width = (max - min) / HISTOGRAM_BINS;
  // width_bucket puts the maximum in bin n+1; LEAST folds it into the last bin.
  const rows = await sql<{ bin: number; count: string }[]>`
    SELECT LEAST(width_bucket(s."value", ${min}::float8, ${max}::float8, ${HISTOGRAM_BINS}),
        ${HISTOGRAM_BINS}) AS bin,
      count(*) AS count
    FROM "Score" AS s WHERE ${scope} AND s."value" IS NOT NULL
    GROUP BY 1`;
  const counts = new Map(rows.map((row) => [Number(row.bin), Number(row.count)]));
  return Array.from({ length: HISTOGRAM_BINS }, (_, index) => ({
    bucket: `${formatNumber(min + index * width)}–${formatNumber(min + (index + 1) * width)}`,
    count: counts.get(index + 1) ?? 0,
  }));
}

async function labelCounts(scope: Scope) {
  const sql = getSql();
  const rows = await sql<{ bucket: string; count: string }[]>`
    SELECT COALESCE(s."stringValue", s."value"::text, '(none)') AS bucket, count(*) AS count
    FROM "Score" AS s WHERE ${scope}
    GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 50`;
  return rows.map((row) => ({ bucket: row.bucket, count: Number(row.count) }));
}

function formatNumber(value: number): string {
  return String(Number(value.toPrecision(3)));
}

// Score times are UTC in a timestamp-without-zone column: compare with UTC text.
function utc(instant: Date): string {
  return instant.toISOString().replace("T", " ").replace("Z", "");
}
