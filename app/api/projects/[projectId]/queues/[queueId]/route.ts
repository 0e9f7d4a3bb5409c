import { NextResponse } from "next/server";

import { deleteQueue } from "@/lib/annotation-queues/queues";
import { getReviewState } from "@/lib/annotation-queues/review-item";
import { requireProjectAccess } from "@/lib/auth/access";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

type Params = { projectId: string; queueId: string };

// GET /api/projects/:projectId/queues/:queueId?item= -> the queue at an item (default: resume)
export const GET = handleRoute<Params>(async (request, { params }) => {
  const user = await requireSessionUser();
  const { projectId, queueId } = await params;
  await requireProjectAccess(user.id, projectId);
  const itemId = new URL(request.url).searchParams.get("item");
  return NextResponse.json(await getReviewState(projectId, queueId, itemId || null));
});

// DELETE /api/projects/:projectId/queues/:queueId -> the queue and its items, not their scores
export const DELETE = handleRoute<Params>(async (_request, { params }) => {
  const user = await requireSessionUser();
  const { projectId, queueId } = await params;
  await requireProjectAccess(user.id, projectId, { role: "MEMBER", action: "Managing queues" });
  await deleteQueue(projectId, queueId);
  return NextResponse.json({ message: "Queue deleted" });
});

export const { POST, PUT, PATCH, OPTIONS } = rejectOtherMethods({ GET, DELETE });
