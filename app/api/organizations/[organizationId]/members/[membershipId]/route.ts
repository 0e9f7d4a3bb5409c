import { NextResponse } from "next/server";
import { z } from "zod";
import { requireOrganizationAccess } from "@/lib/auth/access";
import { changeMemberRole, removeMember, RoleZ } from "@/lib/auth/organizations";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

type Params = { organizationId: string; membershipId: string };
const ChangeRoleZ = z.object({ role: RoleZ });

// PATCH /api/organizations/:organizationId/members/:membershipId
export const PATCH = handleRoute<Params>(async (request, { params }) => {
  const user = await requireSessionUser();
  const { organizationId, membershipId } = await params;
  const { role } = await requireOrganizationAccess(user.id, organizationId, {
    role: "ADMIN",
    action: "Changing roles",
  });
  const body = ChangeRoleZ.parse(await readJson(request));
  const membership = await changeMemberRole(organizationId, role, membershipId, body.role);
  return NextResponse.json({ id: membership.id, role: membership.role });
});

// DELETE /api/organizations/:organizationId/members/:membershipId
export const DELETE = handleRoute<Params>(async (_request, { params }) => {
  const user = await requireSessionUser();
  const { organizationId, membershipId } = await params;
  const { role } = await requireOrganizationAccess(user.id, organizationId, {
    role: "ADMIN",
    action: "Removing members",
  });
  await removeMember(organizationId, role, membershipId);
  return NextResponse.json({ removed: true });
});

export const { GET, HEAD, POST, PUT, OPTIONS } = rejectOtherMethods({ PATCH, DELETE });
