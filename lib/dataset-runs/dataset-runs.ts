import { z } from "zod";

import { getPrisma } from "../db/prisma";
import { retryOnUniqueRace } from "../db/retry-on-unique-race";
import { Prisma } from "../generated/prisma/client";
import { AppError } from "../http/app-error";
import { findTraceOfSpan } from "../traces/trace-of-span";

/**
 * Dataset runs (experiments): an application runs each dataset item through its pipeline and
 * links the trace it produced to the item under a run name. Shapes follow Langfuse's public API
 * (dataset-run-items and datasets/{name}/runs) so its clients' experiment runners work.
 */

const idText = z.string().trim().min(1, "must not be empty").max(200);

/** Body of POST /api/public/dataset-run-items. */
export const CreateRunItemZ = z
  .object({
    runName: z.string().trim().min(1, "must not be empty").max(500),
    runDescription: z.string().max(5000).nullish(),
    metadata: z.unknown().optional(),
    datasetItemId: idText,
    traceId: idText.nullish(),
    observationId: idText.nullish(),
    datasetVersion: z.string().max(100).nullish(),
  })
  .refine((body) => body.traceId || body.observationId, {
    message: "give a traceId (or an observationId of an ingested span)",
    path: ["traceId"],
  });

/** Query of GET /api/public/dataset-run-items. */
export const ListRunItemsZ = z.object({
  datasetId: idText,
  runName: z.string().trim().min(1, "must not be empty").max(500),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const PageQueryZ = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

interface RunRecord {
  id: string;
  name: string;
  description: string | null;
  metadata: Prisma.JsonValue;
  datasetId: string;
  createdAt: Date;
  updatedAt: Date;
}

interface RunItemRecord {
  id: string;
  datasetRunId: string;
  datasetItemId: string;
  datasetItemVersion: number;
  traceId: string;
  observationId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toPublicRunItem(item: RunItemRecord, runName: string) {
  return {
    id: item.id,
    datasetRunId: item.datasetRunId,
    datasetRunName: runName,
    datasetItemId: item.datasetItemId,
    datasetItemVersion: item.datasetItemVersion,
    traceId: item.traceId,
    observationId: item.observationId,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

export function toPublicRun(run: RunRecord, datasetName: string) {
  return {
    id: run.id,
    name: run.name,
    description: run.description,
    metadata: run.metadata ?? null,
    datasetId: run.datasetId,
    datasetName,
    createdAt: run.createdAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
  };
}

function jsonOrNull(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === undefined || value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}

/**
 * Links a trace to a dataset item under a run, creating the run on first use (a description or
 * metadata sent later updates it). Linking the same item in the same run again moves the link to
 * the newer trace. The trace may not be ingested yet: OTel exporters send it afterwards.
 */
export async function createRunItem(projectId: string, body: unknown) {
  const input = CreateRunItemZ.parse(body);
  const prisma = getPrisma();
  const item = await prisma.datasetItem.findUnique({
    where: { projectId_id: { projectId, id: input.datasetItemId } },
    select: { id: true, datasetId: true, version: true },
  });
  if (!item) {
    throw new AppError("not_found", `datasetItemId: no dataset item ${input.datasetItemId}`);
  }
  const traceId =
    input.traceId?.toLowerCase() ??
    (input.observationId ? await findTraceOfSpan(projectId, input.observationId) : null);
  if (!traceId) {
    throw new AppError(
      "bad_request",
      `traceId: required, observation ${input.observationId ?? ""} is not ingested (yet)`,
    );
  }

  const runUpdate: Prisma.DatasetRunUpdateInput = {};
  if (input.runDescription != null) runUpdate.description = input.runDescription;
  if (input.metadata !== undefined && input.metadata !== null) {
    runUpdate.metadata = input.metadata as Prisma.InputJsonValue;
  }
  const run = await retryOnUniqueRace(() =>
    prisma.datasetRun.upsert({
      where: { datasetId_name: { datasetId: item.datasetId, name: input.runName } },
      create: {
        projectId,
        datasetId: item.datasetId,
        name: input.runName,
        description: input.runDescription ?? null,
        metadata: jsonOrNull(input.metadata),
      },
      update: runUpdate,
    }),
  );
  const observationId = input.observationId?.toLowerCase() ?? null;
  // The item as it is now is what the linked trace answered: comparing runs later shows that
  // version, not the item after later edits. A link written again is for a newer trace.
  // Limitation: an item edited between the experiment reading it and linking its trace is
  // recorded at the newer version (Langfuse's datasetVersion, which would pin it, is ignored).
  const linked = { traceId, observationId, datasetItemVersion: item.version };
  const runItem = await retryOnUniqueRace(() =>
    prisma.datasetRunItem.upsert({
      where: { datasetRunId_datasetItemId: { datasetRunId: run.id, datasetItemId: item.id } },
      create: { projectId, datasetRunId: run.id, datasetItemId: item.id, ...linked },
      update: linked,
    }),
  );
  return toPublicRunItem(runItem, run.name);
}

/** A page of one run's items, oldest first (GET /api/public/dataset-run-items). */
export async function listRunItems(projectId: string, query: z.infer<typeof ListRunItemsZ>) {
  const prisma = getPrisma();
  const run = await prisma.datasetRun.findFirst({
    where: { projectId, datasetId: query.datasetId, name: query.runName },
  });
  if (!run) {
    throw new AppError(
      "not_found",
      `runName: no run ${query.runName} in dataset ${query.datasetId}`,
    );
  }
  const [items, totalItems] = await Promise.all([
    prisma.datasetRunItem.findMany({
      where: { datasetRunId: run.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    }),
    prisma.datasetRunItem.count({ where: { datasetRunId: run.id } }),
  ]);
  return {
    data: items.map((item) => toPublicRunItem(item, run.name)),
    meta: pageMeta(query.page, query.limit, totalItems),
  };
}

async function requireDataset(projectId: string, datasetName: string) {
  const dataset = await getPrisma().dataset.findUnique({
    where: { projectId_name: { projectId, name: datasetName } },
    select: { id: true, name: true },
  });
  if (!dataset) throw new AppError("not_found", `datasetName: no dataset ${datasetName}`);
  return dataset;
}

/** A page of a dataset's runs, newest first (GET /api/public/datasets/{name}/runs). */
export async function listRuns(
  projectId: string,
  datasetName: string,
  query: z.infer<typeof PageQueryZ>,
) {
  const dataset = await requireDataset(projectId, datasetName);
  const prisma = getPrisma();
  const [runs, totalItems] = await Promise.all([
    prisma.datasetRun.findMany({
      where: { datasetId: dataset.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    }),
    prisma.datasetRun.count({ where: { datasetId: dataset.id } }),
  ]);
  return {
    data: runs.map((run) => toPublicRun(run, dataset.name)),
    meta: pageMeta(query.page, query.limit, totalItems),
  };
}

/** The names of a dataset's runs, newest first (the v1 dataset read lists them). */
export async function listRunNames(projectId: string, datasetId: string): Promise<string[]> {
  const runs = await getPrisma().datasetRun.findMany({
    where: { projectId, datasetId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { name: true },
  });
  return runs.map((run) => run.name);
}

/** One run with all its items (GET /api/public/datasets/{name}/runs/{runName}). */
export async function getRun(projectId: string, datasetName: string, runName: string) {
  const dataset = await requireDataset(projectId, datasetName);
  const run = await getPrisma().datasetRun.findUnique({
    where: { datasetId_name: { datasetId: dataset.id, name: runName } },
    include: { items: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  if (!run) throw new AppError("not_found", `runName: no run ${runName} in dataset ${datasetName}`);
  return {
    ...toPublicRun(run, dataset.name),
    datasetRunItems: run.items.map((item) => toPublicRunItem(item, run.name)),
  };
}

/** Deletes a run and its links (the traces stay). */
export async function deleteRun(projectId: string, datasetName: string, runName: string) {
  const dataset = await requireDataset(projectId, datasetName);
  const deleted = await getPrisma().datasetRun.deleteMany({
    where: { datasetId: dataset.id, name: runName },
  });
  if (deleted.count === 0) {
    throw new AppError("not_found", `runName: no run ${runName} in dataset ${datasetName}`);
  }
  return { message: "Dataset run successfully deleted" };
}

function pageMeta(page: number, limit: number, totalItems: number) {
  return { page, limit, totalItems, totalPages: Math.ceil(totalItems / limit) };
}
