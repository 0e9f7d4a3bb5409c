import type { Sql } from "../db/sql";

/**
 * The columns of a ScoreRow, selected from "Score" AS s. Prisma keeps times as UTC in
 * timestamp-without-zone columns; they are read as timestamptz so the driver gets the zone.
 */
export function scoreColumns(sql: Sql) {
  return sql`
    s."id", s."projectId", s."name", s."dataType", s."value", s."stringValue", s."source",
    s."comment", s."metadata", s."environment", s."authorUserId", s."authorApiKeyId",
    s."traceId", s."observationId", s."sessionId", s."datasetRunId", s."configId",
    s."timestamp" AT TIME ZONE 'UTC' AS "timestamp",
    s."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
    s."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt",
    CASE WHEN s."traceId" IS NULL THEN NULL ELSE ${traceExists(sql)} END AS "traceExists"`;
}

/** Whether the score's trace has been ingested (scores may arrive before their trace). */
export function traceExists(sql: Sql) {
  return sql`EXISTS (
    SELECT 1 FROM traces AS t WHERE t.project_id = s."projectId" AND t.trace_id = s."traceId")`;
}
