import { NextResponse } from "next/server";
import { requireProjectAccess } from "@/lib/auth/access";
import { requireSessionUser } from "@/lib/auth/session";
import { getSpanDetail } from "@/lib/explorer/get-span-detail";
import { decodeRouteParam } from "@/lib/explorer/route-param";
import { AppError } from "@/lib/http/app-error";
import { handleRoute } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

// GET /api/projects/:projectId/traces/:traceId/spans/:spanId — one span with its payloads
export const GET = handleRoute<{ projectId: string; traceId: string; spanId: string }>(
  async (_request, { params }) => {
    const user = await requireSessionUser();
    const { projectId, traceId, spanId } = await params;
    await requireProjectAccess(user.id, projectId);

    const span = await getSpanDetail(
      projectId,
      decodeRouteParam(traceId).toLowerCase(),
      decodeRouteParam(spanId).toLowerCase(),
    );
    if (!span) throw new AppError("not_found", "Span not found");
    return NextResponse.json(span);
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
