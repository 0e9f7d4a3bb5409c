import { NextResponse } from "next/server";
import { requireOrganizationAccess } from "@/lib/auth/access";
import { revokeInvitation } from "@/lib/auth/organizations";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

type Params = { organizationId: string; invitationId: string };

// DELETE /api/organizations/:organizationId/invitations/:invitationId -> the link stops working
export const DELETE = handleRoute<Params>(async (_request, { params }) => {
  const user = await requireSessionUser();
  const { organizationId, invitationId } = await params;
  const { role } = await requireOrganizationAccess(user.id, organizationId, {
    role: "ADMIN",
    action: "Revoking invitations",
  });
  await revokeInvitation(organizationId, role, invitationId);
  return NextResponse.json({ revoked: true });
});

export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = rejectOtherMethods({ DELETE });
