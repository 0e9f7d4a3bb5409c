import type { TransactionSql } from "postgres";
import { z } from "zod";

import { getSql, type Sql } from "../db/sql";
import { AppError } from "../http/app-error";
import { LOCK_TRACES_SQL } from "../ingest/span-upsert-sql";
import { logger } from "../log/logger";
import { deleteMediaOfTraces } from "../media/trace-media";

/** How many traces one bulk deletion takes at most (as Langfuse's DELETE /traces). */
export const MAX_TRACES_PER_DELETE = 1000;

const TraceIdZ = z.string().trim().min(1, "must not be empty").max(200);

/** Body of DELETE /api/public/traces (and of the app's bulk deletion). */
export const DeleteTracesBodyZ = z.object(
  {
    traceIds: z
      .array(TraceIdZ, { error: "must be an array of trace ids" })
      .min(1, "must name at least one trace")
      .max(MAX_TRACES_PER_DELETE, `must name at most ${MAX_TRACES_PER_DELETE} traces`),
  },
  { error: "must be an object with traceIds" },
);

/** What a deletion removed. */
export interface DeleteTracesResult {
  /** The traces that were stored (had a `traces` row) and are gone now. */
  deletedTraceIds: string[];
  spanCount: number;
  scoreCount: number;
  queueItemCount: number;
  /** Media files deleted because no other trace was announced with them. */
  mediaCount: number;
}

/**
 * Removes the spans of the given traces and marks the hours they started in dirty for the cost
 * rollups, so a refresh rebuilds those hours without them (cost-rollups.ts). $1 project, $2
 * trace ids. A data-modifying CTE runs whether or not the outer query reads it.
 */
const DELETE_SPANS_SQL = `
WITH gone AS (
  DELETE FROM "spans"
  WHERE "project_id" = $1 AND "trace_id" = ANY($2::text[])
  RETURNING "span_id", "start_time"
),
dirty AS (
  INSERT INTO "cost_rollup_dirty" ("project_id", "hour")
  SELECT DISTINCT $1::text, date_trunc('hour', "start_time") FROM gone
  ON CONFLICT DO NOTHING
)
SELECT count(*)::int AS span_count, coalesce(array_agg(DISTINCT "span_id"), '{}') AS span_ids
FROM gone`;

/**
 * Deletes traces of a project in one transaction: their spans (marking the hours they fell in
 * dirty, so cost reports stop counting them), their `traces` rows, their scores (on the trace or
 * on one of its spans), their annotation queue items, and the media files announced for them
 * and for no other trace (TraceMedia). Dataset items copied from them and dataset run items
 * linking them are kept. Ids are matched as stored (lowercase hex) after lowercasing, as the
 * read API does. With `requireFound`, a call none of whose traces is stored
 * changes nothing and throws a 404.
 *
 * Takes the ingest writer's per-trace locks (write-spans.ts), so a batch writing one of these
 * traces either commits before (and its spans are deleted too) or starts after, finds no
 * `traces` row and stores the trace anew: a span that arrives after the deletion creates it
 * again, with only the spans sent from then on.
 */
// Limitation: a media file goes with the last trace it was announced for (POST /api/public/media),
// though a media tag may still name it elsewhere: in a dataset item copied from such a trace, or
// in a payload whose sender did not announce the file for its own trace. Those tags then lead to
// "not found"; keeping the bytes for them would defeat deleting personal data.
export async function deleteTraces(
  projectId: string,
  traceIds: readonly string[],
  options: { requireFound?: boolean; sql?: Sql } = {},
): Promise<DeleteTracesResult> {
  const ids = [...new Set(traceIds.map((id) => id.trim().toLowerCase()))];
  if (ids.length === 0) {
    return { deletedTraceIds: [], spanCount: 0, scoreCount: 0, queueItemCount: 0, mediaCount: 0 };
  }

  const sql = options.sql ?? getSql();
  const result = await sql.begin(async (transaction) => {
    await transaction.unsafe(LOCK_TRACES_SQL, [projectId, ids], { prepare: true });

    const stored = await transaction<{ trace_id: string }[]>`
      SELECT "trace_id" FROM "traces"
      WHERE "project_id" = ${projectId} AND "trace_id" = ANY(${ids}::text[])`;
    if (options.requireFound && stored.length === 0) {
      throw new AppError("not_found", `Trace ${ids.join(", ")} not found`);
    }

    // Spans before the rollup rows: a cost recompute updating the same spans holds their row
    // locks until it commits, so its rollup refresh cannot recreate a row deleted here.
    const [spans] = await transaction.unsafe<{ span_count: number; span_ids: string[] }[]>(
      DELETE_SPANS_SQL,
      [projectId, ids],
    );
    const spanIds = spans?.span_ids ?? [];
    const deleted = await transaction<{ trace_id: string }[]>`
      DELETE FROM "traces"
      WHERE "project_id" = ${projectId} AND "trace_id" = ANY(${ids}::text[])
      RETURNING "trace_id"`;
    const [scoreCount, queueItemCount] = await deleteReviewRows(
      transaction,
      projectId,
      ids,
      spanIds,
    );
    const mediaCount = await deleteMediaOfTraces(transaction, projectId, ids);

    return {
      deletedTraceIds: deleted.map((row) => row.trace_id),
      spanCount: spans?.span_count ?? 0,
      scoreCount,
      queueItemCount,
      mediaCount,
    };
  });
  logger.info(
    {
      projectId,
      traceCount: result.deletedTraceIds.length,
      spanCount: result.spanCount,
      scoreCount: result.scoreCount,
      queueItemCount: result.queueItemCount,
      mediaCount: result.mediaCount,
    },
    "traces deleted",
  );
  return result;
}

/** The scores and annotation queue items of the traces (and of their spans); their counts. */
async function deleteReviewRows(
  transaction: TransactionSql,
  projectId: string,
  traceIds: readonly string[],
  spanIds: readonly string[],
): Promise<[number, number]> {
  const ids = [...traceIds];
  const scores = await transaction`
    DELETE FROM "Score"
    WHERE "projectId" = ${projectId}
      AND ("traceId" = ANY(${ids}::text[])
        OR ("traceId" IS NULL AND "observationId" = ANY(${[...spanIds]}::text[])))`;
  // An observation's item carries its trace id too (public-api.ts createPublicItem).
  const items = await transaction`
    DELETE FROM "AnnotationQueueItem"
    WHERE "projectId" = ${projectId} AND "traceId" = ANY(${ids}::text[])`;
  return [scores.count, items.count];
}
