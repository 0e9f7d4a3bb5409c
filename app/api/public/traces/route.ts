import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute } from "@/lib/http/handle-route";
import { listTraces } from "@/lib/traces/list-traces";
import { parseListTracesQuery } from "@/lib/traces/list-traces-query";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/traces
export const GET = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const query = parseListTracesQuery(new URL(request.url).searchParams);
  return NextResponse.json(await listTraces(principal.projectId, query));
});
