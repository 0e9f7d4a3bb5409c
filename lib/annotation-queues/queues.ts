import { getPrisma } from "../db/prisma";
import { getSql } from "../db/sql";
import { AppError } from "../http/app-error";
import { addTracesByFilter, addTracesByIds, countTracesByFilter } from "./add-queue-items";
import { AddQueueItemsZ, CreateQueueZ } from "./queue-schemas";

/** A queue with its progress, as the queue list shows it. */
export interface QueueSummary {
  id: string;
  name: string;
  description: string | null;
  scoreConfigIds: string[];
  sourceFilter: string | null;
  createdAt: string;
  total: number;
  completed: number;
}

/**
 * Creates a review queue with its score configs (all of this project) and queues its first
 * traces from a traces-list filter or a selection. 409 when the name is taken.
 */
export async function createQueue(
  projectId: string,
  userId: string,
  body: unknown,
): Promise<{ queue: QueueSummary; added: number; matching: number | null }> {
  const input = CreateQueueZ.parse(body);
  await assertConfigsOfProject(projectId, input.scoreConfigIds);
  const queue = await getPrisma()
    .annotationQueue.create({
      data: {
        projectId,
        name: input.name,
        description: input.description || null,
        scoreConfigIds: [...new Set(input.scoreConfigIds)],
        sourceFilter: input.filter ? { query: input.filter } : undefined,
        createdByUserId: userId,
      },
    })
    .catch((error: unknown) => {
      if (
        typeof error === "object" &&
        error !== null &&
        "code" in error &&
        error.code === "P2002"
      ) {
        throw new AppError("conflict", `name: a queue named ${input.name} already exists`);
      }
      throw error;
    });
  const added = await addItems(projectId, queue.id, input);
  const matching = input.filter ? await countTracesByFilter(projectId, input.filter) : null;
  return { queue: await getQueue(projectId, queue.id), added, matching };
}

async function assertConfigsOfProject(projectId: string, configIds: readonly string[]) {
  if (configIds.length === 0) return;
  const found = await getPrisma().scoreConfig.findMany({
    where: { projectId, id: { in: [...configIds] } },
    select: { id: true },
  });
  const known = new Set(found.map((config) => config.id));
  const unknown = configIds.find((id) => !known.has(id));
  if (unknown) throw new AppError("bad_request", `scoreConfigIds: no score config ${unknown} here`);
}

async function addItems(
  projectId: string,
  queueId: string,
  source: { filter?: string | null; traceIds?: string[] | null; limit?: number | null },
): Promise<number> {
  if (source.traceIds) return addTracesByIds(projectId, queueId, source.traceIds);
  if (source.filter) {
    return addTracesByFilter(projectId, queueId, source.filter, { limit: source.limit ?? null });
  }
  return 0;
}

/** Adds traces to an existing queue of the project; those already queued are skipped. */
export async function addQueueItems(
  projectId: string,
  queueId: string,
  body: unknown,
): Promise<{ added: number; queue: QueueSummary }> {
  const input = AddQueueItemsZ.parse(body);
  await getQueue(projectId, queueId);
  const added = await addItems(projectId, queueId, input);
  return { added, queue: await getQueue(projectId, queueId) };
}

/** The project's queues with their progress, newest first. */
export async function listQueues(projectId: string): Promise<QueueSummary[]> {
  const sql = getSql();
  const rows = await sql<QueueRow[]>`
    SELECT ${queueColumns(sql)}
    FROM "AnnotationQueue" AS q
    WHERE q."projectId" = ${projectId}
    ORDER BY q."createdAt" DESC, q."id" DESC`;
  return rows.map(toQueueSummary);
}

/** One queue of the project with its progress; 404 when it is another project's or none. */
export async function getQueue(projectId: string, queueId: string): Promise<QueueSummary> {
  const sql = getSql();
  const [row] = await sql<QueueRow[]>`
    SELECT ${queueColumns(sql)}
    FROM "AnnotationQueue" AS q
    WHERE q."projectId" = ${projectId} AND q."id" = ${queueId}`;
  if (!row) throw new AppError("not_found", "Queue not found");
  return toQueueSummary(row);
}

/** Deletes a queue and its items (not the scores given through it). */
export async function deleteQueue(projectId: string, queueId: string): Promise<void> {
  const deleted = await getPrisma().annotationQueue.deleteMany({
    where: { projectId, id: queueId },
  });
  if (deleted.count === 0) throw new AppError("not_found", "Queue not found");
}

interface QueueRow {
  id: string;
  name: string;
  description: string | null;
  scoreConfigIds: string[];
  sourceFilter: { query?: string } | null;
  createdAt: Date;
  total: string;
  completed: string;
}

function queueColumns(sql: ReturnType<typeof getSql>) {
  return sql`q."id", q."name", q."description", q."scoreConfigIds", q."sourceFilter",
    q."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
    (SELECT count(*) FROM "AnnotationQueueItem" AS i WHERE i."queueId" = q."id") AS total,
    (SELECT count(*) FROM "AnnotationQueueItem" AS i
      WHERE i."queueId" = q."id" AND i."status" = 'COMPLETED') AS completed`;
}

function toQueueSummary(row: QueueRow): QueueSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    scoreConfigIds: row.scoreConfigIds,
    sourceFilter: typeof row.sourceFilter?.query === "string" ? row.sourceFilter.query : null,
    createdAt: row.createdAt.toISOString(),
    total: Number(row.total),
    completed: Number(row.completed),
  };
}
