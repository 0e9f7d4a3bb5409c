import { NextResponse } from "next/server";

import { createPublicQueue, listPublicQueues, PageZ } from "@/lib/annotation-queues/public-api";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/annotation-queues -> a page of the project's queues
export const GET = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const query = PageZ.parse(Object.fromEntries(new URL(request.url).searchParams.entries()));
  return NextResponse.json(await listPublicQueues(principal.projectId, query));
});

// POST /api/public/annotation-queues -> the new queue
export const POST = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const queue = await createPublicQueue(principal.projectId, await readJson(request));
  return NextResponse.json(queue, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, POST });
