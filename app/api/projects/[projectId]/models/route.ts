import { NextResponse } from "next/server";
import { requireProjectAccess } from "@/lib/auth/access";
import { requireSessionUser } from "@/lib/auth/session";
import { createCustomPrice, listRecomputeRuns, toPublicPrice } from "@/lib/cost/custom-prices";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

// GET /api/projects/:projectId/models -> recompute progress for the UI
export const GET = handleRoute<{ projectId: string }>(async (_request, { params }) => {
  const user = await requireSessionUser();
  const { projectId } = await params;
  await requireProjectAccess(user.id, projectId);
  return NextResponse.json({ runs: await listRecomputeRuns(projectId) });
});

// POST /api/projects/:projectId/models
export const POST = handleRoute<{ projectId: string }>(async (request, { params }) => {
  const user = await requireSessionUser();
  const { projectId } = await params;
  await requireProjectAccess(user.id, projectId, { role: "ADMIN", action: "Editing prices" });
  const { price, recomputeRunId } = await createCustomPrice(projectId, await readJson(request));
  return NextResponse.json({ ...toPublicPrice(price), recomputeRunId }, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, POST });
