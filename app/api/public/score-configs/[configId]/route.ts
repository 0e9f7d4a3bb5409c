import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { deleteScoreConfig, getScoreConfig, updateScoreConfig } from "@/lib/scores/score-configs";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/score-configs/:configId
export const GET = handleRoute<{ configId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { configId } = await params;
  return NextResponse.json(await getScoreConfig(principal.projectId, configId));
});

// PATCH /api/public/score-configs/:configId { isArchived?, name?, minValue?, maxValue?,
//   categories?, description? } -> the config (its data type never changes)
export const PATCH = handleRoute<{ configId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { configId } = await params;
  const body = await readJson(request);
  return NextResponse.json(await updateScoreConfig(principal.projectId, configId, body));
});

// DELETE /api/public/score-configs/:configId -> scores given under it are kept
export const DELETE = handleRoute<{ configId: string }>(async (request, { params }) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { configId } = await params;
  await deleteScoreConfig(principal.projectId, configId);
  return NextResponse.json({ message: "Score config deleted" });
});

export const { POST, PUT, OPTIONS } = rejectOtherMethods({ GET, PATCH, DELETE });
