import { NextResponse } from "next/server";

import { requireDatasetOfProject } from "@/lib/datasets/dataset-access";
import { UpdateDatasetZ } from "@/lib/datasets/dataset-schemas";
import { deleteDataset, updateDataset } from "@/lib/datasets/datasets";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

type Params = { projectId: string; datasetId: string };

// GET /api/projects/:projectId/datasets/:datasetId
export const GET = handleRoute<Params>(async (_request, { params }) => {
  const { projectId, datasetId } = await params;
  const { dataset } = await requireDatasetOfProject(projectId, datasetId, "read");
  return NextResponse.json(dataset);
});

// PATCH /api/projects/:projectId/datasets/:datasetId -> name, description, metadata
export const PATCH = handleRoute<Params>(async (request, { params }) => {
  const { projectId, datasetId } = await params;
  await requireDatasetOfProject(projectId, datasetId, "write");
  const input = UpdateDatasetZ.parse(await readJson(request));
  return NextResponse.json(await updateDataset(projectId, datasetId, input));
});

// DELETE /api/projects/:projectId/datasets/:datasetId -> with its items and their versions
export const DELETE = handleRoute<Params>(async (_request, { params }) => {
  const { projectId, datasetId } = await params;
  await requireDatasetOfProject(projectId, datasetId, "write");
  await deleteDataset(projectId, datasetId);
  return NextResponse.json({ message: "Dataset deleted" });
});

export const { POST, PUT, OPTIONS } = rejectOtherMethods({ GET, PATCH, DELETE });
