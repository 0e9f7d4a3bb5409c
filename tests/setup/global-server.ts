// Starts one Sightline for the integration and browser tests: a fresh embedded Postgres in a
// temp dir, then `scripts/start.ts` (which builds the app when the build is stale) on a free port.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findFreePort } from "../../lib/db/embedded-postgres";
import { startTestDatabase } from "./test-database";
import { TEST_KEYS, TEST_USER } from "./test-env";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

async function waitForHealth(baseUrl: string, server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Sightline exited with ${server.exitCode}`);
    const healthy = await fetch(`${baseUrl}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`Sightline was not healthy within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject) {
  const database = await startTestDatabase();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "sightline-test-app-"));
  const port = await findFreePort();
  const baseUrl = `http://localhost:${port}`;

  // One node process (no npx or tsx wrapper) so that SIGTERM reaches the server itself.
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: path.resolve(__dirname, "../.."),
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: database.databaseUrl,
      SIGHTLINE_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      SIGHTLINE_INIT_USER_EMAIL: TEST_USER.email,
      SIGHTLINE_INIT_USER_PASSWORD: TEST_USER.password,
      SIGHTLINE_INIT_ORG_NAME: "Test organization",
      SIGHTLINE_INIT_PROJECT_NAME: "Test project",
      SIGHTLINE_INIT_PROJECT_PUBLIC_KEY: TEST_KEYS.publicKey,
      SIGHTLINE_INIT_PROJECT_SECRET_KEY: TEST_KEYS.secretKey,
      // Small enough that the OTLP size tests (413, gzip bomb) stay fast.
      SIGHTLINE_MAX_BODY_BYTES: String(4 * 1024 * 1024),
      SIGHTLINE_MAX_INFLATED_BYTES: String(8 * 1024 * 1024),
      // Room for every test's concurrent exports; the back-pressure test fills it on purpose.
      SIGHTLINE_INGEST_MAX_INFLIGHT_BYTES: String(4 * 1024 * 1024),
    },
  });
  await waitForHealth(baseUrl, server, 600_000);

  project.provide("baseUrl", baseUrl);
  project.provide("databaseUrl", database.databaseUrl);

  return async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
