import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute } from "@/lib/http/handle-route";
import {
  listObservationsV2,
  parseListObservationsV2Query,
} from "@/lib/traces/list-observations-v2";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/v2/observations?traceId=&level=&filter=&limit=&cursor= -> Langfuse's v2 list
export const GET = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const query = parseListObservationsV2Query(new URL(request.url).searchParams);
  return NextResponse.json(await listObservationsV2(principal.projectId, query));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
