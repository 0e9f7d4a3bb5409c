import { z } from "zod";

import { getPrisma } from "../db/prisma";
import { AppError } from "../http/app-error";
import { findTraceOfSpan } from "../traces/trace-of-span";

/**
 * Annotation queues over the public API, in Langfuse's shapes (`objectId` + `objectType` for an
 * item), so scripts and Langfuse clients can fill queues and read their progress.
 */

const idText = z.string().trim().min(1, "must not be empty").max(200);

export const PageZ = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const CreatePublicQueueZ = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100),
  description: z.string().trim().max(2000).nullish(),
  scoreConfigIds: z.array(idText).max(50).default([]),
});

export const ListPublicItemsZ = PageZ.extend({
  status: z.enum(["PENDING", "COMPLETED"]).optional(),
});

export const CreatePublicItemZ = z.object({
  objectId: idText,
  objectType: z.enum(["TRACE", "OBSERVATION", "SESSION"]),
  status: z.enum(["PENDING", "COMPLETED"]).nullish(),
});

export const UpdatePublicItemZ = z.object({ status: z.enum(["PENDING", "COMPLETED"]) });

interface QueueRecord {
  id: string;
  name: string;
  description: string | null;
  scoreConfigIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

interface ItemRecord {
  id: string;
  queueId: string;
  objectType: "TRACE" | "OBSERVATION";
  traceId: string;
  observationId: string;
  status: "PENDING" | "COMPLETED";
  completedAt: Date | null;
  createdAt: Date;
}

function toPublicQueue(queue: QueueRecord) {
  return {
    id: queue.id,
    name: queue.name,
    description: queue.description,
    scoreConfigIds: queue.scoreConfigIds,
    createdAt: queue.createdAt.toISOString(),
    updatedAt: queue.updatedAt.toISOString(),
  };
}

function toPublicItem(item: ItemRecord) {
  return {
    id: item.id,
    queueId: item.queueId,
    objectId: item.objectType === "OBSERVATION" ? item.observationId : item.traceId,
    objectType: item.objectType,
    traceId: item.traceId,
    status: item.status,
    completedAt: item.completedAt?.toISOString() ?? null,
    createdAt: item.createdAt.toISOString(),
    updatedAt: (item.completedAt ?? item.createdAt).toISOString(),
  };
}

function pageMeta(page: number, limit: number, totalItems: number) {
  return { page, limit, totalItems, totalPages: Math.ceil(totalItems / limit) };
}

async function requireQueue(projectId: string, queueId: string): Promise<QueueRecord> {
  const queue = await getPrisma().annotationQueue.findFirst({ where: { projectId, id: queueId } });
  if (!queue) throw new AppError("not_found", `queueId: no annotation queue ${queueId}`);
  return queue;
}

export async function listPublicQueues(projectId: string, query: z.infer<typeof PageZ>) {
  const prisma = getPrisma();
  const [queues, totalItems] = await Promise.all([
    prisma.annotationQueue.findMany({
      where: { projectId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    }),
    prisma.annotationQueue.count({ where: { projectId } }),
  ]);
  return { data: queues.map(toPublicQueue), meta: pageMeta(query.page, query.limit, totalItems) };
}

export async function getPublicQueue(projectId: string, queueId: string) {
  return toPublicQueue(await requireQueue(projectId, queueId));
}

/** Creates a queue; 409 when the name is taken, 400 naming a score config of no such id. */
export async function createPublicQueue(projectId: string, body: unknown) {
  const input = CreatePublicQueueZ.parse(body);
  const configIds = [...new Set(input.scoreConfigIds)];
  const known = await getPrisma().scoreConfig.findMany({
    where: { projectId, id: { in: configIds } },
    select: { id: true },
  });
  const missing = configIds.find((id) => !known.some((config) => config.id === id));
  if (missing) throw new AppError("bad_request", `scoreConfigIds: no score config ${missing}`);
  const taken = await getPrisma().annotationQueue.findFirst({
    where: { projectId, name: input.name },
    select: { id: true },
  });
  if (taken) throw new AppError("conflict", `name: a queue named ${input.name} already exists`);
  const queue = await getPrisma().annotationQueue.create({
    data: {
      projectId,
      name: input.name,
      description: input.description || null,
      scoreConfigIds: configIds,
    },
  });
  return toPublicQueue(queue);
}

export async function listPublicItems(
  projectId: string,
  queueId: string,
  query: z.infer<typeof ListPublicItemsZ>,
) {
  await requireQueue(projectId, queueId);
  const where = { queueId, projectId, ...(query.status ? { status: query.status } : {}) };
  const prisma = getPrisma();
  const [items, totalItems] = await Promise.all([
    prisma.annotationQueueItem.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    }),
    prisma.annotationQueueItem.count({ where }),
  ]);
  return { data: items.map(toPublicItem), meta: pageMeta(query.page, query.limit, totalItems) };
}

/**
 * Queues a trace or an observation (which must be ingested, to know its trace). An object already
 * in the queue is not queued twice: its existing item is returned.
 */
export async function createPublicItem(projectId: string, queueId: string, body: unknown) {
  const input = CreatePublicItemZ.parse(body);
  await requireQueue(projectId, queueId);
  if (input.objectType === "SESSION") {
    throw new AppError("bad_request", "objectType: SESSION items are not supported, queue traces");
  }
  const objectId = input.objectId.toLowerCase();
  const traceId =
    input.objectType === "TRACE" ? objectId : await findTraceOfSpan(projectId, objectId);
  if (!traceId) {
    throw new AppError("bad_request", `objectId: observation ${objectId} is not ingested (yet)`);
  }
  const observationId = input.objectType === "OBSERVATION" ? objectId : "";
  const completed = input.status === "COMPLETED";
  const item = await getPrisma().annotationQueueItem.upsert({
    where: { queueId_traceId_observationId: { queueId, traceId, observationId } },
    create: {
      queueId,
      projectId,
      objectType: input.objectType,
      traceId,
      observationId,
      status: completed ? "COMPLETED" : "PENDING",
      completedAt: completed ? new Date() : null,
    },
    update: {},
  });
  return toPublicItem(item);
}

async function requireItem(projectId: string, queueId: string, itemId: string) {
  await requireQueue(projectId, queueId);
  const item = await getPrisma().annotationQueueItem.findFirst({
    where: { projectId, queueId, id: itemId },
  });
  if (!item) throw new AppError("not_found", `itemId: no item ${itemId} in this queue`);
  return item;
}

export async function getPublicItem(projectId: string, queueId: string, itemId: string) {
  return toPublicItem(await requireItem(projectId, queueId, itemId));
}

export async function updatePublicItem(
  projectId: string,
  queueId: string,
  itemId: string,
  body: unknown,
) {
  const input = UpdatePublicItemZ.parse(body);
  await requireItem(projectId, queueId, itemId);
  const completed = input.status === "COMPLETED";
  const item = await getPrisma().annotationQueueItem.update({
    where: { id: itemId },
    data: {
      status: input.status,
      completedAt: completed ? new Date() : null,
      ...(completed ? {} : { completedByUserId: null }),
    },
  });
  return toPublicItem(item);
}

export async function deletePublicItem(projectId: string, queueId: string, itemId: string) {
  await requireItem(projectId, queueId, itemId);
  await getPrisma().annotationQueueItem.delete({ where: { id: itemId } });
  return { success: true, message: "Item removed from the queue" };
}
