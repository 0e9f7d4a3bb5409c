import { getSql } from "../db/sql";
import { AppError } from "../http/app-error";

import {
  itemColumns,
  toPage,
  toPublicDatasetItem,
  type DatasetItemRow,
  type Page,
  type PublicDatasetItem,
} from "./dataset-fields";
import type { DatasetItemStatusName, ListDatasetItemsQuery } from "./dataset-schemas";

/** One item of the project; 404 when it belongs to another project or does not exist. */
export async function getDatasetItem(
  projectId: string,
  itemId: string,
): Promise<PublicDatasetItem> {
  const sql = getSql();
  const [row] = await sql<DatasetItemRow[]>`
    SELECT ${itemColumns(sql)}
    FROM "DatasetItem" AS i JOIN "Dataset" AS d ON d."id" = i."datasetId"
    WHERE i."projectId" = ${projectId} AND i."id" = ${itemId}`;
  if (!row) throw new AppError("not_found", "Dataset item not found");
  return toPublicDatasetItem(row);
}

/**
 * A page of the project's items, newest first, narrowed by dataset (id or name), source, status
 * and a case-insensitive text search in the input and expected output. With `version` (an
 * instant), each item is shown as it was last saved by then, and items created later are left
 * out (Langfuse's dataset versions).
 */
export async function listDatasetItems(
  projectId: string,
  query: ListDatasetItemsQuery & { datasetId?: string },
): Promise<Page<PublicDatasetItem>> {
  const sql = getSql();
  const search = query.q
    ? `%${query.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
    : undefined;
  const sourceObservationFilter = query.sourceObservationId
    ? sql`AND i."sourceObservationId" = ${query.sourceObservationId}`
    : sql``;
  const searchFilter = search
    ? sql`AND (i."input"::text ILIKE ${search} OR i."expectedOutput"::text ILIKE ${search}
        OR i."id" = ${query.q ?? ""})`
    : sql``;
  const filters = sql`i."projectId" = ${projectId}
    ${query.datasetId ? sql`AND i."datasetId" = ${query.datasetId}` : sql``}
    ${query.datasetName ? sql`AND d."name" = ${query.datasetName}` : sql``}
    ${query.sourceTraceId ? sql`AND i."sourceTraceId" = ${query.sourceTraceId}` : sql``}
    ${sourceObservationFilter}
    ${query.status ? sql`AND i."status" = ${query.status}::"DatasetItemStatus"` : sql``}
    ${searchFilter}`;

  const items = query.version ? itemsAsOf(projectId, query.version) : sql`"DatasetItem"`;
  const [rows, [count]] = await Promise.all([
    sql<DatasetItemRow[]>`
      SELECT ${itemColumns(sql)}
      FROM ${items} AS i JOIN "Dataset" AS d ON d."id" = i."datasetId"
      WHERE ${filters}
      ORDER BY i."createdAt" DESC, i."id" DESC
      LIMIT ${query.limit} OFFSET ${(query.page - 1) * query.limit}`,
    sql<{ total: number }[]>`
      SELECT count(*)::int AS total
      FROM ${items} AS i JOIN "Dataset" AS d ON d."id" = i."datasetId"
      WHERE ${filters}`,
  ]);
  return toPage(rows.map(toPublicDatasetItem), query.page, query.limit, count?.total ?? 0);
}

// Limitation: a deleted item leaves no history (its versions go with it), so it is missing
// from reads of earlier instants too.

/** The project's items shaped like "DatasetItem", each in its latest state saved by `instant`. */
function itemsAsOf(projectId: string, instant: string) {
  const sql = getSql();
  // Text first: a timestamptz parameter would lose the sub-millisecond part.
  const asOf = sql`(${instant}::text::timestamptz AT TIME ZONE 'UTC')`;
  return sql`(
    SELECT current."id", current."projectId", current."datasetId", saved."input",
      saved."expectedOutput", saved."metadata", saved."sourceTraceId",
      saved."sourceObservationId", saved."status", saved."version", current."createdByUserId",
      current."createdAt", saved."createdAt" AS "updatedAt"
    FROM "DatasetItem" AS current
    JOIN LATERAL (
      SELECT * FROM "DatasetItemVersion" AS v
      WHERE v."projectId" = current."projectId" AND v."datasetItemId" = current."id"
        AND v."createdAt" <= ${asOf}
      ORDER BY v."version" DESC
      LIMIT 1
    ) AS saved ON true
    WHERE current."projectId" = ${projectId}
  )`;
}

/** Deletes one item with its version history; 404 when the project has no such item. */
export async function deleteDatasetItem(projectId: string, itemId: string): Promise<void> {
  const sql = getSql();
  await sql.begin(async (tx) => {
    const deleted = await tx`
      DELETE FROM "DatasetItem" WHERE "projectId" = ${projectId} AND "id" = ${itemId}
      RETURNING "id"`;
    if (deleted.length === 0) throw new AppError("not_found", "Dataset item not found");
    await tx`
      DELETE FROM "DatasetItemVersion"
      WHERE "projectId" = ${projectId} AND "datasetItemId" = ${itemId}`;
  });
}

/** One saved state of an item. */
export interface DatasetItemVersionView {
  version: number;
  input: unknown;
  expectedOutput: unknown;
  metadata: unknown;
  status: DatasetItemStatusName;
  sourceTraceId: string | null;
  sourceObservationId: string | null;
  changedByUserId: string | null;
  changedByName: string | null;
  createdAt: string;
}

/** Every saved state of an item, newest first; 404 when the project has no such item. */
export async function listDatasetItemVersions(
  projectId: string,
  itemId: string,
): Promise<DatasetItemVersionView[]> {
  await getDatasetItem(projectId, itemId);
  const sql = getSql();
  const rows = await sql<Array<Omit<DatasetItemVersionView, "createdAt"> & { createdAt: Date }>>`
    SELECT v."version", v."input", v."expectedOutput", v."metadata", v."status",
      v."sourceTraceId", v."sourceObservationId", v."changedByUserId",
      COALESCE(u."name", u."email") AS "changedByName",
      v."createdAt" AT TIME ZONE 'UTC' AS "createdAt"
    FROM "DatasetItemVersion" AS v
    LEFT JOIN "User" AS u ON u."id" = v."changedByUserId"
    WHERE v."projectId" = ${projectId} AND v."datasetItemId" = ${itemId}
    ORDER BY v."version" DESC`;
  return rows.map((row) => ({
    ...row,
    input: row.input ?? null,
    expectedOutput: row.expectedOutput ?? null,
    metadata: row.metadata ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
}
