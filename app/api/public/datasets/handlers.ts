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
import { decodeRouteParam } from "@/lib/explorer/route-param";
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

// Limitation: the v1 read inlines only the newest V1_INLINE_ITEMS items and no runs (dataset
// runs are not built yet); Langfuse's current clients page /api/public/dataset-items instead.

// GET /api/public/datasets/:datasetName -> the dataset with its newest items and runs (none)
export const getDatasetV1Route = handleRoute<{ datasetName: string[] }>(
  async (request, { params }) => {
    const principal = await authenticateApiKey(request.headers.get("authorization"));
    const name = datasetNameOf((await params).datasetName);
    const dataset = await getDatasetByName(principal.projectId, name);
    const query: ListDatasetItemsQuery = { page: 1, limit: V1_INLINE_ITEMS, datasetName: name };
    const items = await listDatasetItems(principal.projectId, query);
    return NextResponse.json({ ...dataset, items: items.data, runs: [] });
  },
);
