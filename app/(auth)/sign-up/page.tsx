import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { hasAnyUser, isSignUpDisabled } from "@/lib/auth/accounts";
import { findInvitation } from "@/lib/auth/organizations";

export const dynamic = "force-dynamic";

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ invitation?: string }>;
}) {
  const { invitation } = await searchParams;
  const invite = invitation ? await findInvitation(invitation) : null;
  const firstUser = !(await hasAnyUser());

  return (
    <AuthCard title={firstUser ? "Create the owner account" : "Create your account"}>
      {firstUser && (
        <p className="mb-4 text-sm text-zinc-500">
          This Sightline has no users yet. The first account owns it.
        </p>
      )}
      {invite && (
        <p className="mb-4 text-sm text-zinc-500">
          You were invited to join <strong>{invite.organization.name}</strong>.
        </p>
      )}
      {isSignUpDisabled() && !firstUser && !invite ? (
        <p className="text-sm text-zinc-500" data-testid="sign-up-disabled">
          Sign-up is disabled on this Sightline. Ask an admin for an invitation link.
        </p>
      ) : (
        <SignUpForm invitation={invite ? invitation : undefined} email={invite?.email} />
      )}
      {!firstUser && (
        <p className="mt-4 text-center text-sm text-zinc-500">
          Have an account?{" "}
          <Link href="/sign-in" className="font-medium text-indigo-600 hover:underline">
            Sign in
          </Link>
        </p>
      )}
    </AuthCard>
  );
}
