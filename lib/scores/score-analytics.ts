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
 * Averages are taken in numeric: float8's avg also sums squares, which overflows for values
 * beyond about 1e154 (new scores are kept within ±1e12, older ones may not be).
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
      SELECT count(*) AS count, avg(s."value"::numeric)::float8 AS average, min(s."value") AS min,
        max(s."value") AS max, mode() WITHIN GROUP (ORDER BY s."dataType")::text AS "dataType"
      FROM "Score" AS s WHERE ${scope}`,
    sql<{ day: string; source: string; average: number | null; count: string }[]>`
      SELECT to_char(date_trunc('day', s."timestamp"), 'YYYY-MM-DD') AS day,
        s."source"::text AS source,
        avg(s."value"::numeric)::float8 AS average, count(*) AS count
      FROM "Score" AS s WHERE ${scope}
      GROUP BY 1, 2 ORDER BY 1, 2`,
    sql<ScorePair[]>`
      WITH sides AS (
        SELECT s."traceId", COALESCE(s."observationId", '') AS target, s."source",
          avg(s."value"::numeric)::float8 AS value,
          mode() WITHIN GROUP (ORDER BY s."stringValue") AS label
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
  // Bins from halves of the values: max - min overflows float8 for values beyond ±9e307
  // (stored before the range check), max / 2 - min / 2 cannot. NULLIF: halves of two distinct
  // subnormal bounds can be equal; their values all go to the first bin.
  const rows = await sql<{ bin: number; count: string }[]>`
    SELECT LEAST(GREATEST(floor(
        (s."value" / 2 - ${min}::float8 / 2)
          / NULLIF(${max}::float8 / 2 - ${min}::float8 / 2, 0) * ${HISTOGRAM_BINS}
      )::int + 1, 1), ${HISTOGRAM_BINS}) AS bin,
      count(*) AS count
    FROM "Score" AS s WHERE ${scope} AND s."value" IS NOT NULL
    GROUP BY 1`;
  const counts = new Map(rows.map((row) => [Number(row.bin), Number(row.count)]));
  // A weighted mean of the bounds, which cannot overflow as min + index * width could.
  const edge = (index: number) => {
    const share = index / HISTOGRAM_BINS;
    return min * (1 - share) + max * share;
  };
  return Array.from({ length: HISTOGRAM_BINS }, (_, index) => ({
    bucket: `${formatNumber(edge(index))}–${formatNumber(edge(index + 1))}`,
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
