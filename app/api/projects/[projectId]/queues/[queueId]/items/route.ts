import { NextResponse } from "next/server";

import { addQueueItems } from "@/lib/annotation-queues/queues";
import { requireProjectAccess } from "@/lib/auth/access";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

// POST /api/projects/:projectId/queues/:queueId/items -> { added, queue }; queued traces skipped
export const POST = handleRoute<{ projectId: string; queueId: string }>(
  async (request, { params }) => {
    const user = await requireSessionUser();
    const { projectId, queueId } = await params;
    await requireProjectAccess(user.id, projectId, { role: "MEMBER", action: "Managing queues" });
    return NextResponse.json(await addQueueItems(projectId, queueId, await readJson(request)));
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ POST });
