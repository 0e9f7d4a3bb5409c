import { requireProjectAccess } from "@/lib/auth/access";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/handle-route";
import { mediaContentResponse } from "@/lib/media/media-store";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/projects/:projectId/media/:mediaId -> the file, for the trace view of a member
export const GET = handleRoute<{ projectId: string; mediaId: string }>(async (_request, ctx) => {
  const user = await requireSessionUser();
  const { projectId, mediaId } = await ctx.params;
  await requireProjectAccess(user.id, projectId);
  return mediaContentResponse(projectId, mediaId);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
