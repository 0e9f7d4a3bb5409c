import { getSql, type Sql } from "@/lib/db/sql";

import type { TraceFilterOptions } from "./types";

/** How many of the newest traces the suggestions are drawn from. */
const SAMPLE_TRACES = 5000;
const MAX_OPTIONS = 200;

/**
 * Values seen in the project's newest traces for the filter inputs to suggest. Drawn from a
 * bounded sample so that the page stays fast on projects with millions of traces.
 */
// Limitation: a value used only by older traces is not suggested (it can still be typed).
export async function getTraceFilterOptions(
  projectId: string,
  sql: Sql = getSql(),
): Promise<TraceFilterOptions> {
  const [row] = await sql<Array<Record<keyof TraceFilterOptions, string[] | null>>>`
    WITH recent AS MATERIALIZED (
      SELECT "name", "feature", "environment", "release", "models", "tags"
      FROM "traces"
      WHERE "project_id" = ${projectId}
      ORDER BY "start_time" DESC
      LIMIT ${SAMPLE_TRACES}
    )
    SELECT
      (SELECT array_agg(v ORDER BY v) FROM (SELECT DISTINCT "name" AS v FROM recent
        WHERE "name" IS NOT NULL LIMIT ${MAX_OPTIONS}) AS x) AS names,
      (SELECT array_agg(v ORDER BY v) FROM (SELECT DISTINCT "feature" AS v FROM recent
        WHERE "feature" IS NOT NULL LIMIT ${MAX_OPTIONS}) AS x) AS features,
      (SELECT array_agg(v ORDER BY v) FROM (SELECT DISTINCT "environment" AS v FROM recent
        WHERE "environment" IS NOT NULL LIMIT ${MAX_OPTIONS}) AS x) AS environments,
      (SELECT array_agg(v ORDER BY v) FROM (SELECT DISTINCT "release" AS v FROM recent
        WHERE "release" IS NOT NULL LIMIT ${MAX_OPTIONS}) AS x) AS releases,
      (SELECT array_agg(v ORDER BY v) FROM (SELECT DISTINCT unnest("models") AS v FROM recent
        LIMIT ${MAX_OPTIONS}) AS x) AS models,
      (SELECT array_agg(v ORDER BY v) FROM (SELECT DISTINCT unnest("tags") AS v FROM recent
        LIMIT ${MAX_OPTIONS}) AS x) AS tags`;

  return {
    names: row?.names ?? [],
    features: row?.features ?? [],
    environments: row?.environments ?? [],
    releases: row?.releases ?? [],
    models: row?.models ?? [],
    tags: row?.tags ?? [],
  };
}
