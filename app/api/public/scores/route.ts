import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { createScore } from "@/lib/scores/create-score";
import { listScores } from "@/lib/scores/list-scores";
import { parseListScoresQuery } from "@/lib/scores/score-schemas";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/scores -> a page of the project's scores (orphans=true: trace not ingested)
export const GET = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const query = parseListScoresQuery(new URL(request.url).searchParams);
  return NextResponse.json(await listScores(principal.projectId, query));
});

// POST /api/public/scores -> 201 { id }; the same id again replaces the score
export const POST = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const id = await createScore(principal, await readJson(request));
  return NextResponse.json({ id }, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, POST });
