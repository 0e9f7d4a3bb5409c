"use server";

import { AuthError } from "next-auth";
import { ZodError } from "zod";
import { signUp } from "@/lib/auth/accounts";
import { signIn } from "@/lib/auth/auth";
import { sanitizeCallbackUrl } from "@/lib/auth/callback-url";
import { acceptInvitation, findInvitation } from "@/lib/auth/organizations";
import { AppError } from "@/lib/http/app-error";

/** The form's outcome; the entered values come back so that a failed submit keeps them. */
export interface FormState {
  error: string | null;
  values?: Record<string, string>;
}

function field(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

export async function signInAction(_state: FormState, formData: FormData): Promise<FormState> {
  const email = field(formData, "email").trim();
  const password = field(formData, "password");
  const values = { email };
  if (!email || !password) return { error: "Enter your email and password", values };
  try {
    await signIn("credentials", {
      email,
      password,
      redirectTo: sanitizeCallbackUrl(field(formData, "callbackUrl")),
    });
  } catch (error) {
    if (error instanceof AuthError) return { error: "Wrong email or password", values };
    throw error;
  }
  return { error: null };
}

export async function signUpAction(_state: FormState, formData: FormData): Promise<FormState> {
  const email = field(formData, "email").trim();
  const password = field(formData, "password");
  const invitationToken = field(formData, "invitation");
  const values = {
    email,
    name: field(formData, "name"),
    organizationName: field(formData, "organizationName"),
  };
  try {
    // The invitation is checked first, so that a refused one creates no account.
    const invitation = invitationToken ? await findInvitation(invitationToken) : null;
    if (invitationToken && !invitation) return { error: "Invitation not found or expired", values };
    if (invitation && invitation.email !== email.toLowerCase()) {
      return { error: `This invitation is for ${invitation.email}`, values };
    }
    const created = await signUp(
      {
        email,
        password,
        name: field(formData, "name") || undefined,
        organizationName: field(formData, "organizationName") || undefined,
      },
      { invited: Boolean(invitation) },
    );
    if (invitationToken) await acceptInvitation(invitationToken, created.user);
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, values };
    if (error instanceof ZodError) {
      const issue = error.issues[0];
      const message = issue ? `${issue.path.join(".")}: ${issue.message}` : "Invalid input";
      return { error: message, values };
    }
    throw error;
  }
  await signIn("credentials", { email, password, redirectTo: "/" });
  return { error: null };
}
