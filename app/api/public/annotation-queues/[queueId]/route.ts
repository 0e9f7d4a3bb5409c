import { NextResponse } from "next/server";

import { getPublicQueue } from "@/lib/annotation-queues/public-api";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/annotation-queues/:queueId -> the queue
export const GET = handleRoute<{ queueId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { queueId } = await params;
  return NextResponse.json(await getPublicQueue(principal.projectId, queueId));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
