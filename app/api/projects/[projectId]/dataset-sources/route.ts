import { NextResponse } from "next/server";
import { z } from "zod";

import { requireProjectAccess } from "@/lib/auth/access";
import { hasRole } from "@/lib/auth/roles";
import { requireSessionUser } from "@/lib/auth/session";
import { getItemSourcePreview } from "@/lib/datasets/item-source";
import { handleRoute } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

const SourceQueryZ = z.object({
  traceId: z.string().trim().min(1, "must not be empty").max(200),
  observationId: z.string().trim().max(200).optional(),
});

// GET /api/projects/:projectId/dataset-sources?traceId=&observationId= -> the source's input,
// output, the datasets already holding it and whether the user may add it (the dialog's start)
export const GET = handleRoute<{ projectId: string }>(async (request, { params }) => {
  const { projectId } = await params;
  const user = await requireSessionUser();
  const access = await requireProjectAccess(user.id, projectId);
  const query = SourceQueryZ.parse(Object.fromEntries(new URL(request.url).searchParams));
  const preview = await getItemSourcePreview(projectId, query.traceId, query.observationId || null);
  return NextResponse.json({ ...preview, canWrite: hasRole(access.role, "MEMBER") });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
