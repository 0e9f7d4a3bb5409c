import { NextResponse } from "next/server";

import { requireDatasetUser } from "@/lib/datasets/dataset-access";
import { CreateDatasetZ, ListDatasetsQueryZ, parseQuery } from "@/lib/datasets/dataset-schemas";
import { createDataset, listDatasets } from "@/lib/datasets/datasets";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

type Params = { projectId: string };

// GET /api/projects/:projectId/datasets -> a page of datasets with item counts
export const GET = handleRoute<Params>(async (request, { params }) => {
  const { projectId } = await params;
  await requireDatasetUser(projectId, "read");
  const paging = parseQuery(ListDatasetsQueryZ, new URL(request.url).searchParams);
  return NextResponse.json(await listDatasets(projectId, paging));
});

// POST /api/projects/:projectId/datasets -> 201 the new dataset (409 when the name is taken)
export const POST = handleRoute<Params>(async (request, { params }) => {
  const { projectId } = await params;
  await requireDatasetUser(projectId, "write");
  const input = CreateDatasetZ.parse(await readJson(request));
  return NextResponse.json(await createDataset(projectId, input), { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, POST });
