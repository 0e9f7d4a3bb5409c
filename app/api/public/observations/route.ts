import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute } from "@/lib/http/handle-route";
import { listObservations, parseListObservationsQuery } from "@/lib/traces/list-observations";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/observations?traceId=&type=&level=&filter=&page=&limit= -> a page of observations
export const GET = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const query = parseListObservationsQuery(new URL(request.url).searchParams);
  return NextResponse.json(await listObservations(principal.projectId, query));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
