import { NextResponse } from "next/server";

import { requireProjectAccess } from "@/lib/auth/access";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { updateScoreConfig } from "@/lib/scores/score-configs";
import { rejectOtherMethods } from "@/lib/http/other-methods";

// PATCH /api/projects/:projectId/score-configs/:configId (the public PATCH's fields)
export const PATCH = handleRoute<{ projectId: string; configId: string }>(
  async (request, { params }) => {
    const user = await requireSessionUser();
    const { projectId, configId } = await params;
    await requireProjectAccess(user.id, projectId, {
      role: "ADMIN",
      action: "Managing score configs",
    });
    return NextResponse.json(await updateScoreConfig(projectId, configId, await readJson(request)));
  },
);

export const { GET, HEAD, POST, PUT, DELETE, OPTIONS } = rejectOtherMethods({ PATCH });
