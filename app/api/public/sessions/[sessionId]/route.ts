import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { decodeRouteParam } from "@/lib/explorer/route-param";
import { handleRoute } from "@/lib/http/handle-route";
import { getPublicSession } from "@/lib/traces/sessions";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/sessions/:sessionId -> the session with its traces
export const GET = handleRoute<{ sessionId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { sessionId } = await params;
  return NextResponse.json(
    await getPublicSession(principal.projectId, decodeRouteParam(sessionId)),
  );
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
