import postgres from "postgres";
import { postgresJsArgs } from "../../lib/db/connection-options";
import { afterAll, describe, expect, inject, it } from "vitest";
import { readBootstrapConfig, runBootstrap } from "../../lib/auth/bootstrap";

const databaseUrl = inject("databaseUrl");
process.env.DATABASE_URL = databaseUrl;

const env = {
  SIGHTLINE_INIT_USER_EMAIL: "Ops@Example.com",
  SIGHTLINE_INIT_USER_PASSWORD: "ops-password-1",
  SIGHTLINE_INIT_ORG_NAME: "Ops org",
  SIGHTLINE_INIT_PROJECT_NAME: "Ops project",
  SIGHTLINE_INIT_PROJECT_PUBLIC_KEY: "pk-sl-ops-public-key",
  SIGHTLINE_INIT_PROJECT_SECRET_KEY: "sk-sl-ops-secret-key-0123456789abcdef",
};

describe("headless bootstrap", () => {
  const sql = postgres(...postgresJsArgs(databaseUrl));
  afterAll(() => sql.end());

  async function counts() {
    const [row] = await sql<{ users: string; orgs: string; projects: string; keys: string }[]>`
      SELECT
        (SELECT count(*) FROM "User" WHERE email = 'ops@example.com') AS users,
        (SELECT count(*) FROM "Organization" WHERE name = 'Ops org') AS orgs,
        (SELECT count(*) FROM "Project" WHERE name = 'Ops project') AS projects,
        (SELECT count(*) FROM "ApiKey" WHERE "publicKey" = 'pk-sl-ops-public-key') AS keys`;
    return row;
  }

  it("creates one user, organization, project and key however often it runs", async () => {
    const config = readBootstrapConfig(env);
    expect(config).not.toBeNull();
    const first = await runBootstrap(config!);
    const second = await runBootstrap(config!);
    expect(second.project.id).toBe(first.project.id);
    expect(await counts()).toEqual({ users: "1", orgs: "1", projects: "1", keys: "1" });
  });

  it("refuses a known public key with a different secret", async () => {
    const config = readBootstrapConfig({
      ...env,
      SIGHTLINE_INIT_PROJECT_SECRET_KEY: "sk-sl-another-secret-0123456789abcdef",
    });
    await expect(runBootstrap(config!)).rejects.toThrow(/different secret key/);
  });

  it("needs both keys or neither", () => {
    expect(() =>
      readBootstrapConfig({ ...env, SIGHTLINE_INIT_PROJECT_SECRET_KEY: undefined }),
    ).toThrow(/must be set together/);
    expect(readBootstrapConfig({})).toBeNull();
  });
});
