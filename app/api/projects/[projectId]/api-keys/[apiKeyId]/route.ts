import { NextResponse } from "next/server";
import { requireProjectAccess } from "@/lib/auth/access";
import { revokeApiKey } from "@/lib/auth/api-keys";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

// DELETE /api/projects/:projectId/api-keys/:apiKeyId (revokes; the key stays listed)
export const DELETE = handleRoute<{ projectId: string; apiKeyId: string }>(
  async (_request, { params }) => {
    const user = await requireSessionUser();
    const { projectId, apiKeyId } = await params;
    await requireProjectAccess(user.id, projectId, { role: "ADMIN", action: "Revoking API keys" });
    await revokeApiKey(projectId, apiKeyId);
    return NextResponse.json({ revoked: true });
  },
);

export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = rejectOtherMethods({ DELETE });
