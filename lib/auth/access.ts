import { getPrisma } from "../db/prisma";
import { AppError } from "../http/app-error";
import type { Role } from "../generated/prisma/enums";
import { assertRole } from "./roles";

/** A user's view of one project: the project, its organization and the user's role there. */
export interface ProjectAccess {
  project: { id: string; name: string; organizationId: string };
  organization: { id: string; name: string };
  role: Role;
}

/**
 * Loads a project the user may see, answering 404 (never 403) when they are not a member of its
 * organization, so that other tenants' project ids are not confirmed. With `minRole`, a member
 * below that role gets 403 naming the role needed.
 */
export async function requireProjectAccess(
  userId: string,
  projectId: string,
  minRole?: { role: Role; action: string },
): Promise<ProjectAccess> {
  const project = await getPrisma().project.findUnique({
    where: { id: projectId },
    include: {
      organization: { include: { memberships: { where: { userId }, select: { role: true } } } },
    },
  });
  const membership = project?.organization.memberships[0];
  if (!project || !membership) throw new AppError("not_found", "Project not found");
  if (minRole) assertRole(membership.role, minRole.role, minRole.action);
  return {
    project: { id: project.id, name: project.name, organizationId: project.organizationId },
    organization: { id: project.organization.id, name: project.organization.name },
    role: membership.role,
  };
}

/** Loads an organization the user belongs to (404 otherwise), optionally requiring a role. */
export async function requireOrganizationAccess(
  userId: string,
  organizationId: string,
  minRole?: { role: Role; action: string },
) {
  const membership = await getPrisma().membership.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
    include: { organization: true },
  });
  if (!membership) throw new AppError("not_found", "Organization not found");
  if (minRole) assertRole(membership.role, minRole.role, minRole.action);
  return { organization: membership.organization, role: membership.role };
}

/** Every organization of the user with its projects, for the switcher. */
export function listUserOrganizations(userId: string) {
  return getPrisma().organization.findMany({
    where: { memberships: { some: { userId } } },
    orderBy: { createdAt: "asc" },
    include: {
      projects: { orderBy: { createdAt: "asc" }, select: { id: true, name: true } },
      memberships: { where: { userId }, select: { role: true } },
    },
  });
}
