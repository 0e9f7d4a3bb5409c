import { NextResponse } from "next/server";
import { requireProjectAccess } from "@/lib/auth/access";
import { requireSessionUser } from "@/lib/auth/session";
import { getTraceSkeleton } from "@/lib/explorer/get-trace-skeleton";
import { decodeRouteParam } from "@/lib/explorer/route-param";
import { AppError } from "@/lib/http/app-error";
import { handleRoute } from "@/lib/http/handle-route";

// GET /api/projects/:projectId/traces/:traceId — the trace rollup and its tree without payloads
export const GET = handleRoute<{ projectId: string; traceId: string }>(
  async (_request, { params }) => {
    const user = await requireSessionUser();
    const { projectId, traceId } = await params;
    await requireProjectAccess(user.id, projectId);

    const skeleton = await getTraceSkeleton(projectId, decodeRouteParam(traceId).toLowerCase());
    if (!skeleton) throw new AppError("not_found", "Trace not found");
    return NextResponse.json(skeleton);
  },
);
