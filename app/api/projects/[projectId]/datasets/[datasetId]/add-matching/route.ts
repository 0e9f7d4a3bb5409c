import { NextResponse } from "next/server";
import { z } from "zod";

import { addMatchingTracesStep } from "@/lib/datasets/add-matching-traces";
import { requireDatasetOfProject } from "@/lib/datasets/dataset-access";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

type Params = { projectId: string; datasetId: string };

const AddMatchingZ = z.object({
  /** The traces list's URL query ("name=chat&range=7d"), as on the list page. */
  filter: z.string().max(20_000).default(""),
  cursor: z.string().max(4000).nullish(),
  asOf: z.iso.datetime({ offset: true }).nullish(),
});

// POST /api/projects/:projectId/datasets/:datasetId/add-matching -> one step of the bulk add:
// { added, skipped, missing, totalMatching, cursor, asOf }; repeat with cursor until it is null
export const POST = handleRoute<Params>(async (request, { params }) => {
  const { projectId, datasetId } = await params;
  const { user } = await requireDatasetOfProject(projectId, datasetId, "write");
  const body = AddMatchingZ.parse(await readJson(request));
  const step = await addMatchingTracesStep({
    projectId,
    datasetId,
    filter: body.filter,
    cursor: body.cursor ?? null,
    asOf: body.asOf ?? null,
    userId: user.id,
  });
  return NextResponse.json(step);
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ POST });
