import { ScoreConfigsPanel } from "@/components/scores/score-configs-panel";
import { requireProjectAccess } from "@/lib/auth/access";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { listScoreConfigs } from "@/lib/scores/score-configs";

export const dynamic = "force-dynamic";

export default async function ScoreConfigsPage({
  params,
}: {
  params: Promise<{ projectId: string }>;
}) {
  const user = await requirePageUser();
  const { projectId } = await params;
  const access = await requireProjectAccess(user.id, projectId);
  const { data } = await listScoreConfigs(projectId, 1, 100);
  return (
    <ScoreConfigsPanel
      projectId={projectId}
      configs={data}
      canEdit={hasRole(access.role, "ADMIN")}
    />
  );
}
