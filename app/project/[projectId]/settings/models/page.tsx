import { ModelPricesPanel } from "@/components/cost/model-prices-panel";
import { requireProjectAccess } from "@/lib/auth/access";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { listPrices, listRecomputeRuns, toPublicPrice } from "@/lib/cost/custom-prices";

export const dynamic = "force-dynamic";

export default async function ModelPricesPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ add?: string }>;
}) {
  const user = await requirePageUser();
  const { projectId } = await params;
  const { add } = await searchParams;
  const access = await requireProjectAccess(user.id, projectId);
  const [prices, runs] = await Promise.all([listPrices(projectId), listRecomputeRuns(projectId)]);

  return (
    <ModelPricesPanel
      projectId={projectId}
      canEdit={hasRole(access.role, "ADMIN")}
      prefillModel={add ?? ""}
      prices={prices.map(toPublicPrice)}
      runs={runs.map((run) => ({
        ...run,
        createdAt: run.createdAt.toISOString(),
        startedAt: null,
        finishedAt: null,
      }))}
    />
  );
}
