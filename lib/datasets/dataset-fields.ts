import type { TransactionSql } from "postgres";

import type { Sql } from "../db/sql";

import type { DatasetItemStatusName } from "./dataset-schemas";

/** A dataset row as read with raw SQL, times already converted to UTC instants. */
export interface DatasetRow {
  id: string;
  projectId: string;
  name: string;
  description: string | null;
  metadata: unknown;
  createdAt: Date;
  updatedAt: Date;
}

/** A dataset item row as read with raw SQL (with its dataset's name). */
export interface DatasetItemRow {
  id: string;
  projectId: string;
  datasetId: string;
  datasetName: string;
  input: unknown;
  expectedOutput: unknown;
  metadata: unknown;
  sourceTraceId: string | null;
  sourceObservationId: string | null;
  status: DatasetItemStatusName;
  version: number;
  createdByUserId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The columns of a DatasetRow from "Dataset" AS d. Prisma keeps times as UTC in
 * timestamp-without-zone columns; they are read as timestamptz so the driver gets the zone.
 */
export function datasetColumns(sql: Sql) {
  return sql`d."id", d."projectId", d."name", d."description", d."metadata",
    d."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
    d."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"`;
}

/** The columns of a DatasetItemRow from "DatasetItem" AS i joined to "Dataset" AS d. */
export function itemColumns(sql: Sql) {
  return sql`i."id", i."projectId", i."datasetId", d."name" AS "datasetName", i."input",
    i."expectedOutput", i."metadata", i."sourceTraceId", i."sourceObservationId", i."status",
    i."version", i."createdByUserId",
    i."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
    i."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"`;
}

/** A dataset in the reply shape of /api/public/datasets (Langfuse's field names). */
export function toPublicDataset(row: DatasetRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    metadata: row.metadata ?? null,
    projectId: row.projectId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type PublicDataset = ReturnType<typeof toPublicDataset>;

/** A dataset item in the reply shape of /api/public/dataset-items (plus its version). */
export function toPublicDatasetItem(row: DatasetItemRow) {
  return {
    id: row.id,
    status: row.status,
    input: row.input ?? null,
    expectedOutput: row.expectedOutput ?? null,
    metadata: row.metadata ?? null,
    sourceTraceId: row.sourceTraceId,
    sourceObservationId: row.sourceObservationId,
    datasetId: row.datasetId,
    datasetName: row.datasetName,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type PublicDatasetItem = ReturnType<typeof toPublicDatasetItem>;

/** Langfuse's page envelope. */
export interface Page<T> {
  data: T[];
  meta: { page: number; limit: number; totalItems: number; totalPages: number };
}

export function toPage<T>(data: T[], page: number, limit: number, totalItems: number): Page<T> {
  return { data, meta: { page, limit, totalItems, totalPages: Math.ceil(totalItems / limit) } };
}

/** The pool or a transaction of it. */
export type Db = Sql | TransactionSql<{ bigint: bigint }>;

/** A JSON value as a jsonb parameter; undefined and null become SQL NULL. */
export function jsonbParam(sql: Db, value: unknown) {
  if (value === undefined || value === null) return sql`NULL::jsonb`;
  // Text first: a JSON string parameter cast straight to json would be encoded twice.
  return sql`${JSON.stringify(value)}::text::jsonb`;
}

/** "traceId:observationId" (observationId empty for a trace): one source per dataset. */
export function sourceKeyOf(traceId: string | null, observationId: string | null): string | null {
  return traceId ? `${traceId}:${observationId ?? ""}` : null;
}

/** The current instant in Prisma's storage (UTC in a timestamp without zone). */
export function utcNow(sql: Db) {
  return sql`(now() AT TIME ZONE 'UTC')`;
}
