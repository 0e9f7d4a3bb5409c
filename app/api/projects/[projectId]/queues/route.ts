import { NextResponse } from "next/server";

import { createQueue, listQueues } from "@/lib/annotation-queues/queues";
import { requireProjectAccess } from "@/lib/auth/access";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

// GET /api/projects/:projectId/queues -> the project's review queues with progress
export const GET = handleRoute<{ projectId: string }>(async (_request, { params }) => {
  const user = await requireSessionUser();
  const { projectId } = await params;
  await requireProjectAccess(user.id, projectId);
  return NextResponse.json({ data: await listQueues(projectId) });
});

// POST /api/projects/:projectId/queues -> 201 { queue, added }, items from a filter or a selection
export const POST = handleRoute<{ projectId: string }>(async (request, { params }) => {
  const user = await requireSessionUser();
  const { projectId } = await params;
  await requireProjectAccess(user.id, projectId, { role: "MEMBER", action: "Managing queues" });
  const created = await createQueue(projectId, user.id, await readJson(request));
  return NextResponse.json(created, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, POST });
