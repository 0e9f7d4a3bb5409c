import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { listPendingInvitations } from "../../lib/auth/organizations";
import { getPrisma } from "../../lib/db/prisma";
import { SessionClient } from "../setup/session-client";
import { TEST_KEYS, TEST_USER, basicAuth } from "../setup/test-env";

const baseUrl = inject("baseUrl");

function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

async function publicProjects(authorization?: string) {
  const response = await fetch(`${baseUrl}/api/public/projects`, {
    headers: authorization ? { authorization } : {},
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function signUpAndSignIn(email: string, password = "a-good-password-1") {
  const response = await fetch(`${baseUrl}/api/sign-up`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(201);
  const created = (await response.json()) as { projectId: string; organizationId: string };
  const client = new SessionClient(baseUrl);
  expect(await client.signIn(email, password)).toBe(true);
  return { client, ...created };
}

describe("sign-up", () => {
  it.each([
    [{ email: "not-an-email", password: "a-good-password-1" }, 400, /email/],
    [{ email: "weak@example.com", password: "short" }, 400, /password: must be at least 8/],
    [{ email: "weak2@example.com", password: "onlyletters" }, 400, /password: use letters and/],
    [{ email: TEST_USER.email, password: "a-good-password-1" }, 409, /already exists/],
  ])("rejects %j with %i", async (body, status, message) => {
    const response = await fetch(`${baseUrl}/api/sign-up`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });

  it("stops accepting even the right password after five wrong ones", async () => {
    const email = uniqueEmail("throttled");
    await signUpAndSignIn(email);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await new SessionClient(baseUrl).signIn(email, "wrong-password-1")).toBe(false);
    }
    expect(await new SessionClient(baseUrl).signIn(email, "a-good-password-1")).toBe(false);
  });

  it("does not sign in with a wrong password", async () => {
    const client = new SessionClient(baseUrl);
    expect(await client.signIn(TEST_USER.email, "wrong-password-1")).toBe(false);
    expect(await client.signIn(TEST_USER.email, TEST_USER.password)).toBe(true);
  });
});

describe("API key authentication", () => {
  it("accepts Basic publicKey:secretKey and Bearer secretKey", async () => {
    const basic = await publicProjects(basicAuth(TEST_KEYS.publicKey, TEST_KEYS.secretKey));
    expect(basic.status).toBe(200);
    const bearer = await publicProjects(`Bearer ${TEST_KEYS.secretKey}`);
    expect(bearer.status).toBe(200);
    expect(bearer.body).toEqual(basic.body);
  });

  it.each([
    ["no header", undefined, /Missing Authorization header/],
    [
      "wrong secret",
      basicAuth(TEST_KEYS.publicKey, "sk-sl-wrong-secret-000000000000"),
      /Invalid API key/,
    ],
    ["public key of nobody", basicAuth("pk-sl-nobody", TEST_KEYS.secretKey), /Invalid API key/],
    ["bearer with a public key", `Bearer ${TEST_KEYS.publicKey}`, /must be a secret key/],
    ["malformed basic", "Basic bm9jb2xvbg==", /Malformed Basic credentials/],
    ["unknown scheme", "Token abc", /Unsupported Authorization scheme/],
  ])("rejects %s with 401", async (_case, header, message) => {
    const result = await publicProjects(header);
    expect(result.status).toBe(401);
    expect(result.body.error).toMatch(message);
  });

  it("rejects a key once it is revoked", async () => {
    const { client, projectId } = await signUpAndSignIn(uniqueEmail("revoker"));
    const created = await client.json(`/api/projects/${projectId}/api-keys`, "POST", {
      note: "ci",
    });
    expect(created.status).toBe(201);
    const authorization = basicAuth(String(created.body.publicKey), String(created.body.secretKey));
    expect((await publicProjects(authorization)).status).toBe(200);

    const revoked = await client.json(
      `/api/projects/${projectId}/api-keys/${String(created.body.id)}`,
      "DELETE",
    );
    expect(revoked.status).toBe(200);
    const after = await publicProjects(authorization);
    expect(after.status).toBe(401);
    expect(after.body.error).toMatch(/revoked/);

    const listed = await client.json(`/api/projects/${projectId}/api-keys`);
    const rows = listed.body.data as {
      id: string;
      revokedAt: string | null;
      secretKeyHash?: string;
    }[];
    expect(rows.find((row) => row.id === created.body.id)?.revokedAt).toBeTruthy();
    expect(JSON.stringify(listed.body)).not.toContain(String(created.body.secretKey));
  });
});

describe("tenancy and roles", () => {
  let owner: Awaited<ReturnType<typeof signUpAndSignIn>>;

  beforeAll(async () => {
    owner = await signUpAndSignIn(uniqueEmail("owner"));
  });

  it("answers 404, not 403, for another organization's project", async () => {
    const bootstrapOwner = new SessionClient(baseUrl);
    await bootstrapOwner.signIn(TEST_USER.email, TEST_USER.password);
    const foreign = await bootstrapOwner.json(`/api/projects/${owner.projectId}/api-keys`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error).toBe("Project not found");
    const create = await bootstrapOwner.json(
      `/api/projects/${owner.projectId}/api-keys`,
      "POST",
      {},
    );
    expect(create.status).toBe(404);
    const missing = await owner.client.json(`/api/projects/does-not-exist/api-keys`);
    expect(missing.status).toBe(404);
  });

  it("lets a viewer read keys but not create or revoke them", async () => {
    const viewerEmail = uniqueEmail("viewer");
    const invitation = await owner.client.json(
      `/api/organizations/${owner.organizationId}/invitations`,
      "POST",
      { email: viewerEmail, role: "VIEWER" },
    );
    expect(invitation.status).toBe(201);
    const token = String(invitation.body.link).split("/invite/")[1] ?? "";

    const viewer = await signUpAndSignIn(viewerEmail);
    const accepted = await viewer.client.json(`/api/invitations/${token}`, "POST");
    expect(accepted.status).toBe(200);

    const list = await viewer.client.json(`/api/projects/${owner.projectId}/api-keys`);
    expect(list.status).toBe(200);
    const create = await viewer.client.json(
      `/api/projects/${owner.projectId}/api-keys`,
      "POST",
      {},
    );
    expect(create.status).toBe(403);
    expect(create.body.error).toMatch(/requires the admin role or higher; you are viewer/);

    const ownerKey = await owner.client.json(
      `/api/projects/${owner.projectId}/api-keys`,
      "POST",
      {},
    );
    const revoke = await viewer.client.json(
      `/api/projects/${owner.projectId}/api-keys/${String(ownerKey.body.id)}`,
      "DELETE",
    );
    expect(revoke.status).toBe(403);
  });

  it("refuses an invitation accepted by someone else", async () => {
    const invitation = await owner.client.json(
      `/api/organizations/${owner.organizationId}/invitations`,
      "POST",
      { email: uniqueEmail("intended"), role: "MEMBER" },
    );
    const token = String(invitation.body.link).split("/invite/")[1] ?? "";
    const stranger = await signUpAndSignIn(uniqueEmail("stranger"));
    const accepted = await stranger.client.json(`/api/invitations/${token}`, "POST");
    expect(accepted.status).toBe(403);
    const projects = await stranger.client.json(`/api/projects/${owner.projectId}/api-keys`);
    expect(projects.status).toBe(404);
  });

  it("revokes a pending invitation: its link stops working", async () => {
    const email = uniqueEmail("revoked");
    const invitation = await owner.client.json(
      `/api/organizations/${owner.organizationId}/invitations`,
      "POST",
      { email, role: "MEMBER" },
    );
    const invitationPath = `/api/organizations/${owner.organizationId}/invitations`;
    const id = String(invitation.body.id);
    const token = String(invitation.body.link).split("/invite/")[1] ?? "";

    const revoked = await owner.client.json(`${invitationPath}/${id}`, "DELETE");
    expect(revoked.status).toBe(200);
    expect((await owner.client.json(`${invitationPath}/${id}`, "DELETE")).status).toBe(404);

    const invitee = await signUpAndSignIn(email);
    const accepted = await invitee.client.json(`/api/invitations/${token}`, "POST");
    expect(accepted.status).toBe(404);
    const keys = await invitee.client.json(`/api/projects/${owner.projectId}/api-keys`);
    expect(keys.status).toBe(404);
  });

  it("requires a session for management routes", async () => {
    const response = await fetch(`${baseUrl}/api/projects/${owner.projectId}/api-keys`);
    expect(response.status).toBe(401);
  });
});

describe("cross-site requests", () => {
  // Regression: cookie-authenticated routes accepted text/plain bodies from any Origin, so a page
  // on another port of the same host could create keys as the signed-in user.
  it("refuses a session request from another origin", async () => {
    const { client, projectId } = await signUpAndSignIn(uniqueEmail("csrf"));
    const response = await client.request(`/api/projects/${projectId}/api-keys`, {
      method: "POST",
      headers: { origin: "http://localhost:1", "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toMatch(/Cross-site/);
    const keys = await client.json(`/api/projects/${projectId}/api-keys`);
    expect(keys.body.data).toEqual([]);
  });

  it("refuses a body that is not JSON", async () => {
    const { client, organizationId } = await signUpAndSignIn(uniqueEmail("plain"));
    const response = await client.request(`/api/organizations/${organizationId}/projects`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ name: "from a form" }),
    });
    expect(response.status).toBe(415);
  });
});

// Regression: a double click on "Invite" made two identical pending invitations, inviting the
// same email again a third, and after the person joined the leftovers stayed listed as invited.
// An organization now holds one invitation per email (a unique key): inviting again refreshes it.
describe("invitations of the same email", () => {
  let owner: Awaited<ReturnType<typeof signUpAndSignIn>>;
  const invite = (email: string, role: string) =>
    owner.client.json(`/api/organizations/${owner.organizationId}/invitations`, "POST", {
      email,
      role,
    });
  const pendingOf = async (email: string) => {
    process.env.DATABASE_URL ??= inject("databaseUrl");
    const pending = await listPendingInvitations(owner.organizationId);
    return pending.filter((invitation) => invitation.email === email);
  };

  beforeAll(async () => {
    owner = await signUpAndSignIn(uniqueEmail("inviter"));
  });

  it("keeps one invitation per email through a double click and a new invite", async () => {
    const email = uniqueEmail("twice");
    const [first, second] = await Promise.all([invite(email, "VIEWER"), invite(email, "VIEWER")]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.id).toBe(second.body.id);
    expect(await pendingOf(email)).toHaveLength(1);

    const again = await invite(email.toUpperCase(), "ADMIN");
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: first.body.id, email, role: "ADMIN", replaced: true });
    expect((await pendingOf(email)).map((invitation) => invitation.role)).toEqual(["ADMIN"]);

    // The refreshed invitation has a new link; the earlier ones stop working.
    const invitee = await signUpAndSignIn(email);
    const staleToken = String(first.body.link).split("/invite/")[1] ?? "";
    expect((await invitee.client.json(`/api/invitations/${staleToken}`, "POST")).status).toBe(404);
    const token = String(again.body.link).split("/invite/")[1] ?? "";
    expect((await invitee.client.json(`/api/invitations/${token}`, "POST")).status).toBe(200);

    expect(await pendingOf(email)).toEqual([]);
    const keys = await invitee.client.json(`/api/projects/${owner.projectId}/api-keys`, "POST", {});
    expect(keys.status).toBe(201);
  });

  it("invites a former member again after they left", async () => {
    const email = uniqueEmail("returning");
    const invitation = await invite(email, "MEMBER");
    expect(invitation.body).toMatchObject({ replaced: false });
    const invitee = await signUpAndSignIn(email);
    const token = String(invitation.body.link).split("/invite/")[1] ?? "";
    expect((await invitee.client.json(`/api/invitations/${token}`, "POST")).status).toBe(200);
    expect((await invite(email, "MEMBER")).status).toBe(409);

    const prisma = getPrisma();
    await prisma.membership.deleteMany({
      where: { organizationId: owner.organizationId, user: { email } },
    });
    const renewed = await invite(email, "VIEWER");
    expect(renewed.status).toBe(201);
    expect((await pendingOf(email)).map((pending) => pending.role)).toEqual(["VIEWER"]);
  });
});
