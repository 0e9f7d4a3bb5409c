import type { Metadata } from "next";
import { DatasetList } from "@/components/datasets/dataset-list";
import { listDatasets } from "@/lib/datasets/datasets";
import { requireDatasetPage } from "@/lib/datasets/require-dataset-page";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Datasets · Sightline" };

export default async function DatasetsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { canWrite } = await requireDatasetPage(projectId);
  const page = await listDatasets(projectId, { page: 1, limit: 100 });

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Datasets</h1>
      <DatasetList projectId={projectId} datasets={page.data} canWrite={canWrite} />
    </div>
  );
}
