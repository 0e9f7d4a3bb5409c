import { NextResponse } from "next/server";

import { requireProjectAccess } from "@/lib/auth/access";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { createScoreConfig } from "@/lib/scores/score-configs";
import { rejectOtherMethods } from "@/lib/http/other-methods";

// POST /api/projects/:projectId/score-configs -> 201 with the config (admins and owners)
export const POST = handleRoute<{ projectId: string }>(async (request, { params }) => {
  const user = await requireSessionUser();
  const { projectId } = await params;
  await requireProjectAccess(user.id, projectId, {
    role: "ADMIN",
    action: "Managing score configs",
  });
  return NextResponse.json(await createScoreConfig(projectId, await readJson(request)), {
    status: 201,
  });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ POST });
