import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { createRunItem, listRunItems, ListRunItemsZ } from "@/lib/dataset-runs/dataset-runs";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/public/dataset-run-items -> links a trace to a dataset item in a run (run made on use)
export const POST = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const item = await createRunItem(principal.projectId, await readJson(request));
  return NextResponse.json(item);
});

// GET /api/public/dataset-run-items?datasetId=&runName=&page=&limit= -> a page of a run's items
export const GET = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const query = ListRunItemsZ.parse(
    Object.fromEntries(new URL(request.url).searchParams.entries()),
  );
  return NextResponse.json(await listRunItems(principal.projectId, query));
});

export const { PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, POST });
