import { NextResponse } from "next/server";

import {
  deletePublicItem,
  getPublicItem,
  updatePublicItem,
} from "@/lib/annotation-queues/public-api";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { queueId: string; itemId: string };

// GET /api/public/annotation-queues/:queueId/items/:itemId -> the item
export const GET = handleRoute<Params>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { queueId, itemId } = await params;
  return NextResponse.json(await getPublicItem(principal.projectId, queueId, itemId));
});

// PATCH /api/public/annotation-queues/:queueId/items/:itemId {status} -> the item
export const PATCH = handleRoute<Params>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { queueId, itemId } = await params;
  const body = await readJson(request);
  return NextResponse.json(await updatePublicItem(principal.projectId, queueId, itemId, body));
});

// DELETE /api/public/annotation-queues/:queueId/items/:itemId -> {success, message}
export const DELETE = handleRoute<Params>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { queueId, itemId } = await params;
  return NextResponse.json(await deletePublicItem(principal.projectId, queueId, itemId));
});

export const { POST, PUT, OPTIONS } = rejectOtherMethods({ GET, PATCH, DELETE });
