import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute } from "@/lib/http/handle-route";
import { getScoreConfig } from "@/lib/scores/score-configs";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/score-configs/:configId
export const GET = handleRoute<{ configId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { configId } = await params;
  return NextResponse.json(await getScoreConfig(principal.projectId, configId));
});
