import { z } from "zod";

import { requireDatasetOfProject } from "@/lib/datasets/dataset-access";
import { DATASET_ITEM_STATUSES } from "@/lib/datasets/dataset-schemas";
import { exportDatasetItems } from "@/lib/datasets/export-items";
import { handleRoute } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

type Params = { projectId: string; datasetId: string };

const ExportQueryZ = z.object({
  format: z.enum(["jsonl", "csv"]).default("jsonl"),
  status: z.enum(DATASET_ITEM_STATUSES).optional(),
});

// GET /api/projects/:projectId/datasets/:datasetId/export?format=jsonl|csv&status= -> a download
export const GET = handleRoute<Params>(async (request, { params }) => {
  const { projectId, datasetId } = await params;
  const { dataset } = await requireDatasetOfProject(projectId, datasetId, "read");
  const query = ExportQueryZ.parse(Object.fromEntries(new URL(request.url).searchParams));
  const stream = exportDatasetItems(projectId, datasetId, query.format, query.status);
  const fileName = `${dataset.name.replace(/[^\w.-]+/g, "_") || "dataset"}.${query.format}`;
  return new Response(stream, {
    headers: {
      "content-type":
        query.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
