import type { TransactionSql } from "postgres";

import { getSql, type Sql } from "../db/sql";

/**
 * Which traces reference a media file (TraceMedia): every announcement adds its trace, and
 * deleting a project's traces deletes the files no other trace was announced with.
 */

/** One announcement of a file for a trace, as POST /api/public/media validated it. */
export interface MediaAnnouncement {
  projectId: string;
  mediaId: string;
  sha256Hash: string;
  contentType: string;
  contentLength: number;
  traceId: string;
  observationId: string | null;
  field: string;
}

/** The file as stored after an announcement. */
export interface AnnouncedMedia {
  uploadedAt: Date | null;
  contentType: string;
  contentLength: number;
}

/**
 * Stores the file's record, or, while it is not uploaded, replaces its announced type and length
 * by these (an earlier announcement may have been wrong, and its bytes could then never be
 * uploaded); an uploaded file keeps its own. Links the trace in the same statement, also when
 * the file is stored already. No row comes back when the stored file of this id has another
 * hash. $1 project, $2 media id, $3 hash, $4 type, $5 length, $6 trace id as sent, $7 trace id
 * lowercase, $8 observation id ('' for none), $9 field.
 */
const ANNOUNCE_MEDIA_SQL = `
WITH media AS (
  INSERT INTO "Media" AS m ("projectId", "id", "sha256Hash", "contentType", "contentLength",
    "traceId", "observationId", "field")
  VALUES ($1, $2, $3, $4, $5, $6, nullif($8, ''), $9)
  ON CONFLICT ("projectId", "id") DO UPDATE SET
    "contentType" = CASE WHEN m."uploadedAt" IS NULL
      THEN EXCLUDED."contentType" ELSE m."contentType" END,
    "contentLength" = CASE WHEN m."uploadedAt" IS NULL
      THEN EXCLUDED."contentLength" ELSE m."contentLength" END
  WHERE m."sha256Hash" = EXCLUDED."sha256Hash"
  RETURNING "uploadedAt", "contentType", "contentLength"
),
link AS (
  INSERT INTO "TraceMedia" ("projectId", "mediaId", "traceId", "observationId", "field")
  SELECT $1, $2, $7, $8, $9 FROM media
  ON CONFLICT DO NOTHING
)
SELECT "uploadedAt", "contentType", "contentLength" FROM media`;

/** Records an announcement; null when another file of the project has this media id. */
export async function recordMediaAnnouncement(
  announcement: MediaAnnouncement,
  sql: Sql = getSql(),
): Promise<AnnouncedMedia | null> {
  const { projectId, mediaId, sha256Hash, contentType, contentLength, traceId } = announcement;
  const [stored] = await sql.unsafe<AnnouncedMedia[]>(
    ANNOUNCE_MEDIA_SQL,
    [
      projectId,
      mediaId,
      sha256Hash,
      contentType,
      contentLength,
      traceId,
      traceId.toLowerCase(),
      announcement.observationId ?? "",
      announcement.field,
    ],
    { prepare: true },
  );
  return stored ?? null;
}

/**
 * Within a trace deletion: unlinks the traces (ids lowercase) from their media files and
 * deletes, bytes and all, the files no other trace is linked to; their count.
 *
 * The files are locked before the check, so an announcement of one of them for another trace
 * either commits first (and the check sees its link) or waits and then stores the file anew.
 */
export async function deleteMediaOfTraces(
  transaction: TransactionSql,
  projectId: string,
  traceIds: readonly string[],
): Promise<number> {
  const unlinked = await transaction<{ mediaId: string }[]>`
    DELETE FROM "TraceMedia"
    WHERE "projectId" = ${projectId} AND "traceId" = ANY(${[...traceIds]}::text[])
    RETURNING "mediaId"`;
  const mediaIds = [...new Set(unlinked.map((row) => row.mediaId))];
  if (mediaIds.length === 0) return 0;

  await transaction`
    SELECT 1 FROM "Media"
    WHERE "projectId" = ${projectId} AND "id" = ANY(${mediaIds}::text[])
    ORDER BY "id"
    FOR UPDATE`;
  const deleted = await transaction`
    DELETE FROM "Media" AS m
    WHERE m."projectId" = ${projectId} AND m."id" = ANY(${mediaIds}::text[])
      AND NOT EXISTS (
        SELECT 1 FROM "TraceMedia" AS link
        WHERE link."projectId" = m."projectId" AND link."mediaId" = m."id"
      )`;
  return deleted.count;
}
