import { NextResponse } from "next/server";

import { requireDatasetOfProject } from "@/lib/datasets/dataset-access";
import { getDatasetItem, listDatasetItemVersions } from "@/lib/datasets/dataset-items";
import { decodeRouteParam } from "@/lib/explorer/route-param";
import { AppError } from "@/lib/http/app-error";
import { handleRoute } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

type Params = { projectId: string; datasetId: string; itemId: string };

// GET /api/projects/:projectId/datasets/:datasetId/items/:itemId/versions -> newest first
export const GET = handleRoute<Params>(async (_request, { params }) => {
  const { projectId, datasetId, itemId } = await params;
  await requireDatasetOfProject(projectId, datasetId, "read");
  const item = await getDatasetItem(projectId, decodeRouteParam(itemId));
  if (item.datasetId !== datasetId) throw new AppError("not_found", "Dataset item not found");
  return NextResponse.json({ data: await listDatasetItemVersions(projectId, item.id) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
