import { CreateProjectForm } from "@/components/settings/create-forms";
import { cardClass } from "@/components/ui/styles";
import { requireProjectAccess } from "@/lib/auth/access";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function GeneralSettingsPage({
  params,
}: {
  params: Promise<{ projectId: string }>;
}) {
  const user = await requirePageUser();
  const { projectId } = await params;
  const access = await requireProjectAccess(user.id, projectId);

  return (
    <div className="space-y-6">
      <section className={cardClass}>
        <h1 className="mb-3 text-base font-semibold">Project</h1>
        <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-zinc-500">Name</dt>
          <dd>{access.project.name}</dd>
          <dt className="text-zinc-500">Project id</dt>
          <dd className="font-mono">{access.project.id}</dd>
          <dt className="text-zinc-500">Organization</dt>
          <dd>{access.organization.name}</dd>
          <dt className="text-zinc-500">Your role</dt>
          <dd data-testid="my-role">{access.role.toLowerCase()}</dd>
        </dl>
      </section>
      {hasRole(access.role, "ADMIN") && (
        <section className={cardClass}>
          <h2 className="mb-3 text-base font-semibold">
            New project in {access.organization.name}
          </h2>
          <CreateProjectForm organizationId={access.organization.id} />
        </section>
      )}
    </div>
  );
}
