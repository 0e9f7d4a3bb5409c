import { z } from "zod";
import { getPrisma } from "../db/prisma";
import { AppError } from "../http/app-error";
import { assertStrongPassword, hashPassword, verifyPassword } from "./passwords";

export const SignUpInputZ = z.object({
  email: z.email("must be a valid email address").transform((email) => email.toLowerCase()),
  password: z.string().max(200, "must be at most 200 characters"),
  name: z.string().trim().max(100).optional(),
  organizationName: z.string().trim().min(1).max(100).optional(),
  projectName: z.string().trim().min(1).max(100).optional(),
});
export type SignUpInput = z.input<typeof SignUpInputZ>;

/**
 * Creates a user with an organization they own and a first project in it. Invited users join
 * the inviting organization instead (see acceptInvitation).
 */
export async function signUp(input: SignUpInput, options: { invited?: boolean } = {}) {
  const parsed = SignUpInputZ.parse(input);
  assertStrongPassword(parsed.password);
  if (isSignUpDisabled() && !options.invited && (await hasAnyUser())) {
    throw new AppError("forbidden", "Sign-up is disabled here: ask an admin for an invitation");
  }

  const prisma = getPrisma();
  const existing = await prisma.user.findUnique({ where: { email: parsed.email } });
  if (existing) throw new AppError("conflict", "email: an account with this email already exists");

  const passwordHash = await hashPassword(parsed.password);
  const displayName = parsed.name || parsed.email.split("@")[0] || parsed.email;
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: parsed.email, name: displayName, passwordHash },
    });
    const organization = await tx.organization.create({
      data: {
        name: parsed.organizationName ?? `${displayName}'s organization`,
        memberships: { create: { userId: user.id, role: "OWNER" } },
      },
    });
    const project = await tx.project.create({
      data: { organizationId: organization.id, name: parsed.projectName ?? "My first project" },
    });
    return { user, organization, project };
  });
}

/** SIGHTLINE_DISABLE_SIGNUP=true: after the first owner, only invited people can sign up. */
export function isSignUpDisabled(): boolean {
  return process.env.SIGHTLINE_DISABLE_SIGNUP === "true";
}

const MAX_FAILED_SIGN_INS = 5;
const SIGN_IN_WINDOW_MS = 15 * 60_000;
const failedSignIns = new Map<string, { count: number; firstAt: number }>();

// Limitation: the sign-in throttle lives in process memory, so each replica counts apart and a
// restart forgets it.
function isThrottled(email: string): boolean {
  const entry = failedSignIns.get(email);
  if (!entry) return false;
  if (Date.now() - entry.firstAt > SIGN_IN_WINDOW_MS) {
    failedSignIns.delete(email);
    return false;
  }
  return entry.count >= MAX_FAILED_SIGN_INS;
}

function recordFailure(email: string): void {
  const entry = failedSignIns.get(email);
  if (entry && Date.now() - entry.firstAt <= SIGN_IN_WINDOW_MS) entry.count += 1;
  else failedSignIns.set(email, { count: 1, firstAt: Date.now() });
}

/**
 * Returns the user when the email and password match, else null (no hint which was wrong).
 * After 5 failures for an email within 15 minutes, every attempt fails until the window ends.
 */
export async function verifyCredentials(email: string, password: string) {
  const normalized = email.toLowerCase();
  if (isThrottled(normalized)) return null;
  const user = await getPrisma().user.findUnique({ where: { email: normalized } });
  const valid =
    Boolean(user?.passwordHash) && (await verifyPassword(user!.passwordHash!, password));
  if (!valid) {
    recordFailure(normalized);
    return null;
  }
  failedSignIns.delete(normalized);
  return user;
}

/** True until the first user exists: the app then shows sign-up instead of sign-in. */
export async function hasAnyUser(): Promise<boolean> {
  return (await getPrisma().user.count()) > 0;
}

/** Finds or creates the user behind an OAuth/OIDC sign-in, by verified email. */
export async function upsertOAuthUser(email: string, name: string | null, image: string | null) {
  const prisma = getPrisma();
  const normalized = email.toLowerCase();
  const existing = await prisma.user.findUnique({ where: { email: normalized } });
  if (existing) return existing;
  const displayName = name ?? normalized.split("@")[0] ?? normalized;
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: normalized, name: displayName, image } });
    const organization = await tx.organization.create({
      data: {
        name: `${displayName}'s organization`,
        memberships: { create: { userId: user.id, role: "OWNER" } },
      },
    });
    await tx.project.create({
      data: { organizationId: organization.id, name: "My first project" },
    });
    return user;
  });
}
