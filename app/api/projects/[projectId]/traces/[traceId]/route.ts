import { NextResponse } from "next/server";
import { requireProjectAccess } from "@/lib/auth/access";
import { requireSessionUser } from "@/lib/auth/session";
import { getTraceSkeleton } from "@/lib/explorer/get-trace-skeleton";
import { decodeRouteParam } from "@/lib/explorer/route-param";
import { AppError } from "@/lib/http/app-error";
import { handleRoute } from "@/lib/http/handle-route";
import { deleteTraces } from "@/lib/traces/delete-traces";
import { rejectOtherMethods } from "@/lib/http/other-methods";

type Params = { projectId: string; traceId: string };

// GET /api/projects/:projectId/traces/:traceId — the trace rollup and its tree without payloads
export const GET = handleRoute<Params>(async (_request, { params }) => {
  const user = await requireSessionUser();
  const { projectId, traceId } = await params;
  await requireProjectAccess(user.id, projectId);

  const skeleton = await getTraceSkeleton(projectId, decodeRouteParam(traceId).toLowerCase());
  if (!skeleton) throw new AppError("not_found", "Trace not found");
  return NextResponse.json(skeleton);
});

// DELETE /api/projects/:projectId/traces/:traceId — the trace, its spans, scores and queue items
export const DELETE = handleRoute<Params>(async (_request, { params }) => {
  const user = await requireSessionUser();
  const { projectId, traceId } = await params;
  await requireProjectAccess(user.id, projectId, { role: "MEMBER", action: "Deleting traces" });

  await deleteTraces(projectId, [decodeRouteParam(traceId)], { requireFound: true });
  return NextResponse.json({ message: "Trace deleted" });
});

export const { POST, PUT, PATCH, OPTIONS } = rejectOtherMethods({ GET, DELETE });
