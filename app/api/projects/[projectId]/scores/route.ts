import { NextResponse } from "next/server";
import { z } from "zod";

import { requireProjectAccess } from "@/lib/auth/access";
import { hasRole } from "@/lib/auth/roles";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import {
  createAnnotationScore,
  listActiveScoreConfigs,
  listTargetScores,
} from "@/lib/scores/annotation-scores";
import { rejectOtherMethods } from "@/lib/http/other-methods";

const TargetQueryZ = z.object({
  traceId: z.string().trim().min(1, "must not be empty").max(200),
  observationId: z.string().trim().min(1).max(200).optional(),
});

// GET /api/projects/:projectId/scores?traceId=&observationId= -> the scoring panel's data
export const GET = handleRoute<{ projectId: string }>(async (request, { params }) => {
  const user = await requireSessionUser();
  const { projectId } = await params;
  const access = await requireProjectAccess(user.id, projectId);
  const query = TargetQueryZ.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [scores, configs] = await Promise.all([
    listTargetScores(projectId, query.traceId, query.observationId ?? null),
    listActiveScoreConfigs(projectId),
  ]);
  return NextResponse.json({
    scores,
    configs,
    userId: user.id,
    canScore: hasRole(access.role, "MEMBER"),
    canDeleteAny: hasRole(access.role, "ADMIN"),
  });
});

// POST /api/projects/:projectId/scores -> 201 { id }; a reviewer scoring again replaces the score
export const POST = handleRoute<{ projectId: string }>(async (request, { params }) => {
  const user = await requireSessionUser();
  const { projectId } = await params;
  await requireProjectAccess(user.id, projectId, { role: "MEMBER", action: "Scoring" });
  const id = await createAnnotationScore(projectId, { userId: user.id }, await readJson(request));
  return NextResponse.json({ id }, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET, POST });
