import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { getPrisma } from "../db/prisma";
import { retryOnUniqueRace } from "../db/retry-on-unique-race";
import type { Role } from "../generated/prisma/enums";
import { AppError } from "../http/app-error";
import { hasRole } from "./roles";

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export const ProjectNameZ = z.string().trim().min(1, "must not be empty").max(100);
export const RoleZ = z.enum(["OWNER", "ADMIN", "MEMBER", "VIEWER"]);

/** Creates a project in an organization; names are unique per organization. */
export async function createProject(organizationId: string, name: string) {
  const projectName = ProjectNameZ.parse(name);
  const prisma = getPrisma();
  const clash = await prisma.project.findFirst({ where: { organizationId, name: projectName } });
  if (clash) throw new AppError("conflict", "name: a project with this name already exists");
  return prisma.project.create({ data: { organizationId, name: projectName } });
}

/** Creates an organization owned by the user. */
export function createOrganization(userId: string, name: string) {
  const organizationName = z.string().trim().min(1).max(100).parse(name);
  return getPrisma().organization.create({
    data: { name: organizationName, memberships: { create: { userId, role: "OWNER" } } },
  });
}

export function listMembers(organizationId: string) {
  return getPrisma().membership.findMany({
    where: { organizationId },
    orderBy: { createdAt: "asc" },
    include: { user: { select: { id: true, email: true, name: true } } },
  });
}

async function assertNotLastOwner(organizationId: string, membershipRole: Role): Promise<void> {
  if (membershipRole !== "OWNER") return;
  const owners = await getPrisma().membership.count({ where: { organizationId, role: "OWNER" } });
  if (owners <= 1)
    throw new AppError("bad_request", "role: an organization needs at least one owner");
}

/** Changes a member's role. Only owners grant or take away the owner role. */
export async function changeMemberRole(
  organizationId: string,
  actorRole: Role,
  membershipId: string,
  role: Role,
) {
  const prisma = getPrisma();
  const membership = await prisma.membership.findFirst({
    where: { id: membershipId, organizationId },
  });
  if (!membership) throw new AppError("not_found", "Member not found");
  if ((role === "OWNER" || membership.role === "OWNER") && actorRole !== "OWNER") {
    throw new AppError("forbidden", "Only owners can grant or remove the owner role");
  }
  if (membership.role === "OWNER" && role !== "OWNER") {
    await assertNotLastOwner(organizationId, membership.role);
  }
  return prisma.membership.update({ where: { id: membershipId }, data: { role } });
}

export async function removeMember(organizationId: string, actorRole: Role, membershipId: string) {
  const prisma = getPrisma();
  const membership = await prisma.membership.findFirst({
    where: { id: membershipId, organizationId },
  });
  if (!membership) throw new AppError("not_found", "Member not found");
  if (membership.role === "OWNER" && actorRole !== "OWNER") {
    throw new AppError("forbidden", "Only owners can remove an owner");
  }
  await assertNotLastOwner(organizationId, membership.role);
  await prisma.membership.delete({ where: { id: membershipId } });
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Invites someone by email. Returns the one-time token for the invitation link, which the UI
 * shows so that no mail server is needed. Inviting the same email again refreshes the pending
 * invitation (role, expiry, and a new link: the previous one stops working); `replaced` says
 * whether an open invitation's link was so stopped.
 */
export async function createInvitation(input: {
  organizationId: string;
  invitedById: string;
  actorRole: Role;
  email: string;
  role: Role;
}) {
  const email = z.email("must be a valid email address").parse(input.email).toLowerCase();
  if (input.role === "OWNER" && input.actorRole !== "OWNER") {
    throw new AppError("forbidden", "Only owners can invite owners");
  }
  const prisma = getPrisma();
  const alreadyMember = await prisma.membership.findFirst({
    where: { organizationId: input.organizationId, user: { email } },
  });
  if (alreadyMember) throw new AppError("conflict", "email: this person is already a member");

  const token = randomBytes(24).toString("base64url");
  const fields = {
    role: input.role,
    tokenHash: hashToken(token),
    invitedById: input.invitedById,
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
  };
  // An open invitation whose link the refresh below stops, for the inviter to be told.
  const earlier = await prisma.invitation.findUnique({
    where: { organizationId_email: { organizationId: input.organizationId, email } },
  });
  const replaced = Boolean(earlier && !earlier.acceptedAt && earlier.expiresAt > new Date());

  // One row per organization and email (a unique key): inviting again, or a double click,
  // refreshes that invitation with the new role and link instead of adding another.
  const invitation = await retryOnUniqueRace(() =>
    prisma.invitation.upsert({
      where: { organizationId_email: { organizationId: input.organizationId, email } },
      create: { organizationId: input.organizationId, email, ...fields },
      update: { ...fields, acceptedAt: null, createdAt: new Date() },
    }),
  );
  return { invitation, token, replaced };
}

export function listPendingInvitations(organizationId: string) {
  return getPrisma().invitation.findMany({
    where: { organizationId, acceptedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
  });
}

/**
 * Revokes a pending invitation: its link stops working. Only owners revoke an invitation to
 * become owner, as only they can make one.
 */
export async function revokeInvitation(
  organizationId: string,
  actorRole: Role,
  invitationId: string,
): Promise<void> {
  const prisma = getPrisma();
  const invitation = await prisma.invitation.findFirst({
    where: { id: invitationId, organizationId, acceptedAt: null },
  });
  if (!invitation) throw new AppError("not_found", "Invitation not found or already accepted");
  if (invitation.role === "OWNER" && actorRole !== "OWNER") {
    throw new AppError("forbidden", "Only owners can revoke an invitation of an owner");
  }
  await prisma.invitation.delete({ where: { id: invitationId } });
}

/** Looks up an open invitation by its token (for the invitation page). */
export async function findInvitation(token: string) {
  const invitation = await getPrisma().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { organization: { select: { id: true, name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) return null;
  return invitation;
}

/** Adds the signed-in user to the inviting organization with the invited role. */
export async function acceptInvitation(token: string, user: { id: string; email: string }) {
  const invitation = await findInvitation(token);
  if (!invitation) throw new AppError("not_found", "Invitation not found or expired");
  if (invitation.email !== user.email.toLowerCase()) {
    throw new AppError("forbidden", `This invitation is for ${invitation.email}`);
  }
  const prisma = getPrisma();
  await prisma.$transaction(async (tx) => {
    const existing = await tx.membership.findUnique({
      where: {
        organizationId_userId: { organizationId: invitation.organizationId, userId: user.id },
      },
    });
    if (!existing) {
      await tx.membership.create({
        data: { organizationId: invitation.organizationId, userId: user.id, role: invitation.role },
      });
    } else if (!hasRole(existing.role, invitation.role)) {
      await tx.membership.update({ where: { id: existing.id }, data: { role: invitation.role } });
    }
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
  });
  return invitation.organization;
}
