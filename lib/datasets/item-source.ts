import { getSql } from "../db/sql";
import { AppError } from "../http/app-error";

import { sourceKeyOf } from "./dataset-fields";

/** A trace or span as the start of a new dataset item, and the datasets that already hold it. */
export interface ItemSourcePreview {
  traceId: string;
  observationId: string | null;
  name: string | null;
  input: unknown;
  output: unknown;
  inDatasets: Array<{ datasetId: string; datasetName: string; itemId: string }>;
}

/** Reads a trace (no observationId) or one of its spans; 404 when the project has none. */
export async function getItemSourcePreview(
  projectId: string,
  traceId: string,
  observationId: string | null,
): Promise<ItemSourcePreview> {
  const sql = getSql();
  const [source] = observationId
    ? await sql<{ name: string | null; input: unknown; output: unknown }[]>`
        SELECT "name", "input", "output" FROM "spans"
        WHERE "project_id" = ${projectId} AND "trace_id" = ${traceId}
          AND "span_id" = ${observationId}
        ORDER BY "start_time" DESC LIMIT 1`
    : await sql<{ name: string | null; input: unknown; output: unknown }[]>`
        SELECT "name", "input", "output" FROM "traces"
        WHERE "project_id" = ${projectId} AND "trace_id" = ${traceId}`;
  if (!source) {
    throw new AppError("not_found", observationId ? "Observation not found" : "Trace not found");
  }
  const inDatasets = await sql<ItemSourcePreview["inDatasets"]>`
    SELECT d."id" AS "datasetId", d."name" AS "datasetName", i."id" AS "itemId"
    FROM "DatasetItem" AS i JOIN "Dataset" AS d ON d."id" = i."datasetId"
    WHERE i."projectId" = ${projectId} AND i."sourceKey" = ${sourceKeyOf(traceId, observationId)}
    ORDER BY d."name"`;
  return {
    traceId,
    observationId,
    name: source.name,
    input: source.input ?? null,
    output: source.output ?? null,
    inDatasets,
  };
}
