import { NextResponse } from "next/server";

import { toPublicDatasetItem } from "@/lib/datasets/dataset-fields";
import { requireDatasetOfProject } from "@/lib/datasets/dataset-access";
import { listDatasetItems } from "@/lib/datasets/dataset-items";
import {
  ListDatasetItemsQueryZ,
  NewDatasetItemZ,
  parseQuery,
} from "@/lib/datasets/dataset-schemas";
import { saveDatasetItem } from "@/lib/datasets/save-dataset-item";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

type Params = { projectId: string; datasetId: string };

// GET /api/projects/:projectId/datasets/:datasetId/items?q=&status=&page=&limit=
export const GET = handleRoute<Params>(async (request, { params }) => {
  const { projectId, datasetId } = await params;
  await requireDatasetOfProject(projectId, datasetId, "read");
  const query = parseQuery(ListDatasetItemsQueryZ, new URL(request.url).searchParams);
  return NextResponse.json(await listDatasetItems(projectId, { ...query, datasetId }));
});

// POST /api/projects/:projectId/datasets/:datasetId/items -> 201 new item (409 duplicate source)
export const POST = handleRoute<Params>(async (request, { params }) => {
  const { projectId, datasetId } = await params;
  const { user } = await requireDatasetOfProject(projectId, datasetId, "write");
  const fields = NewDatasetItemZ.parse(await readJson(request));
  const row = await saveDatasetItem({ projectId, datasetId, userId: user.id, fields });
  return NextResponse.json(toPublicDatasetItem(row), { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, POST });
