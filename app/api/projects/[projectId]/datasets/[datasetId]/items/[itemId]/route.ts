import { NextResponse } from "next/server";

import { toPublicDatasetItem } from "@/lib/datasets/dataset-fields";
import { requireDatasetOfProject } from "@/lib/datasets/dataset-access";
import { deleteDatasetItem, getDatasetItem } from "@/lib/datasets/dataset-items";
import { UpdateDatasetItemZ } from "@/lib/datasets/dataset-schemas";
import { saveDatasetItem } from "@/lib/datasets/save-dataset-item";
import { decodeRouteParam } from "@/lib/explorer/route-param";
import { AppError } from "@/lib/http/app-error";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

type Params = { projectId: string; datasetId: string; itemId: string };

/** The item, which must be in the dataset of the URL (404 otherwise). */
async function itemOfDataset(projectId: string, datasetId: string, itemId: string) {
  const item = await getDatasetItem(projectId, itemId);
  if (item.datasetId !== datasetId) throw new AppError("not_found", "Dataset item not found");
  return item;
}

// GET /api/projects/:projectId/datasets/:datasetId/items/:itemId
export const GET = handleRoute<Params>(async (_request, { params }) => {
  const { projectId, datasetId, itemId } = await params;
  await requireDatasetOfProject(projectId, datasetId, "read");
  return NextResponse.json(await itemOfDataset(projectId, datasetId, decodeRouteParam(itemId)));
});

// PATCH /api/projects/:projectId/datasets/:datasetId/items/:itemId -> saved as a new version;
//   409 when expectedVersion is given and the item has moved on since
export const PATCH = handleRoute<Params>(async (request, { params }) => {
  const { projectId, datasetId, itemId } = await params;
  const { user } = await requireDatasetOfProject(projectId, datasetId, "write");
  const item = await itemOfDataset(projectId, datasetId, decodeRouteParam(itemId));
  const { expectedVersion, ...fields } = UpdateDatasetItemZ.parse(await readJson(request));
  const row = await saveDatasetItem({
    projectId,
    datasetId,
    id: item.id,
    userId: user.id,
    fields,
    expectedVersion,
  });
  return NextResponse.json(toPublicDatasetItem(row));
});

// DELETE /api/projects/:projectId/datasets/:datasetId/items/:itemId
export const DELETE = handleRoute<Params>(async (_request, { params }) => {
  const { projectId, datasetId, itemId } = await params;
  await requireDatasetOfProject(projectId, datasetId, "write");
  const item = await itemOfDataset(projectId, datasetId, decodeRouteParam(itemId));
  await deleteDatasetItem(projectId, item.id);
  return NextResponse.json({ message: "Dataset item deleted" });
});

export const { POST, PUT, OPTIONS } = rejectOtherMethods({ GET, PATCH, DELETE });
