import { NextResponse } from "next/server";
import { z } from "zod";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { AppError } from "@/lib/http/app-error";
import { handleRoute } from "@/lib/http/handle-route";
import { getObservation } from "@/lib/traces/get-observation";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const ObservationQueryZ = z.object({ traceId: z.string().trim().min(1).max(64).optional() });

// GET /api/public/observations/:observationId[?traceId=]
export const GET = handleRoute<{ observationId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { observationId } = await params;
  const searchParams = new URL(request.url).searchParams;
  const query = ObservationQueryZ.parse({ traceId: searchParams.get("traceId") ?? undefined });

  const observation = await getObservation(principal.projectId, observationId, query.traceId);
  if (!observation) throw new AppError("not_found", "Observation not found");
  return NextResponse.json(observation);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
