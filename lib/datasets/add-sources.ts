import { getSql } from "../db/sql";

import { utcNow } from "./dataset-fields";
import { recordVersions, type Transaction } from "./save-dataset-item";

/** A trace (observationId null or "") or one of its spans, to become a dataset item. */
export interface ItemSource {
  traceId: string;
  observationId?: string | null;
}

/** What one bulk add did: new items, sources already in the dataset, sources not found. */
export interface AddSourcesResult {
  added: number;
  skipped: number;
  missing: number;
}

/** Sources written per statement, so that one request never holds a huge transaction. */
export const ADD_CHUNK_SIZE = 500;

/**
 * Adds traces and spans to a dataset as items whose input and expected output are the source's
 * input and output. A source the dataset already holds is skipped (never duplicated, even when
 * two adds race: the unique source key decides); every new item gets its version 1.
 */
export async function addSourcesToDataset(
  projectId: string,
  datasetId: string,
  sources: readonly ItemSource[],
  userId: string | null,
): Promise<AddSourcesResult> {
  const unique = dedupeSources(sources);
  const total: AddSourcesResult = { added: 0, skipped: 0, missing: 0 };
  for (let start = 0; start < unique.length; start += ADD_CHUNK_SIZE) {
    const chunk = unique.slice(start, start + ADD_CHUNK_SIZE);
    const result = await getSql().begin((tx) =>
      addChunk(tx, { projectId, datasetId, userId }, chunk),
    );
    total.added += result.added;
    total.skipped += result.skipped;
    total.missing += result.missing;
  }
  return total;
}

function dedupeSources(sources: readonly ItemSource[]) {
  const byKey = new Map<string, { traceId: string; observationId: string }>();
  for (const source of sources) {
    const observationId = source.observationId ?? "";
    byKey.set(`${source.traceId}:${observationId}`, { traceId: source.traceId, observationId });
  }
  return [...byKey.values()];
}

interface Target {
  projectId: string;
  datasetId: string;
  userId: string | null;
}

async function addChunk(
  tx: Transaction,
  target: Target,
  chunk: Array<{ traceId: string; observationId: string }>,
): Promise<AddSourcesResult> {
  const traceIds = chunk.filter((source) => !source.observationId).map((source) => source.traceId);
  const spans = chunk.filter((source) => source.observationId);

  const fromTraces = traceIds.length > 0 ? await insertFromTraces(tx, target, traceIds) : null;
  const fromSpans = spans.length > 0 ? await insertFromSpans(tx, target, spans) : null;

  const addedIds = [...(fromTraces?.addedIds ?? []), ...(fromSpans?.addedIds ?? [])];
  await recordVersions(tx, target.projectId, addedIds, target.userId);

  const found = (fromTraces?.found ?? 0) + (fromSpans?.found ?? 0);
  return {
    added: addedIds.length,
    skipped: found - addedIds.length,
    missing: chunk.length - found,
  };
}

interface ChunkOutcome {
  found: number;
  addedIds: string[];
}

async function insertFromTraces(
  tx: Transaction,
  target: Target,
  traceIds: string[],
): Promise<ChunkOutcome> {
  const rows = await tx<{ id: string | null; found: number }[]>`
    WITH source AS (
      SELECT t."trace_id", t."input", t."output", t."start_time" FROM "traces" AS t
      WHERE t."project_id" = ${target.projectId} AND t."trace_id" = ANY(${traceIds}::text[])
    ), inserted AS (
      INSERT INTO "DatasetItem" ("id", "projectId", "datasetId", "input", "expectedOutput",
        "sourceTraceId", "sourceKey", "status", "version", "createdByUserId", "createdAt",
        "updatedAt")
      SELECT gen_random_uuid()::text, ${target.projectId}, ${target.datasetId}, s."input",
        s."output", s."trace_id", s."trace_id" || ':', 'ACTIVE', 1, ${target.userId},
        ${utcNow(tx)}, ${utcNow(tx)}
      FROM source AS s ORDER BY s."start_time", s."trace_id"
      ON CONFLICT ("datasetId", "sourceKey") DO NOTHING
      RETURNING "id"
    )
    SELECT i."id", (SELECT count(*)::int FROM source) AS found
    FROM (SELECT 1) AS one LEFT JOIN inserted AS i ON true`;
  return outcome(rows);
}

async function insertFromSpans(
  tx: Transaction,
  target: Target,
  spans: Array<{ traceId: string; observationId: string }>,
): Promise<ChunkOutcome> {
  const traceIds = spans.map((span) => span.traceId);
  const spanIds = spans.map((span) => span.observationId);
  // A span id can repeat across partitions (a late rewrite): the newest row is the span.
  const rows = await tx<{ id: string | null; found: number }[]>`
    WITH wanted AS (
      SELECT * FROM unnest(${traceIds}::text[], ${spanIds}::text[]) AS w("trace_id", "span_id")
    ), source AS (
      SELECT DISTINCT ON (s."trace_id", s."span_id") s."trace_id", s."span_id", s."input",
        s."output", s."start_time"
      FROM "spans" AS s JOIN wanted AS w
        ON s."trace_id" = w."trace_id" AND s."span_id" = w."span_id"
      WHERE s."project_id" = ${target.projectId}
      ORDER BY s."trace_id", s."span_id", s."start_time" DESC
    ), inserted AS (
      INSERT INTO "DatasetItem" ("id", "projectId", "datasetId", "input", "expectedOutput",
        "sourceTraceId", "sourceObservationId", "sourceKey", "status", "version",
        "createdByUserId", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, ${target.projectId}, ${target.datasetId}, s."input",
        s."output", s."trace_id", s."span_id", s."trace_id" || ':' || s."span_id", 'ACTIVE', 1,
        ${target.userId}, ${utcNow(tx)}, ${utcNow(tx)}
      FROM source AS s
      ON CONFLICT ("datasetId", "sourceKey") DO NOTHING
      RETURNING "id"
    )
    SELECT i."id", (SELECT count(*)::int FROM source) AS found
    FROM (SELECT 1) AS one LEFT JOIN inserted AS i ON true`;
  return outcome(rows);
}

function outcome(rows: Array<{ id: string | null; found: number }>): ChunkOutcome {
  return {
    found: rows[0]?.found ?? 0,
    addedIds: rows.flatMap((row) => (row.id ? [row.id] : [])),
  };
}
