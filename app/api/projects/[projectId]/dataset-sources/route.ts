import { NextResponse } from "next/server";
import { z } from "zod";

import { requireDatasetUser } from "@/lib/datasets/dataset-access";
import { getItemSourcePreview } from "@/lib/datasets/item-source";
import { handleRoute } from "@/lib/http/handle-route";

const SourceQueryZ = z.object({
  traceId: z.string().trim().min(1, "must not be empty").max(200),
  observationId: z.string().trim().max(200).optional(),
});

// GET /api/projects/:projectId/dataset-sources?traceId=&observationId= -> the source's input,
// output and the datasets already holding it (for the "Add to dataset" dialog)
export const GET = handleRoute<{ projectId: string }>(async (request, { params }) => {
  const { projectId } = await params;
  await requireDatasetUser(projectId, "read");
  const query = SourceQueryZ.parse(Object.fromEntries(new URL(request.url).searchParams));
  const preview = await getItemSourcePreview(projectId, query.traceId, query.observationId || null);
  return NextResponse.json(preview);
});
