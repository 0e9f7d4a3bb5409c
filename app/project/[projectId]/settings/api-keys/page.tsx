import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { requireProjectAccess } from "@/lib/auth/access";
import { listApiKeys } from "@/lib/auth/api-keys";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function ApiKeysPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await requirePageUser();
  const { projectId } = await params;
  const access = await requireProjectAccess(user.id, projectId);
  const keys = await listApiKeys(projectId);

  return (
    <ApiKeysPanel
      projectId={projectId}
      canManage={hasRole(access.role, "ADMIN")}
      initialKeys={keys.map((key) => ({
        ...key,
        createdAt: key.createdAt.toISOString(),
        lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
        revokedAt: key.revokedAt?.toISOString() ?? null,
      }))}
    />
  );
}
