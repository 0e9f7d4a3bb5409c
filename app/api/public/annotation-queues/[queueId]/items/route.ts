import { NextResponse } from "next/server";

import {
  createPublicItem,
  listPublicItems,
  ListPublicItemsZ,
} from "@/lib/annotation-queues/public-api";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/annotation-queues/:queueId/items?status=&page=&limit= -> a page of items
export const GET = handleRoute<{ queueId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { queueId } = await params;
  const query = ListPublicItemsZ.parse(
    Object.fromEntries(new URL(request.url).searchParams.entries()),
  );
  return NextResponse.json(await listPublicItems(principal.projectId, queueId, query));
});

// POST /api/public/annotation-queues/:queueId/items {objectId, objectType} -> the item
export const POST = handleRoute<{ queueId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { queueId } = await params;
  const item = await createPublicItem(principal.projectId, queueId, await readJson(request));
  return NextResponse.json(item);
});

export const { PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, POST });
