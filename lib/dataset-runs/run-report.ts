import { getSql } from "../db/sql";
import { summarizeScoresOfName, type SummarizedScore } from "../scores/score-summary";

import {
  itemAtVersion,
  itemVersionKey,
  pastVersionsLinked,
  shownItemVersion,
  type CurrentItem,
  type ItemAtVersion,
  type ItemHistory,
} from "./item-at-version";

export type { ItemAtVersion };

/**
 * Dataset runs side by side: per run the linked traces' latency, cost and average scores, and per
 * dataset item what each chosen run produced. Scores count when given on the linked trace or any
 * of its observations; a score of the run itself (an experiment's aggregate) is listed apart.
 */

export interface RunSummary {
  id: string;
  name: string;
  description: string | null;
  createdAt: string;
  itemCount: number;
  /** Linked traces that have been ingested (exporters send them after the link). */
  tracedCount: number;
  avgLatencyMs: number | null;
  totalCost: string | null;
  /** Average numeric value per score name over the run's traces. */
  scores: Record<string, number>;
  /** Scores given to the run as a whole, by name. */
  runScores: Record<string, number>;
}

export interface RunCell {
  traceId: string;
  observationId: string | null;
  /** The item as it was when this run's trace was linked: what the output answered. */
  item: ItemAtVersion;
  /** Whether the linked trace is stored: false before it is ingested, or after its deletion. */
  traced: boolean;
  outputPreview: string | null;
  latencyMs: number | null;
  totalCost: string | null;
  error: boolean;
  scores: Record<string, number | string>;
}

export interface CompareRow {
  itemId: string;
  /**
   * The item as the first of the compared runs that has it used it (the order given), or as
   * it is now when no compared run has it. A run cell whose item version differs carries its
   * own input and expected output.
   */
  shown: ItemAtVersion;
  /** The run whose item version is shown; null when no compared run has this item. */
  shownRunId: string | null;
  /** The item's version now. */
  currentVersion: number;
  status: string;
  /** By run id; a run without a link for this item has no entry. */
  runs: Record<string, RunCell>;
}

const PREVIEW_CHARS = 300;

/** Every run of a dataset with its totals, newest first. */
export async function listRunSummaries(
  projectId: string,
  datasetId: string,
): Promise<RunSummary[]> {
  const sql = getSql();
  const runs = await sql<
    {
      id: string;
      name: string;
      description: string | null;
      created_at: Date;
      item_count: number;
      traced_count: number;
      avg_latency_ms: number | null;
      total_cost: string | null;
    }[]
  >`
    SELECT r."id", r."name", r."description", r."createdAt" AT TIME ZONE 'UTC' AS created_at,
      count(ri."id")::int AS item_count, count(t."trace_id")::int AS traced_count,
      (avg(t."duration_ns") / 1e6)::float8 AS avg_latency_ms,
      trim_scale(sum(t."total_cost"))::text AS total_cost
    FROM "DatasetRun" AS r
    LEFT JOIN "DatasetRunItem" AS ri ON ri."datasetRunId" = r."id"
    LEFT JOIN "traces" AS t ON t."project_id" = ri."projectId" AND t."trace_id" = ri."traceId"
    WHERE r."projectId" = ${projectId} AND r."datasetId" = ${datasetId}
    GROUP BY r."id"
    ORDER BY r."createdAt" DESC, r."id" DESC`;
  if (runs.length === 0) return [];

  const runIds = runs.map((run) => run.id);
  const [traceScores, runScores] = await Promise.all([
    sql<{ run_id: string; name: string; average: number }[]>`
      SELECT ri."datasetRunId" AS run_id, s."name", avg(s."value"::numeric)::float8 AS average
      FROM "DatasetRunItem" AS ri
      JOIN "Score" AS s ON s."projectId" = ri."projectId" AND s."traceId" = ri."traceId"
      WHERE ri."datasetRunId" = ANY(${runIds}) AND s."value" IS NOT NULL
      GROUP BY 1, 2`,
    sql<{ run_id: string; name: string; average: number }[]>`
      SELECT s."datasetRunId" AS run_id, s."name", avg(s."value"::numeric)::float8 AS average
      FROM "Score" AS s
      WHERE s."projectId" = ${projectId} AND s."datasetRunId" = ANY(${runIds})
        AND s."value" IS NOT NULL
      GROUP BY 1, 2`,
  ]);

  return runs.map((run) => ({
    id: run.id,
    name: run.name,
    description: run.description,
    createdAt: run.created_at.toISOString(),
    itemCount: run.item_count,
    tracedCount: run.traced_count,
    avgLatencyMs: run.avg_latency_ms,
    totalCost: run.total_cost,
    scores: byName(traceScores.filter((score) => score.run_id === run.id)),
    runScores: byName(runScores.filter((score) => score.run_id === run.id)),
  }));
}

function byName(rows: { name: string; average: number }[]): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.name, row.average]));
}

/**
 * The dataset's items (oldest first, a page) with what each of the given runs produced, each
 * next to the item version that run's trace was linked at (from the item's version history).
 */
export async function compareRuns(
  projectId: string,
  datasetId: string,
  runIds: string[],
  page: { limit: number; offset: number },
): Promise<{ rows: CompareRow[]; totalItems: number }> {
  const sql = getSql();
  const [items, [count]] = await Promise.all([
    sql<
      { id: string; version: number; input: unknown; expected_output: unknown; status: string }[]
    >`
      SELECT "id", "version", "input", "expectedOutput" AS expected_output, "status"
      FROM "DatasetItem"
      WHERE "projectId" = ${projectId} AND "datasetId" = ${datasetId}
      ORDER BY "createdAt" ASC, "id" ASC
      LIMIT ${page.limit} OFFSET ${page.offset}`,
    sql<{ total: number }[]>`
      SELECT count(*)::int AS total FROM "DatasetItem"
      WHERE "projectId" = ${projectId} AND "datasetId" = ${datasetId}`,
  ]);
  const itemIds = items.map((item) => item.id);
  const cells = await readRunCells(projectId, runIds, itemIds);

  const history = await readItemHistory(
    projectId,
    pastVersionsLinked(
      items,
      cells.map((cell) => ({ itemId: cell.item_id, version: cell.item_version })),
    ),
  );

  const rows = items.map((row) => {
    const item: CurrentItem = {
      id: row.id,
      version: row.version,
      input: row.input,
      expectedOutput: row.expected_output,
    };
    const runs: Record<string, RunCell> = {};
    for (const cell of cells.filter((entry) => entry.item_id === item.id)) {
      runs[cell.run_id] = {
        traceId: cell.trace_id,
        observationId: cell.observation_id,
        item: itemAtVersion(item, cell.item_version, history),
        traced: cell.traced,
        outputPreview: cell.output_preview,
        latencyMs: cell.latency_ms,
        totalCost: cell.total_cost,
        error: (cell.error_count ?? 0) > 0,
        scores: summarizeCellScores(cell.scores ?? []),
      };
    }
    return {
      itemId: item.id,
      ...shownItemVersion(item, runIds, runs),
      currentVersion: item.version,
      status: row.status,
      runs,
    };
  });
  return { rows, totalItems: count?.total ?? 0 };
}

/** What each of the given runs linked for each of the given items, with its trace's figures. */
async function readRunCells(projectId: string, runIds: string[], itemIds: string[]) {
  if (itemIds.length === 0 || runIds.length === 0) return [];
  return getSql()<
    {
      run_id: string;
      item_id: string;
      item_version: number;
      trace_id: string;
      observation_id: string | null;
      traced: boolean;
      output_preview: string | null;
      latency_ms: number | null;
      total_cost: string | null;
      error_count: number | null;
      scores: SummarizedScore[] | null;
    }[]
  >`
    SELECT ri."datasetRunId" AS run_id, ri."datasetItemId" AS item_id,
      ri."datasetItemVersion" AS item_version,
      ri."traceId" AS trace_id, ri."observationId" AS observation_id,
      t."trace_id" IS NOT NULL AS traced,
      left(CASE jsonb_typeof(t."output") WHEN 'string' THEN t."output" #>> '{}'
        ELSE t."output"::text END, ${PREVIEW_CHARS}) AS output_preview,
      (t."duration_ns" / 1e6)::float8 AS latency_ms,
      trim_scale(t."total_cost")::text AS total_cost, t."error_count",
      (SELECT jsonb_agg(jsonb_build_object('name', s."name", 'value', s."value",
          'stringValue', s."stringValue") ORDER BY s."timestamp", s."id")
        FROM "Score" AS s
        WHERE s."projectId" = ri."projectId" AND s."traceId" = ri."traceId") AS scores
    FROM "DatasetRunItem" AS ri
    LEFT JOIN "traces" AS t ON t."project_id" = ri."projectId" AND t."trace_id" = ri."traceId"
    WHERE ri."projectId" = ${projectId} AND ri."datasetRunId" = ANY(${runIds})
      AND ri."datasetItemId" = ANY(${itemIds})`;
}

/** The saved states of the given item versions. */
async function readItemHistory(
  projectId: string,
  wanted: ReadonlyArray<{ itemId: string; version: number }>,
): Promise<ItemHistory> {
  if (wanted.length === 0) return new Map();
  const rows = await getSql()<
    { item_id: string; version: number; input: unknown; expected_output: unknown }[]
  >`
    SELECT v."datasetItemId" AS item_id, v."version", v."input",
      v."expectedOutput" AS expected_output
    FROM "DatasetItemVersion" AS v
    JOIN jsonb_to_recordset(${JSON.stringify(wanted)}::text::jsonb)
      AS w("itemId" text, "version" int)
      ON w."itemId" = v."datasetItemId" AND w."version" = v."version"
    WHERE v."projectId" = ${projectId}`;
  return new Map(
    rows.map((row) => [
      itemVersionKey(row.item_id, row.version),
      {
        version: row.version,
        recorded: true,
        input: row.input,
        expectedOutput: row.expected_output,
      },
    ]),
  );
}

/**
 * A run cell's scores per name: one number, or the average of several; labels (categorical and
 * boolean scores) as a label, or by frequency when reviewers gave several.
 */
function summarizeCellScores(scores: readonly SummarizedScore[]): Record<string, number | string> {
  const byName = new Map<string, SummarizedScore[]>();
  for (const score of scores) byName.set(score.name, [...(byName.get(score.name) ?? []), score]);
  const summary: Record<string, number | string> = {};
  for (const [name, ofName] of byName) {
    const numbers = ofName.flatMap((score) =>
      score.stringValue === null && score.value !== null ? [score.value] : [],
    );
    summary[name] =
      numbers.length === ofName.length
        ? numbers.reduce((sum, value) => sum + value, 0) / numbers.length
        : summarizeScoresOfName(ofName);
  }
  return summary;
}
