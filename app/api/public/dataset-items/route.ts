import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { createDatasetItem } from "@/lib/datasets/create-dataset-item";
import { listDatasetItems } from "@/lib/datasets/dataset-items";
import { ListDatasetItemsQueryZ, parseQuery } from "@/lib/datasets/dataset-schemas";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/dataset-items?datasetName=&sourceTraceId=&sourceObservationId=&page=&limit=
export const GET = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const query = parseQuery(ListDatasetItemsQueryZ, new URL(request.url).searchParams);
  return NextResponse.json(await listDatasetItems(principal.projectId, query));
});

// POST /api/public/dataset-items -> the item; an existing id is updated as a new version
export const POST = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  return NextResponse.json(await createDatasetItem(principal.projectId, await readJson(request)));
});

export const { PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, POST });
