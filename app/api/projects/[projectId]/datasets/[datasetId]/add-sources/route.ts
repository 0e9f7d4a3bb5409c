import { NextResponse } from "next/server";
import { z } from "zod";

import { addSourcesToDataset } from "@/lib/datasets/add-sources";
import { requireDatasetOfProject } from "@/lib/datasets/dataset-access";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

type Params = { projectId: string; datasetId: string };

const MAX_SOURCES = 5_000;
const idText = z.string().trim().min(1, "must not be empty").max(200);

const AddSourcesZ = z
  .object({
    traceIds: z.array(idText).max(MAX_SOURCES).default([]),
    observations: z
      .array(z.object({ traceId: idText, observationId: idText }))
      .max(MAX_SOURCES)
      .default([]),
  })
  .refine((body) => body.traceIds.length + body.observations.length > 0, {
    path: ["traceIds"],
    message: "give at least one trace or observation",
  });

// POST /api/projects/:projectId/datasets/:datasetId/add-sources -> { added, skipped, missing }
export const POST = handleRoute<Params>(async (request, { params }) => {
  const { projectId, datasetId } = await params;
  const { user } = await requireDatasetOfProject(projectId, datasetId, "write");
  const body = AddSourcesZ.parse(await readJson(request));
  const sources = [...body.traceIds.map((traceId) => ({ traceId })), ...body.observations];
  return NextResponse.json(await addSourcesToDataset(projectId, datasetId, sources, user.id));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ POST });
