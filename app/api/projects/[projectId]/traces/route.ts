import { NextResponse } from "next/server";
import { requireProjectAccess } from "@/lib/auth/access";
import { requireSessionUser } from "@/lib/auth/session";
import { listTraces } from "@/lib/explorer/list-traces";
import { parseTraceListQuery } from "@/lib/explorer/trace-list-query";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { deleteTraces, DeleteTracesBodyZ } from "@/lib/traces/delete-traces";
import { rejectOtherMethods } from "@/lib/http/other-methods";

// GET /api/projects/:projectId/traces — one page of the traces list (the list page's URL state)
export const GET = handleRoute<{ projectId: string }>(async (request, { params }) => {
  const user = await requireSessionUser();
  const { projectId } = await params;
  await requireProjectAccess(user.id, projectId);

  const query = parseTraceListQuery(new URL(request.url).searchParams);
  const page = await listTraces(projectId, query);
  return NextResponse.json({ data: page.rows, nextCursor: page.nextCursor });
});

// DELETE /api/projects/:projectId/traces {traceIds} — the selected traces of the list
export const DELETE = handleRoute<{ projectId: string }>(async (request, { params }) => {
  const user = await requireSessionUser();
  const { projectId } = await params;
  await requireProjectAccess(user.id, projectId, { role: "MEMBER", action: "Deleting traces" });

  const { traceIds } = DeleteTracesBodyZ.parse(await readJson(request));
  const { deletedTraceIds } = await deleteTraces(projectId, traceIds);
  return NextResponse.json({ message: "Traces deleted", deleted: deletedTraceIds.length });
});

export const { POST, PUT, PATCH, OPTIONS } = rejectOtherMethods({ GET, DELETE });
