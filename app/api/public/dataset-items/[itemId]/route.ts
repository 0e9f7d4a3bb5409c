import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { deleteDatasetItem, getDatasetItem } from "@/lib/datasets/dataset-items";
import { decodeRouteParam } from "@/lib/explorer/route-param";
import { handleRoute } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/dataset-items/:itemId
export const GET = handleRoute<{ itemId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const itemId = decodeRouteParam((await params).itemId);
  return NextResponse.json(await getDatasetItem(principal.projectId, itemId));
});

// DELETE /api/public/dataset-items/:itemId -> the item and its versions are removed
export const DELETE = handleRoute<{ itemId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const itemId = decodeRouteParam((await params).itemId);
  await deleteDatasetItem(principal.projectId, itemId);
  return NextResponse.json({ message: "Dataset item deleted" });
});

export const { POST, PUT, PATCH, OPTIONS } = rejectOtherMethods({ GET, DELETE });
