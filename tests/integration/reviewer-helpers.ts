// Signed-in reviewers of the test server's bootstrap project, one per role, for the scoring and
// annotation-queue tests.
import { randomUUID } from "node:crypto";

import { inject } from "vitest";

import { getPrisma } from "../../lib/db/prisma";
import type { Role } from "../../lib/generated/prisma/enums";
import { SessionClient } from "../setup/session-client";
import { TEST_KEYS, TEST_USER } from "../setup/test-env";

function prisma() {
  process.env.DATABASE_URL ??= inject("databaseUrl");
  return getPrisma();
}

/** The bootstrap project (the one TEST_KEYS belong to) and its organization. */
export async function bootstrapProject(): Promise<{ projectId: string; organizationId: string }> {
  const key = await prisma().apiKey.findUniqueOrThrow({
    where: { publicKey: TEST_KEYS.publicKey },
    include: { project: true },
  });
  return { projectId: key.projectId, organizationId: key.project.organizationId };
}

/** The bootstrap owner, signed in. */
export async function signInOwner(): Promise<SessionClient> {
  const client = new SessionClient(inject("baseUrl"));
  if (!(await client.signIn(TEST_USER.email, TEST_USER.password))) {
    throw new Error("the bootstrap owner could not sign in");
  }
  return client;
}

/** The password of every user signInWithRole makes (to sign them in in a browser too). */
export const REVIEWER_PASSWORD = "a-good-password-1";

/** A new user with `role` in the bootstrap organization (null: not a member), signed in. */
export async function signInWithRole(
  role: Role | null,
): Promise<{ client: SessionClient; email: string; userId: string }> {
  const baseUrl = inject("baseUrl");
  const email = `${role?.toLowerCase() ?? "stranger"}-${randomUUID().slice(0, 8)}@example.com`;
  const password = REVIEWER_PASSWORD;
  const response = await fetch(`${baseUrl}/api/sign-up`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status}`);
  const { organizationId } = await bootstrapProject();
  const user = await prisma().user.findUniqueOrThrow({ where: { email } });
  if (role) await prisma().membership.create({ data: { organizationId, userId: user.id, role } });
  const client = new SessionClient(baseUrl);
  if (!(await client.signIn(email, password))) throw new Error(`${email} could not sign in`);
  return { client, email, userId: user.id };
}
