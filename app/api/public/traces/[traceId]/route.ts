import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { AppError } from "@/lib/http/app-error";
import { handleRoute } from "@/lib/http/handle-route";
import { deleteTraces } from "@/lib/traces/delete-traces";
import { getTrace } from "@/lib/traces/get-trace";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/traces/:traceId
export const GET = handleRoute<{ traceId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { traceId } = await params;

  const trace = await getTrace(principal.projectId, traceId);
  if (!trace) throw new AppError("not_found", "Trace not found");
  return NextResponse.json(trace);
});

// DELETE /api/public/traces/:traceId — the trace, its spans, scores and queue items
export const DELETE = handleRoute<{ traceId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { traceId } = await params;

  await deleteTraces(principal.projectId, [traceId], { requireFound: true });
  return NextResponse.json({ message: "Trace deleted" });
});

export const { POST, PUT, PATCH, OPTIONS } = rejectOtherMethods({ GET, DELETE });
