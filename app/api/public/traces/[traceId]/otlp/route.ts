import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { AppError } from "@/lib/http/app-error";
import { handleRoute } from "@/lib/http/handle-route";
import { exportTraceAsOtlp } from "@/lib/traces/export-otlp";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/traces/:traceId/otlp (the stored trace as an OTLP/JSON export request)
export const GET = handleRoute<{ traceId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { traceId } = await params;

  const exported = await exportTraceAsOtlp(principal.projectId, traceId);
  if (!exported) throw new AppError("not_found", "Trace not found");
  return NextResponse.json(exported);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
