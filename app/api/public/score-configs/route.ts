import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { createScoreConfig, listScoreConfigs } from "@/lib/scores/score-configs";
import { parseListScoreConfigsQuery } from "@/lib/scores/score-schemas";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/score-configs -> a page of the project's score configs, by name
export const GET = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { page, limit } = parseListScoreConfigsQuery(new URL(request.url).searchParams);
  return NextResponse.json(await listScoreConfigs(principal.projectId, page, limit));
});

// POST /api/public/score-configs -> 201 with the config; 409 when the name is taken
export const POST = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const config = await createScoreConfig(principal.projectId, await readJson(request));
  return NextResponse.json(config, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, POST });
