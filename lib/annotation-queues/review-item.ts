import { getSql, type Sql } from "../db/sql";
import { AppError } from "../http/app-error";
import { getQueue, type QueueSummary } from "./queues";

/** One queued trace as the review screen shows it. */
export interface ReviewItem {
  id: string;
  traceId: string;
  /** Null for a whole trace; else the span (observation) to review. */
  observationId: string | null;
  status: "PENDING" | "COMPLETED";
  completedAt: string | null;
  /** 1-based place of the item in the queue's order. */
  position: number;
  trace: { name: string | null; startTime: string; input: unknown; output: unknown } | null;
}

export interface ReviewState {
  queue: QueueSummary;
  item: ReviewItem | null;
  /** The item after this one, whatever its status (null at the end). */
  nextItemId: string | null;
  /** The next item still to review after this one, wrapping round; null when none is left. */
  nextPendingId: string | null;
}

interface ItemRow {
  id: string;
  traceId: string;
  observationId: string;
  status: "PENDING" | "COMPLETED";
  completedAt: Date | null;
}

/**
 * The review screen of a queue at one item, or (no item given) at the first item still to
 * review, so a reviewer resumes where they left off. 404 for another project's queue or item.
 */
export async function getReviewState(
  projectId: string,
  queueId: string,
  itemId: string | null,
): Promise<ReviewState> {
  const sql = getSql();
  const queue = await getQueue(projectId, queueId);
  const item = itemId ? await findItem(sql, queueId, itemId) : await firstPending(sql, queueId);
  if (itemId && !item) throw new AppError("not_found", "Queue item not found");
  if (!item) return { queue, item: null, nextItemId: null, nextPendingId: null };

  const [[position], [next], nextPendingId, [trace]] = await Promise.all([
    sql<{ position: string }[]>`
      SELECT count(*) AS position FROM "AnnotationQueueItem"
      WHERE "queueId" = ${queueId} AND ("createdAt", "id") <= (${placeOf(sql, item.id)})`,
    sql<{ id: string }[]>`
      SELECT "id" FROM "AnnotationQueueItem"
      WHERE "queueId" = ${queueId} AND ("createdAt", "id") > (${placeOf(sql, item.id)})
      ORDER BY "createdAt", "id" LIMIT 1`,
    nextPendingAfter(sql, queueId, item),
    item.observationId
      ? sql<{ name: string | null; start_time: Date; input: unknown; output: unknown }[]>`
          SELECT "name", "start_time", "input", "output" FROM "spans"
          WHERE "project_id" = ${projectId} AND "trace_id" = ${item.traceId}
            AND "span_id" = ${item.observationId}
          LIMIT 1`
      : sql<{ name: string | null; start_time: Date; input: unknown; output: unknown }[]>`
          SELECT "name", "start_time", "input", "output" FROM "traces"
          WHERE "project_id" = ${projectId} AND "trace_id" = ${item.traceId}`,
  ]);
  return {
    queue,
    item: {
      id: item.id,
      traceId: item.traceId,
      observationId: item.observationId || null,
      status: item.status,
      completedAt: item.completedAt ? item.completedAt.toISOString() : null,
      position: Number(position?.position ?? 1),
      trace: trace
        ? {
            name: trace.name,
            startTime: trace.start_time.toISOString(),
            input: trace.input,
            output: trace.output,
          }
        : null,
    },
    nextItemId: next?.id ?? null,
    nextPendingId,
  };
}

// The item's place in the queue's order, read in SQL: createdAt is a timestamp without zone and
// would shift if it went through a JavaScript Date and back.
function placeOf(sql: Sql, itemId: string) {
  return sql`SELECT "createdAt", "id" FROM "AnnotationQueueItem" WHERE "id" = ${itemId}`;
}

async function findItem(sql: Sql, queueId: string, itemId: string): Promise<ItemRow | null> {
  const [row] = await sql<ItemRow[]>`
    SELECT "id", "traceId", "observationId", "status",
      "completedAt" AT TIME ZONE 'UTC' AS "completedAt"
    FROM "AnnotationQueueItem" WHERE "queueId" = ${queueId} AND "id" = ${itemId}`;
  return row ?? null;
}

/**
 * Where a reviewer left off: the first item to do after the one done last, coming round to the
 * start for items skipped earlier; the first item to do when none is done yet.
 */
async function firstPending(sql: Sql, queueId: string): Promise<ItemRow | null> {
  const lastDone = sql`
    SELECT "createdAt", "id" FROM "AnnotationQueueItem"
    WHERE "queueId" = ${queueId} AND "status" = 'COMPLETED'
    ORDER BY "completedAt" DESC NULLS LAST, "id" DESC LIMIT 1`;
  const [row] = await sql<ItemRow[]>`
    SELECT "id", "traceId", "observationId", "status", NULL::timestamptz AS "completedAt"
    FROM "AnnotationQueueItem" WHERE "queueId" = ${queueId} AND "status" = 'PENDING'
    ORDER BY ("createdAt", "id") <= (${lastDone}) NULLS FIRST, "createdAt", "id" LIMIT 1`;
  return row ?? null;
}

async function nextPendingAfter(sql: Sql, queueId: string, item: ItemRow): Promise<string | null> {
  const [row] = await sql<{ id: string }[]>`
    SELECT "id" FROM "AnnotationQueueItem"
    WHERE "queueId" = ${queueId} AND "status" = 'PENDING' AND "id" <> ${item.id}
    ORDER BY ("createdAt", "id") <= (${placeOf(sql, item.id)}), "createdAt", "id"
    LIMIT 1`;
  return row?.id ?? null;
}

/**
 * Marks an item done (or back to pending) and returns the next item still to review, so the
 * review screen can move on. 404 for another project's queue or item.
 */
export async function setItemStatus(
  projectId: string,
  queueId: string,
  itemId: string,
  userId: string,
  status: "PENDING" | "COMPLETED",
): Promise<{ nextPendingId: string | null }> {
  const sql = getSql();
  await getQueue(projectId, queueId);
  const done = status === "COMPLETED";
  const [item] = await sql<ItemRow[]>`
    UPDATE "AnnotationQueueItem"
    SET "status" = ${status}::"AnnotationItemStatus",
      "completedByUserId" = ${done ? userId : null},
      "completedAt" = ${done ? sql`now() AT TIME ZONE 'UTC'` : null}
    WHERE "queueId" = ${queueId} AND "projectId" = ${projectId} AND "id" = ${itemId}
    RETURNING "id", "traceId", "observationId", "status", NULL::timestamptz AS "completedAt"`;
  if (!item) throw new AppError("not_found", "Queue item not found");
  return { nextPendingId: await nextPendingAfter(sql, queueId, item) };
}
