import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DatasetItemEditor } from "@/components/datasets/dataset-item-editor";
import { getDatasetItem } from "@/lib/datasets/dataset-items";
import { orNotFound, requireDatasetPage } from "@/lib/datasets/require-dataset-page";
import { decodeRouteParam } from "@/lib/explorer/route-param";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Dataset item · Sightline" };

export default async function DatasetItemPage({
  params,
}: {
  params: Promise<{ projectId: string; datasetId: string; itemId: string }>;
}) {
  const { projectId, datasetId, itemId } = await params;
  const { canWrite } = await requireDatasetPage(projectId);
  const item = await orNotFound(getDatasetItem(projectId, decodeRouteParam(itemId)));
  if (item.datasetId !== decodeRouteParam(datasetId)) notFound();

  return (
    <div className="space-y-4">
      <nav className="text-xs text-zinc-500" aria-label="Breadcrumb">
        <Link
          href={`/project/${projectId}/datasets`}
          className="hover:text-zinc-900 dark:hover:text-zinc-100"
        >
          Datasets
        </Link>
        <span className="mx-1">/</span>
        <Link
          href={`/project/${projectId}/datasets/${encodeURIComponent(item.datasetId)}`}
          className="hover:text-zinc-900 dark:hover:text-zinc-100"
        >
          {item.datasetName}
        </Link>
        <span className="mx-1">/</span>
        <span className="font-mono">{item.id.slice(0, 12)}</span>
      </nav>
      <DatasetItemEditor key={item.id} projectId={projectId} item={item} canWrite={canWrite} />
    </div>
  );
}
