import { NextResponse } from "next/server";
import { acceptInvitation } from "@/lib/auth/organizations";
import { requireSessionUser } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/handle-route";
import { rejectOtherMethods } from "@/lib/http/other-methods";

// POST /api/invitations/:token (accepts for the signed-in user)
export const POST = handleRoute<{ token: string }>(async (_request, { params }) => {
  const user = await requireSessionUser();
  const { token } = await params;
  const organization = await acceptInvitation(token, user);
  return NextResponse.json({ organizationId: organization.id, name: organization.name });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ POST });
