import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { listDatasetItemVersions } from "@/lib/datasets/dataset-items";
import { decodeRouteParam } from "@/lib/explorer/route-param";
import { handleRoute } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/dataset-items/:itemId/versions -> { data: every saved state, newest first }
export const GET = handleRoute<{ itemId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const itemId = decodeRouteParam((await params).itemId);
  return NextResponse.json({ data: await listDatasetItemVersions(principal.projectId, itemId) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
