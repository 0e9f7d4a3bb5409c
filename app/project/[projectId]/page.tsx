import { SendTracesGuide } from "@/components/onboarding/send-traces";
import { getPrisma } from "@/lib/db/prisma";
import { requireExplorerAccess } from "@/lib/explorer/require-explorer-access";
import { resolvePublicUrl } from "@/lib/http/public-url";

export const dynamic = "force-dynamic";

export default async function ProjectHomePage({
  params,
}: {
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  // The page checks access itself: it renders alongside the layout, not after its check.
  await requireExplorerAccess(projectId);
  const [project, apiKey, baseUrl] = await Promise.all([
    getPrisma().project.findUniqueOrThrow({ where: { id: projectId } }),
    getPrisma().apiKey.findFirst({
      where: { projectId, revokedAt: null },
      orderBy: { createdAt: "desc" },
    }),
    resolvePublicUrl(),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{project.name}</h1>
        <p className="text-sm text-zinc-500">
          Project id <code className="font-mono">{project.id}</code>
        </p>
      </div>
      <SendTracesGuide
        baseUrl={baseUrl}
        projectId={projectId}
        publicKey={apiKey?.publicKey ?? null}
      />
    </div>
  );
}
