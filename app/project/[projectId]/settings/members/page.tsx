import { MembersPanel } from "@/components/settings/members-panel";
import { requireProjectAccess } from "@/lib/auth/access";
import { listMembers, listPendingInvitations } from "@/lib/auth/organizations";
import { requirePageUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function MembersPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await requirePageUser();
  const { projectId } = await params;
  const access = await requireProjectAccess(user.id, projectId);
  const organizationId = access.organization.id;
  const [members, invitations] = await Promise.all([
    listMembers(organizationId),
    listPendingInvitations(organizationId),
  ]);

  return (
    <MembersPanel
      organizationId={organizationId}
      organizationName={access.organization.name}
      myRole={access.role}
      myUserId={user.id}
      members={members.map((member) => ({
        id: member.id,
        role: member.role,
        userId: member.user.id,
        email: member.user.email,
        name: member.user.name,
      }))}
      invitations={invitations.map((invitation) => ({
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        expiresAt: invitation.expiresAt.toISOString(),
      }))}
    />
  );
}
