import { redirect } from "next/navigation";

export const dynamic = "force-dynamic";

// /project/:id/datasets/:datasetId/runs/:runId (the run link Langfuse clients print after an
// experiment) -> the run on its own in the compare view, which checks access.
export default async function DatasetRunPage({
  params,
}: {
  params: Promise<{ projectId: string; datasetId: string; runId: string }>;
}) {
  const { projectId, datasetId, runId } = await params;
  redirect(`/project/${projectId}/datasets/${datasetId}/runs?runs=${runId}`);
}
