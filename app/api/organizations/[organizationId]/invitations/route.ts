import { NextResponse } from "next/server";
import { z } from "zod";
import { requireOrganizationAccess } from "@/lib/auth/access";
import { createInvitation, RoleZ } from "@/lib/auth/organizations";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

const InviteZ = z.object({ email: z.string().trim(), role: RoleZ.default("MEMBER") });

// POST /api/organizations/:organizationId/invitations -> the invitation link to share, and
// whether it replaced an open invitation's link
export const POST = handleRoute<{ organizationId: string }>(async (request, { params }) => {
  const user = await requireSessionUser();
  const { organizationId } = await params;
  const { role } = await requireOrganizationAccess(user.id, organizationId, {
    role: "ADMIN",
    action: "Inviting members",
  });
  const body = InviteZ.parse(await readJson(request));
  const { invitation, token, replaced } = await createInvitation({
    organizationId,
    invitedById: user.id,
    actorRole: role,
    email: body.email,
    role: body.role,
  });
  const origin = new URL(request.url).origin;
  return NextResponse.json(
    {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      link: `${origin}/invite/${token}`,
      // An open invitation of this email was refreshed: its earlier link no longer works.
      replaced,
    },
    { status: 201 },
  );
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ POST });
