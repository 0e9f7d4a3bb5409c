import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute } from "@/lib/http/handle-route";
import { getScore } from "@/lib/scores/get-score";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/v2/scores/:scoreId -> one score, as GET /api/public/scores/:scoreId
export const GET = handleRoute<{ scoreId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { scoreId } = await params;
  return NextResponse.json(await getScore(principal.projectId, scoreId));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
