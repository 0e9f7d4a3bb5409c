import type { Metadata } from "next";
import Link from "next/link";
import { DatasetRunsSection } from "@/components/dataset-runs/dataset-runs-section";
import { DatasetItemsView } from "@/components/datasets/dataset-items-view";
import { DatasetSettings } from "@/components/datasets/dataset-settings";
import { getDatasetById } from "@/lib/datasets/datasets";
import { orNotFound, requireDatasetPage } from "@/lib/datasets/require-dataset-page";
import { getPrisma } from "@/lib/db/prisma";
import { decodeRouteParam } from "@/lib/explorer/route-param";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Dataset · Sightline" };

export default async function DatasetPage({
  params,
}: {
  params: Promise<{ projectId: string; datasetId: string }>;
}) {
  const { projectId, datasetId } = await params;
  const { canWrite } = await requireDatasetPage(projectId);
  const dataset = await orNotFound(getDatasetById(projectId, decodeRouteParam(datasetId)));
  const queues = await getPrisma().annotationQueue.findMany({
    where: { projectId },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });

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
        <span>{dataset.name}</span>
      </nav>
      <div className="space-y-2">
        <div className="flex flex-wrap items-start gap-3">
          <div className="min-w-0 flex-1">
            <h1 className="text-xl font-semibold break-words" data-testid="dataset-name">
              {dataset.name}
            </h1>
            {dataset.description ? (
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{dataset.description}</p>
            ) : null}
          </div>
        </div>
        {canWrite ? (
          <DatasetSettings
            key={`${dataset.name}:${dataset.description ?? ""}`}
            projectId={projectId}
            dataset={dataset}
          />
        ) : null}
      </div>
      <DatasetItemsView
        projectId={projectId}
        datasetId={dataset.id}
        canWrite={canWrite}
        queues={queues}
      />
      <DatasetRunsSection projectId={projectId} datasetId={dataset.id} />
    </div>
  );
}
