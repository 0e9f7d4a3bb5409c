import { NextResponse } from "next/server";

import { UpdateQueueItemZ } from "@/lib/annotation-queues/queue-schemas";
import { setItemStatus } from "@/lib/annotation-queues/review-item";
import { requireProjectAccess } from "@/lib/auth/access";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

// PATCH /api/projects/:projectId/queues/:queueId/items/:itemId { status } -> { nextPendingId }
export const PATCH = handleRoute<{ projectId: string; queueId: string; itemId: string }>(
  async (request, { params }) => {
    const user = await requireSessionUser();
    const { projectId, queueId, itemId } = await params;
    await requireProjectAccess(user.id, projectId, { role: "MEMBER", action: "Reviewing" });
    const { status } = UpdateQueueItemZ.parse(await readJson(request));
    return NextResponse.json(await setItemStatus(projectId, queueId, itemId, user.id, status));
  },
);

export const { GET, HEAD, POST, PUT, DELETE, OPTIONS } = rejectOtherMethods({ PATCH });
