import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { hasAnyUser } from "@/lib/auth/accounts";
import { auth, listOAuthProviders, signIn } from "@/lib/auth/auth";
import { sanitizeCallbackUrl } from "@/lib/auth/callback-url";
import { secondaryButtonClass } from "@/components/ui/styles";

export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl: requestedCallbackUrl, error } = await searchParams;
  const callbackUrl = sanitizeCallbackUrl(requestedCallbackUrl);
  if (!(await hasAnyUser())) redirect("/sign-up");
  if ((await auth())?.user?.id) redirect(callbackUrl);
  const providers = listOAuthProviders();

  return (
    <AuthCard title="Sign in">
      {error && (
        <p role="alert" className="mb-3 text-sm text-red-600">
          Sign-in failed ({error}). Try again.
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} />
      {providers.map((provider) => (
        <form
          key={provider.id}
          className="mt-3"
          action={async () => {
            "use server";
            await signIn(provider.id, { redirectTo: callbackUrl });
          }}
        >
          <button type="submit" className={`${secondaryButtonClass} w-full`}>
            Continue with {provider.name}
          </button>
        </form>
      ))}
      <p className="mt-4 text-center text-sm text-zinc-500">
        No account?{" "}
        <Link href="/sign-up" className="font-medium text-indigo-600 hover:underline">
          Sign up
        </Link>
      </p>
    </AuthCard>
  );
}
