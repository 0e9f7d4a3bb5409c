import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute } from "@/lib/http/handle-route";
import { deleteScore, getScore } from "@/lib/scores/get-score";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/scores/:scoreId
export const GET = handleRoute<{ scoreId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { scoreId } = await params;
  return NextResponse.json(await getScore(principal.projectId, scoreId));
});

// DELETE /api/public/scores/:scoreId
export const DELETE = handleRoute<{ scoreId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { scoreId } = await params;
  await deleteScore(principal.projectId, scoreId);
  return NextResponse.json({ message: "Score deleted" });
});

export const { POST, PUT, PATCH, OPTIONS } = rejectOtherMethods({ GET, DELETE });
