import { NextResponse } from "next/server";

import { requireDatasetOfProject } from "@/lib/datasets/dataset-access";
import { importDatasetItems, ImportItemsZ } from "@/lib/datasets/import-items";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

type Params = { projectId: string; datasetId: string };

// POST /api/projects/:projectId/datasets/:datasetId/import
//   { format, content, mapping?, parseJson?, dryRun? } -> the report with per-row errors
export const POST = handleRoute<Params>(async (request, { params }) => {
  const { projectId, datasetId } = await params;
  const { user } = await requireDatasetOfProject(projectId, datasetId, "write");
  const input = ImportItemsZ.parse(await readJson(request));
  const report = await importDatasetItems({ projectId, datasetId, userId: user.id }, input);
  return NextResponse.json(report);
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ POST });
