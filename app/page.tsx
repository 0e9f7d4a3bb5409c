import { redirect } from "next/navigation";
import { hasAnyUser } from "@/lib/auth/accounts";
import { listUserOrganizations } from "@/lib/auth/access";
import { auth } from "@/lib/auth/auth";
import { cardClass } from "@/components/ui/styles";
import { CreateOrganizationForm } from "@/components/settings/create-forms";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  if (!(await hasAnyUser())) redirect("/sign-up");
  const userId = (await auth())?.user?.id;
  if (!userId) redirect("/sign-in");

  const organizations = await listUserOrganizations(userId);
  const firstProject = organizations.flatMap((organization) => organization.projects)[0];
  if (firstProject) redirect(`/project/${firstProject.id}`);

  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <div className={cardClass}>
        <h1 className="mb-2 text-lg font-semibold">No projects yet</h1>
        <p className="mb-4 text-sm text-zinc-500">Create an organization to get a first project.</p>
        <CreateOrganizationForm />
      </div>
    </main>
  );
}
