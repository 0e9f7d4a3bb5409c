import { notFound } from "next/navigation";
import { TimeZoneProvider } from "@/components/explorer/time-zone";
import { AppHeader } from "@/components/shell/app-header";
import { listUserOrganizations, requireProjectAccess } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http/app-error";

export const dynamic = "force-dynamic";

export default async function ProjectLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const user = await requirePageUser();
  const { projectId } = await params;
  await requireProjectAccess(user.id, projectId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const organizations = await listUserOrganizations(user.id);

  return (
    <TimeZoneProvider saved={user.timeZone}>
      <div className="min-h-screen">
        <AppHeader
          organizations={organizations.map(({ id, name, projects }) => ({ id, name, projects }))}
          projectId={projectId}
          userEmail={user.email}
        />
        <div className="mx-auto max-w-screen-2xl px-4 py-6">{children}</div>
      </div>
    </TimeZoneProvider>
  );
}
