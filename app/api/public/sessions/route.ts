import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute } from "@/lib/http/handle-route";
import { listPublicSessions, ListSessionsQueryZ } from "@/lib/traces/sessions";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/sessions?page=&limit=&fromTimestamp=&toTimestamp= -> a page of sessions
export const GET = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const query = ListSessionsQueryZ.parse(
    Object.fromEntries(new URL(request.url).searchParams.entries()),
  );
  return NextResponse.json(await listPublicSessions(principal.projectId, query));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
