import { NextResponse } from "next/server";

import { requireProjectAccess } from "@/lib/auth/access";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/handle-route";
import { deleteAnnotationScore } from "@/lib/scores/annotation-scores";
import { rejectOtherMethods } from "@/lib/http/other-methods";

// DELETE /api/projects/:projectId/scores/:scoreId -> own scores (admins: any)
export const DELETE = handleRoute<{ projectId: string; scoreId: string }>(
  async (_request, { params }) => {
    const user = await requireSessionUser();
    const { projectId, scoreId } = await params;
    const access = await requireProjectAccess(user.id, projectId, {
      role: "MEMBER",
      action: "Deleting scores",
    });
    await deleteAnnotationScore(projectId, { id: user.id, role: access.role }, scoreId);
    return NextResponse.json({ message: "Score deleted" });
  },
);

export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = rejectOtherMethods({ DELETE });
