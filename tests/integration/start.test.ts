import { spawn } from "node:child_process";
import http from "node:http";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../lib/db/embedded-postgres";
import { buildWireRequest, encodeJsonBody } from "../../lib/otlp/test-builders";
import { SessionClient } from "../setup/session-client";
import { basicAuth } from "../setup/test-env";

const root = path.resolve(__dirname, "../..");
const keys = { publicKey: "pk-sl-restart-public", secretKey: "sk-sl-restart-secret-0123456789ab" };

/** Runs `npm start`'s script (build already done by the global setup) until stopped. */
function startSightline(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, SIGHTLINE_SKIP_BUILD: "1", LOG_LEVEL: "info", DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, exited, output: () => output };
}

/** The JSON log lines of an output (Next's own banner lines aside). */
function jsonLines(output: string): Array<Record<string, unknown>> {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Starts an OTLP export whose body arrives in two halves: the request is in flight until
 * `finish` sends the rest. Resolves with the reply's status.
 */
function startSlowExport(url: string, auth: string) {
  const body = Buffer.from(encodeJsonBody(buildWireRequest()));
  const request = http.request(`${url}/v1/traces`, {
    method: "POST",
    // No keep-alive: an idle kept-alive connection holds the server's stop for its timeout.
    agent: false,
    headers: {
      authorization: auth,
      "content-type": "application/json",
      "content-length": String(body.length),
    },
  });
  const status = new Promise<number>((resolve, reject) => {
    request.on("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
  });
  request.write(body.subarray(0, body.length / 2));
  return { status, finish: () => request.end(body.subarray(body.length / 2)) };
}

async function waitHealthy(url: string, timeoutMs = 30_000): Promise<number> {
  const startedAt = Date.now();
  while (Date.now() - startedAt < timeoutMs) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return Date.now() - startedAt;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("not healthy in time");
}

describe("npm start", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  /** An empty data dir (removed after the tests) and a free port with its URL. */
  async function freshInstance(name: string) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), `sightline-${name}-`));
    dirs.push(dataDir);
    const port = await findFreePort();
    return { dataDir, port, url: `http://localhost:${port}` };
  }

  it("keeps data across embedded Postgres restarts, even after a stale pid file", async () => {
    const { dataDir, port, url } = await freshInstance("restart");
    const env = {
      PORT: String(port),
      SIGHTLINE_DATA_DIR: dataDir,
      SIGHTLINE_INIT_USER_EMAIL: "restart@example.com",
      SIGHTLINE_INIT_USER_PASSWORD: "restart-password-1",
      SIGHTLINE_INIT_PROJECT_PUBLIC_KEY: keys.publicKey,
      SIGHTLINE_INIT_PROJECT_SECRET_KEY: keys.secretKey,
    };

    const first = startSightline(env);
    await waitHealthy(url);
    const before = await fetch(`${url}/api/public/projects`, {
      headers: { authorization: basicAuth(keys.publicKey, keys.secretKey) },
    }).then((r) => r.json() as Promise<{ data: { id: string }[] }>);
    first.child.kill("SIGTERM");
    // A stop asked for is a clean exit: the server stops, then Postgres.
    expect(await first.exited).toBe(0);
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);

    // A pid file left by a crash, naming a process that no longer exists.
    await writeFile(path.join(dataDir, "pg", "postmaster.pid"), "999999\n");
    const second = startSightline({
      ...env,
      SIGHTLINE_INIT_USER_EMAIL: "",
      SIGHTLINE_INIT_USER_PASSWORD: "",
    });
    await waitHealthy(url);
    const after = await fetch(`${url}/api/public/projects`, {
      headers: { authorization: basicAuth(keys.publicKey, keys.secretKey) },
    }).then((r) => r.json() as Promise<{ data: { id: string }[] }>);
    second.child.kill("SIGTERM");
    await second.exited;

    expect(after.data[0]?.id).toBe(before.data[0]?.id);
  });

  it("refuses a second start on a data dir in use, leaving the first one serving", async () => {
    const { dataDir, port, url } = await freshInstance("twice");
    const first = startSightline({ PORT: String(port), SIGHTLINE_DATA_DIR: dataDir });
    await waitHealthy(url);

    const second = startSightline({
      PORT: String(await findFreePort()),
      SIGHTLINE_DATA_DIR: dataDir,
    });
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/in use by another Sightline process/);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);

    first.child.kill("SIGTERM");
    await first.exited;
  });

  // Auth.js printed `[auth][error] CredentialsSignin` and a stack trace as plain text for every
  // wrong password; its logger now writes JSON lines through pino (lib/auth/auth-logger.ts).
  it("logs a refused sign-in as a JSON warning, not as an error with a stack", async () => {
    const { dataDir, port, url } = await freshInstance("auth-log");
    const run = startSightline({
      PORT: String(port),
      SIGHTLINE_DATA_DIR: dataDir,
      SIGHTLINE_INIT_USER_EMAIL: "auth-log@example.com",
      SIGHTLINE_INIT_USER_PASSWORD: "auth-log-password-1",
    });
    await waitHealthy(url);

    const client = new SessionClient(url);
    expect(await client.signIn("auth-log@example.com", "not-the-password")).toBe(false);
    run.child.kill("SIGTERM");
    await run.exited;

    expect(run.output()).not.toContain("[auth]");
    expect(jsonLines(run.output())).toContainEqual(
      expect.objectContaining({ level: 40, authError: "CredentialsSignin" }),
    );
    expect(run.output()).not.toMatch(/^\s+at /m);
  });

  // embedded-postgres' own signal hook stopped Postgres as soon as SIGTERM arrived, while the
  // server was still finishing its requests: they failed, and pg-boss logged "terminating
  // connection due to administrator command" at level 50. The start script now stops the server
  // first and Postgres after it.
  it("stops on SIGTERM after the requests in flight, without an error in the log", async () => {
    const { dataDir, port, url } = await freshInstance("stop");
    const run = startSightline({
      PORT: String(port),
      SIGHTLINE_DATA_DIR: dataDir,
      SIGHTLINE_INIT_USER_EMAIL: "stop@example.com",
      SIGHTLINE_INIT_USER_PASSWORD: "stop-password-1",
      SIGHTLINE_INIT_PROJECT_PUBLIC_KEY: keys.publicKey,
      SIGHTLINE_INIT_PROJECT_SECRET_KEY: keys.secretKey,
    });
    await waitHealthy(url);

    const inFlight = startSlowExport(url, basicAuth(keys.publicKey, keys.secretKey));
    await new Promise((resolve) => setTimeout(resolve, 200));
    run.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    inFlight.finish();

    expect(await inFlight.status).toBe(200);
    expect(await run.exited).toBe(0);
    const faults = jsonLines(run.output()).filter((line) => Number(line.level) >= 50);
    expect(faults).toEqual([]);
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
  });

  it("exits non-zero with one clear line when DATABASE_URL is unreachable", async () => {
    const run = startSightline({
      DATABASE_URL: "postgresql://nobody:secret@127.0.0.1:1/nowhere",
      PORT: String(await findFreePort()),
    });
    const code = await run.exited;
    expect(code).not.toBe(0);
    expect(run.output()).toMatch(/cannot reach or migrate the database/);
    expect(run.output()).toContain("127.0.0.1:1/nowhere");
    expect(run.output()).not.toContain("secret");
  });
});
