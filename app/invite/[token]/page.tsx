import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { AcceptInvitationButton } from "@/components/settings/accept-invitation-button";
import { auth } from "@/lib/auth/auth";
import { findInvitation } from "@/lib/auth/organizations";
import { buttonClass } from "@/components/ui/styles";

export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation(token);
  if (!invitation) {
    return (
      <AuthCard title="Invitation not found">
        <p className="text-sm text-zinc-500">This invitation link is invalid, used or expired.</p>
      </AuthCard>
    );
  }

  const session = await auth();
  return (
    <AuthCard title={`Join ${invitation.organization.name}`}>
      <p className="mb-4 text-sm text-zinc-500">
        Invitation for <strong>{invitation.email}</strong> as {invitation.role.toLowerCase()}.
      </p>
      {session?.user?.id ? (
        <AcceptInvitationButton token={token} />
      ) : (
        <div className="flex gap-2">
          <Link className={buttonClass} href={`/sign-up?invitation=${encodeURIComponent(token)}`}>
            Create account
          </Link>
          <Link
            className="text-sm text-indigo-600 hover:underline self-center"
            href={`/sign-in?callbackUrl=/invite/${encodeURIComponent(token)}`}
          >
            I have an account
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
