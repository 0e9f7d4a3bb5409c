import { randomUUID } from "node:crypto";

import { getSql } from "../db/sql";
import { AppError } from "../http/app-error";

import {
  datasetColumns,
  jsonbParam,
  toPage,
  toPublicDataset,
  utcNow,
  type DatasetRow,
  type Page,
  type PublicDataset,
} from "./dataset-fields";
import type { CreateDatasetInput, UpdateDatasetInput } from "./dataset-schemas";

/** A dataset with the counts of its items, for lists. */
export type DatasetSummary = PublicDataset & { activeItems: number; archivedItems: number };

/**
 * Creates a dataset, or updates the one of the same name (Langfuse's upsert by name): a field
 * left out keeps its stored value.
 */
export async function upsertDataset(
  projectId: string,
  input: CreateDatasetInput,
): Promise<PublicDataset> {
  const sql = getSql();
  const description = input.description === undefined ? null : input.description;
  const descriptionOnConflict =
    input.description === undefined ? sql`d."description"` : sql`EXCLUDED."description"`;
  const metadataOnConflict =
    input.metadata === undefined ? sql`d."metadata"` : sql`EXCLUDED."metadata"`;
  const [row] = await sql<DatasetRow[]>`
    INSERT INTO "Dataset" AS d ("id", "projectId", "name", "description", "metadata",
      "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${projectId}, ${input.name}, ${description},
      ${jsonbParam(sql, input.metadata)}, ${utcNow(sql)}, ${utcNow(sql)})
    ON CONFLICT ("projectId", "name") DO UPDATE SET
      "description" = ${descriptionOnConflict},
      "metadata" = ${metadataOnConflict},
      "updatedAt" = EXCLUDED."updatedAt"
    RETURNING ${datasetColumns(sql)}`;
  if (!row) throw new Error("dataset upsert returned no row");
  return toPublicDataset(row);
}

/** Creates a dataset; 409 naming the field when the project already has one of that name. */
export async function createDataset(
  projectId: string,
  input: CreateDatasetInput,
): Promise<PublicDataset> {
  const sql = getSql();
  const [row] = await sql<DatasetRow[]>`
    INSERT INTO "Dataset" AS d ("id", "projectId", "name", "description", "metadata",
      "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${projectId}, ${input.name}, ${input.description ?? null},
      ${jsonbParam(sql, input.metadata)}, ${utcNow(sql)}, ${utcNow(sql)})
    ON CONFLICT ("projectId", "name") DO NOTHING
    RETURNING ${datasetColumns(sql)}`;
  if (!row) throw new AppError("conflict", `name: a dataset named "${input.name}" already exists`);
  return toPublicDataset(row);
}

/** Changes a dataset's name, description or metadata; 409 when the new name is taken. */
export async function updateDataset(
  projectId: string,
  datasetId: string,
  input: UpdateDatasetInput,
): Promise<PublicDataset> {
  const sql = getSql();
  const current = await getDatasetById(projectId, datasetId);
  const name = input.name ?? current.name;
  if (name !== current.name) {
    const [taken] = await sql`
      SELECT 1 FROM "Dataset" WHERE "projectId" = ${projectId} AND "name" = ${name}`;
    if (taken) throw new AppError("conflict", `name: a dataset named "${name}" already exists`);
  }
  const newDescription =
    input.description === undefined ? sql`d."description"` : (input.description ?? null);
  const newMetadata =
    input.metadata === undefined ? sql`d."metadata"` : jsonbParam(sql, input.metadata);
  const [row] = await sql<DatasetRow[]>`
    UPDATE "Dataset" AS d SET
      "name" = ${name},
      "description" = ${newDescription},
      "metadata" = ${newMetadata},
      "updatedAt" = ${utcNow(sql)}
    WHERE d."projectId" = ${projectId} AND d."id" = ${datasetId}
    RETURNING ${datasetColumns(sql)}`.catch((error: unknown) => {
    // Another rename to the same name won the race past the check above.
    if (error && typeof error === "object" && "code" in error && error.code === "23505") {
      throw new AppError("conflict", `name: a dataset named "${name}" already exists`);
    }
    throw error;
  });
  if (!row) throw new AppError("not_found", "Dataset not found");
  return toPublicDataset(row);
}

/** Deletes a dataset with its items and their versions. */
export async function deleteDataset(projectId: string, datasetId: string): Promise<void> {
  const sql = getSql();
  await sql.begin(async (tx) => {
    await tx`
      DELETE FROM "DatasetItemVersion" AS v
      USING "DatasetItem" AS i
      WHERE i."projectId" = ${projectId} AND i."datasetId" = ${datasetId}
        AND v."projectId" = i."projectId" AND v."datasetItemId" = i."id"`;
    const deleted = await tx`
      DELETE FROM "Dataset" WHERE "projectId" = ${projectId} AND "id" = ${datasetId}
      RETURNING "id"`;
    if (deleted.length === 0) throw new AppError("not_found", "Dataset not found");
  });
}

/** One dataset by name; 404 naming the dataset when the project has none of that name. */
export async function getDatasetByName(projectId: string, name: string): Promise<PublicDataset> {
  const sql = getSql();
  const [row] = await sql<DatasetRow[]>`
    SELECT ${datasetColumns(sql)} FROM "Dataset" AS d
    WHERE d."projectId" = ${projectId} AND d."name" = ${name}`;
  if (!row) throw new AppError("not_found", `Dataset "${name}" not found`);
  return toPublicDataset(row);
}

/** One dataset by id; 404 when it belongs to another project or does not exist. */
export async function getDatasetById(projectId: string, datasetId: string): Promise<PublicDataset> {
  const sql = getSql();
  const [row] = await sql<DatasetRow[]>`
    SELECT ${datasetColumns(sql)} FROM "Dataset" AS d
    WHERE d."projectId" = ${projectId} AND d."id" = ${datasetId}`;
  if (!row) throw new AppError("not_found", "Dataset not found");
  return toPublicDataset(row);
}

/** A page of the project's datasets, newest first, with their item counts. */
export async function listDatasets(
  projectId: string,
  paging: { page: number; limit: number },
): Promise<Page<DatasetSummary>> {
  const sql = getSql();
  const [rows, [count]] = await Promise.all([
    sql<Array<DatasetRow & { activeItems: number; archivedItems: number }>>`
      SELECT ${datasetColumns(sql)},
        (SELECT count(*)::int FROM "DatasetItem" AS i
          WHERE i."projectId" = d."projectId" AND i."datasetId" = d."id"
            AND i."status" = 'ACTIVE') AS "activeItems",
        (SELECT count(*)::int FROM "DatasetItem" AS i
          WHERE i."projectId" = d."projectId" AND i."datasetId" = d."id"
            AND i."status" = 'ARCHIVED') AS "archivedItems"
      FROM "Dataset" AS d
      WHERE d."projectId" = ${projectId}
      ORDER BY d."createdAt" DESC, d."id" DESC
      LIMIT ${paging.limit} OFFSET ${(paging.page - 1) * paging.limit}`,
    sql<{ total: number }[]>`
      SELECT count(*)::int AS total FROM "Dataset" WHERE "projectId" = ${projectId}`,
  ]);
  const data = rows.map((row) => ({
    ...toPublicDataset(row),
    activeItems: row.activeItems,
    archivedItems: row.archivedItems,
  }));
  return toPage(data, paging.page, paging.limit, count?.total ?? 0);
}
