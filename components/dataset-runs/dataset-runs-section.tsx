import { listRunSummaries } from "@/lib/dataset-runs/run-report";
import { RunList } from "./run-list";

/** The runs part of a dataset page. */
export async function DatasetRunsSection({
  projectId,
  datasetId,
}: {
  projectId: string;
  datasetId: string;
}) {
  const runs = await listRunSummaries(projectId, datasetId);
  return (
    <section className="space-y-2" aria-labelledby="dataset-runs-heading">
      <h2 id="dataset-runs-heading" className="text-base font-semibold">
        Runs
      </h2>
      <RunList projectId={projectId} datasetId={datasetId} runs={runs} />
    </section>
  );
}
