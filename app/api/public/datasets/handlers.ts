import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { listDatasetItems } from "@/lib/datasets/dataset-items";
import {
  CreateDatasetZ,
  ListDatasetsQueryZ,
  parseQuery,
  type ListDatasetItemsQuery,
} from "@/lib/datasets/dataset-schemas";
import { getDatasetByName, listDatasets, upsertDataset } from "@/lib/datasets/datasets";
import {
  deleteRun,
  getRun,
  listRunNames,
  listRuns,
  PageQueryZ,
} from "@/lib/dataset-runs/dataset-runs";
import { decodeRouteParam } from "@/lib/explorer/route-param";
import { AppError } from "@/lib/http/app-error";
import { handleRoute, readJson } from "@/lib/http/handle-route";

// Shared by /api/public/datasets (v1) and /api/public/v2/datasets: Langfuse's clients use both.

/** Items returned inline by the v1 dataset read; clients page /dataset-items for more. */
const V1_INLINE_ITEMS = 100;

// GET /api/public/datasets -> a page of the project's datasets
export const listDatasetsRoute = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const paging = parseQuery(ListDatasetsQueryZ, new URL(request.url).searchParams);
  const page = await listDatasets(principal.projectId, paging);
  return NextResponse.json(page);
});

// POST /api/public/datasets -> the dataset, created or updated by name
export const upsertDatasetRoute = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const input = CreateDatasetZ.parse(await readJson(request));
  return NextResponse.json(await upsertDataset(principal.projectId, input));
});

/**
 * The dataset name of a catch-all segment list: Langfuse names may hold slashes, sent encoded
 * (one segment) or not (several).
 */
export function datasetNameOf(segments: string[]): string {
  return segments.map(decodeRouteParam).join("/");
}

// GET /api/public/v2/datasets/:datasetName -> the dataset
export const getDatasetRoute = handleRoute<{ datasetName: string[] }>(
  async (request, { params }) => {
    const principal = await authenticateApiKey(request.headers.get("authorization"));
    const name = datasetNameOf((await params).datasetName);
    return NextResponse.json(await getDatasetByName(principal.projectId, name));
  },
);

// Limitation: the v1 read inlines only the newest V1_INLINE_ITEMS items; Langfuse's current
// clients page /api/public/dataset-items instead.

/**
 * What a v1 catch-all path names: `<dataset>`, `<dataset>/runs` or `<dataset>/runs/<run>`. A
 * dataset whose own name ends in "/runs" is reachable with its name sent encoded (one segment).
 */
function parseDatasetPath(segments: string[]) {
  const count = segments.length;
  if (count >= 3 && segments[count - 2] === "runs") {
    return {
      kind: "run" as const,
      datasetName: datasetNameOf(segments.slice(0, -2)),
      runName: decodeRouteParam(segments[count - 1] ?? ""),
    };
  }
  if (count >= 2 && segments[count - 1] === "runs") {
    return { kind: "runs" as const, datasetName: datasetNameOf(segments.slice(0, -1)) };
  }
  return { kind: "dataset" as const, datasetName: datasetNameOf(segments) };
}

// GET /api/public/datasets/:datasetName -> the dataset with its newest items and run names
// GET /api/public/datasets/:datasetName/runs -> a page of its runs, newest first
// GET /api/public/datasets/:datasetName/runs/:runName -> one run with its items
export const getDatasetV1Route = handleRoute<{ datasetName: string[] }>(
  async (request, { params }) => {
    const principal = await authenticateApiKey(request.headers.get("authorization"));
    const path = parseDatasetPath((await params).datasetName);
    if (path.kind === "run") {
      return NextResponse.json(await getRun(principal.projectId, path.datasetName, path.runName));
    }
    if (path.kind === "runs") {
      const paging = PageQueryZ.parse(
        Object.fromEntries(new URL(request.url).searchParams.entries()),
      );
      return NextResponse.json(await listRuns(principal.projectId, path.datasetName, paging));
    }
    const name = path.datasetName;
    const dataset = await getDatasetByName(principal.projectId, name);
    const query: ListDatasetItemsQuery = { page: 1, limit: V1_INLINE_ITEMS, datasetName: name };
    const [items, runs] = await Promise.all([
      listDatasetItems(principal.projectId, query),
      listRunNames(principal.projectId, dataset.id),
    ]);
    return NextResponse.json({ ...dataset, items: items.data, runs });
  },
);

// DELETE /api/public/datasets/:datasetName/runs/:runName -> deletes the run (its traces stay)
export const deleteDatasetRunRoute = handleRoute<{ datasetName: string[] }>(
  async (request, { params }) => {
    const principal = await authenticateApiKey(request.headers.get("authorization"));
    const path = parseDatasetPath((await params).datasetName);
    if (path.kind !== "run") {
      throw new AppError("not_found", "Only a dataset run can be deleted at this path");
    }
    return NextResponse.json(await deleteRun(principal.projectId, path.datasetName, path.runName));
  },
);
