import { NextResponse } from "next/server";

import { addQueueItemsToDataset, AddFromQueueZ } from "@/lib/datasets/add-from-queue";
import { requireDatasetOfProject } from "@/lib/datasets/dataset-access";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

type Params = { projectId: string; datasetId: string };

// POST /api/projects/:projectId/datasets/:datasetId/add-from-queue
//   { queueId, onlyCompleted?, scoreName?, scoreValue? } -> { matched, added, skipped, missing }
export const POST = handleRoute<Params>(async (request, { params }) => {
  const { projectId, datasetId } = await params;
  const { user } = await requireDatasetOfProject(projectId, datasetId, "write");
  const body = AddFromQueueZ.parse(await readJson(request));
  return NextResponse.json(await addQueueItemsToDataset(projectId, datasetId, body, user.id));
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ POST });
