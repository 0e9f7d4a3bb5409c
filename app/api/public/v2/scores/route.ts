import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute } from "@/lib/http/handle-route";
import { listScoresV2 } from "@/lib/scores/list-scores";
import { parseListScoresQuery } from "@/lib/scores/score-schemas";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/v2/scores -> Langfuse's v2 list: the v1 page plus each score's trace data
export const GET = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const query = parseListScoresQuery(new URL(request.url).searchParams);
  return NextResponse.json(await listScoresV2(principal.projectId, query));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
