import { randomUUID } from "node:crypto";

import type { TransactionSql } from "postgres";

import type { Sql } from "../db/sql";
import { getSql } from "../db/sql";
import { AppError } from "../http/app-error";

import {
  itemColumns,
  jsonbParam,
  sourceKeyOf,
  utcNow,
  type DatasetItemRow,
} from "./dataset-fields";
import type { DatasetItemStatusName } from "./dataset-schemas";

type Transaction = TransactionSql<{ bigint: bigint }>;

/** The fields of an item to store; `undefined` keeps the stored value on an update. */
export interface DatasetItemFields {
  input?: unknown;
  expectedOutput?: unknown;
  metadata?: unknown;
  sourceTraceId?: string | null;
  sourceObservationId?: string | null;
  status?: DatasetItemStatusName | null;
}

export interface SaveDatasetItemOptions {
  projectId: string;
  datasetId: string;
  /** An id already in the dataset is updated (a new version); else it names the new item. */
  id?: string | null;
  fields: DatasetItemFields;
  userId?: string | null;
  /**
   * What an id of another dataset's item does: "refuse" (409, the default) or "new" (a new item
   * with a fresh id, as an import of another dataset's export wants).
   */
  foreignId?: "refuse" | "new";
  /** The version the writer edited: an update of an item now at another version is refused. */
  expectedVersion?: number;
}

/**
 * Creates or updates one dataset item and records the saved state as a new version, in one
 * transaction. Adding a source span that the dataset already holds is refused with 409 naming
 * the existing item, as is an id that belongs to another dataset (unless foreignId is "new").
 */
export async function saveDatasetItem(options: SaveDatasetItemOptions): Promise<DatasetItemRow> {
  const sql = getSql();
  const id = await sql.begin(async (tx) => writeItem(tx, options)).catch(mapUniqueViolation);
  return readItem(sql, options.projectId, id);
}

/**
 * Two writers racing past the checks above meet a unique key: answer 409 as the checks would
 * have, not 500.
 */
function mapUniqueViolation(error: unknown): never {
  if (error && typeof error === "object" && "code" in error && error.code === "23505") {
    const constraint = "constraint_name" in error ? String(error.constraint_name) : "";
    throw new AppError(
      "conflict",
      constraint.includes("sourceKey")
        ? "sourceTraceId: this dataset already holds an item from the same trace/observation"
        : "id: an item with this id was written at the same time; try again",
    );
  }
  throw error;
}

async function writeItem(tx: Transaction, options: SaveDatasetItemOptions): Promise<string> {
  const found = options.id ? await lockItem(tx, options.projectId, options.id) : null;
  const foreign = found !== null && found.datasetId !== options.datasetId;
  if (foreign && options.foreignId !== "new") {
    throw new AppError(
      "conflict",
      `id: item "${options.id}" belongs to another dataset of this project`,
    );
  }
  const existing = foreign ? null : found;
  const savedId = existing
    ? await updateItem(tx, options, existing)
    : await insertItem(tx, options, foreign ? randomUUID() : (options.id ?? randomUUID()));
  await recordVersions(tx, options.projectId, [savedId], options.userId ?? null);
  return savedId;
}

interface StoredSource {
  datasetId: string;
  version: number;
  sourceTraceId: string | null;
  sourceObservationId: string | null;
}

async function lockItem(tx: Transaction, projectId: string, id: string) {
  const [row] = await tx<StoredSource[]>`
    SELECT "datasetId", "version", "sourceTraceId", "sourceObservationId" FROM "DatasetItem"
    WHERE "projectId" = ${projectId} AND "id" = ${id}
    FOR UPDATE`;
  return row ?? null;
}

async function insertItem(
  tx: Transaction,
  options: SaveDatasetItemOptions,
  id: string,
): Promise<string> {
  const { fields } = options;
  const traceId = fields.sourceTraceId ?? null;
  const observationId = fields.sourceObservationId ?? null;
  const sourceKey = sourceKeyOf(traceId, observationId);
  const rows = await tx<{ id: string }[]>`
    INSERT INTO "DatasetItem" ("id", "projectId", "datasetId", "input", "expectedOutput",
      "metadata", "sourceTraceId", "sourceObservationId", "sourceKey", "status", "version",
      "createdByUserId", "createdAt", "updatedAt")
    VALUES (${id}, ${options.projectId}, ${options.datasetId}, ${jsonbParam(tx, fields.input)},
      ${jsonbParam(tx, fields.expectedOutput)}, ${jsonbParam(tx, fields.metadata)},
      ${traceId}, ${observationId}, ${sourceKey},
      ${fields.status ?? "ACTIVE"}::"DatasetItemStatus", 1, ${options.userId ?? null},
      ${utcNow(tx)}, ${utcNow(tx)})
    ON CONFLICT ("datasetId", "sourceKey") DO NOTHING
    RETURNING "id"`;
  if (rows.length === 0) await throwDuplicateSource(tx, options.datasetId, sourceKey);
  return id;
}

async function updateItem(
  tx: Transaction,
  options: SaveDatasetItemOptions,
  existing: StoredSource,
): Promise<string> {
  const { fields } = options;
  const id = options.id as string;
  if (options.expectedVersion !== undefined && options.expectedVersion !== existing.version) {
    throw new AppError(
      "conflict",
      `This item changed since you opened it (version ${options.expectedVersion}): ` +
        `reload to see version ${existing.version}.`,
      { currentVersion: existing.version },
    );
  }
  const traceId =
    fields.sourceTraceId === undefined ? existing.sourceTraceId : fields.sourceTraceId;
  // A new trace without an observation means the whole trace, not the old trace's span.
  const observationId =
    fields.sourceObservationId !== undefined
      ? fields.sourceObservationId
      : fields.sourceTraceId === undefined
        ? existing.sourceObservationId
        : null;
  const sourceKey = sourceKeyOf(traceId, observationId);
  if (sourceKey !== sourceKeyOf(existing.sourceTraceId, existing.sourceObservationId)) {
    const [clash] = await tx<{ id: string }[]>`
      SELECT "id" FROM "DatasetItem"
      WHERE "datasetId" = ${options.datasetId} AND "sourceKey" = ${sourceKey} AND "id" <> ${id}`;
    if (clash) await throwDuplicateSource(tx, options.datasetId, sourceKey);
  }
  const keep = (column: string) => tx`i.${tx(column)}`;
  const input = fields.input === undefined ? keep("input") : jsonbParam(tx, fields.input);
  const expectedOutput =
    fields.expectedOutput === undefined
      ? keep("expectedOutput")
      : jsonbParam(tx, fields.expectedOutput);
  const metadata =
    fields.metadata === undefined ? keep("metadata") : jsonbParam(tx, fields.metadata);
  await tx`
    UPDATE "DatasetItem" AS i SET
      "input" = ${input},
      "expectedOutput" = ${expectedOutput},
      "metadata" = ${metadata},
      "sourceTraceId" = ${traceId},
      "sourceObservationId" = ${observationId},
      "sourceKey" = ${sourceKey},
      "status" = ${fields.status ? tx`${fields.status}::"DatasetItemStatus"` : keep("status")},
      "version" = i."version" + 1,
      "updatedAt" = ${utcNow(tx)}
    WHERE i."projectId" = ${options.projectId} AND i."id" = ${id}`;
  return id;
}

async function throwDuplicateSource(
  tx: Transaction,
  datasetId: string,
  sourceKey: string | null,
): Promise<never> {
  const [existing] = await tx<{ id: string }[]>`
    SELECT "id" FROM "DatasetItem" WHERE "datasetId" = ${datasetId} AND "sourceKey" = ${sourceKey}`;
  throw new AppError(
    "conflict",
    "sourceTraceId: this dataset already holds an item from the same trace/observation",
    { existingItemId: existing?.id ?? null },
  );
}

/** Copies the current state of the given items into DatasetItemVersion (their version number). */
export async function recordVersions(
  tx: Transaction,
  projectId: string,
  itemIds: readonly string[],
  userId: string | null,
): Promise<void> {
  if (itemIds.length === 0) return;
  await tx`
    INSERT INTO "DatasetItemVersion" ("id", "projectId", "datasetItemId", "version", "input",
      "expectedOutput", "metadata", "status", "sourceTraceId", "sourceObservationId",
      "changedByUserId", "createdAt")
    SELECT gen_random_uuid()::text, i."projectId", i."id", i."version", i."input",
      i."expectedOutput", i."metadata", i."status", i."sourceTraceId", i."sourceObservationId",
      ${userId}, i."updatedAt"
    FROM "DatasetItem" AS i
    WHERE i."projectId" = ${projectId} AND i."id" = ANY(${itemIds as string[]}::text[])`;
}

async function readItem(sql: Sql, projectId: string, id: string): Promise<DatasetItemRow> {
  const [row] = await sql<DatasetItemRow[]>`
    SELECT ${itemColumns(sql)}
    FROM "DatasetItem" AS i JOIN "Dataset" AS d ON d."id" = i."datasetId"
    WHERE i."projectId" = ${projectId} AND i."id" = ${id}`;
  if (!row) throw new AppError("not_found", "Dataset item not found");
  return row;
}

export type { Transaction };

/**
 * Creates many new items without ids or sources (nothing to collide with) in one statement,
 * each with its version 1, in one transaction. Returns how many were created.
 */
export async function insertNewDatasetItems(
  target: { projectId: string; datasetId: string; userId: string | null },
  items: ReadonlyArray<Pick<DatasetItemFields, "input" | "expectedOutput" | "metadata">>,
): Promise<number> {
  if (items.length === 0) return 0;
  // JSON null and an absent field both become SQL NULL, as in saveDatasetItem.
  const rows = items.map((item) => ({
    input: item.input ?? null,
    expectedOutput: item.expectedOutput ?? null,
    metadata: item.metadata ?? null,
  }));
  return getSql().begin(async (tx) => {
    const inserted = await tx<{ id: string }[]>`
      INSERT INTO "DatasetItem" ("id", "projectId", "datasetId", "input", "expectedOutput",
        "metadata", "status", "version", "createdByUserId", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, ${target.projectId}, ${target.datasetId},
        NULLIF(e.value -> 'input', 'null'::jsonb),
        NULLIF(e.value -> 'expectedOutput', 'null'::jsonb),
        NULLIF(e.value -> 'metadata', 'null'::jsonb),
        'ACTIVE', 1, ${target.userId}, ${utcNow(tx)}, ${utcNow(tx)}
      FROM jsonb_array_elements(${JSON.stringify(rows)}::text::jsonb) WITH ORDINALITY AS e
      ORDER BY e.ordinality
      RETURNING "id"`;
    await recordVersions(
      tx,
      target.projectId,
      inserted.map((row) => row.id),
      target.userId,
    );
    return inserted.length;
  });
}
