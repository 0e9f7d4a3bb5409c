// npm run bench:ingest [-- --spans 200000 --concurrency 8 --batch 500]
// Ingest throughput end to end: a fresh embedded Postgres and the built app (scripts/start.ts),
// realistic agent/RAG traces sent as OTLP protobuf requests over loopback, `concurrency` at a
// time. Then the raw ceiling: the same rows COPYed into a bare table. Prints spans/s, request
// p50/p99, rows/s and the ratio ingest/ceiling.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import postgres from "postgres";

import { postgresJsConnection } from "../lib/db/connection-options";
import { findFreePort, startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { deployMigrations } from "../lib/db/migrate";
import { getIngestLimits } from "../lib/ingest/ingest-limits";
import { prepareOtlpRequest } from "../lib/ingest/prepare-otlp-request";
import { DEFAULT_BODY_LIMITS } from "../lib/otlp/decode-request";
import { encodeProtobufBody } from "../lib/otlp/test-builders";
import { copyChunks, createCeilingTable } from "./copy-ceiling";
import { generateRequests } from "./ingest-traces";
import { cpuSecondsOfTree } from "./process-cpu";

const { values } = parseArgs({
  options: {
    spans: { type: "string", default: "200000" },
    concurrency: { type: "string", default: "8" },
    batch: { type: "string", default: "500" },
  },
});
const spanCount = Number(values.spans);
const concurrency = Number(values.concurrency);
const batchSize = Number(values.batch);
const KEYS = {
  publicKey: "pk-sl-bench-public-key",
  secretKey: "sk-sl-bench-secret-key-0123456789",
};
const AUTH = `Basic ${Buffer.from(`${KEYS.publicKey}:${KEYS.secretKey}`).toString("base64")}`;

async function startApp(databaseUrl: string, dataDir: string) {
  const port = await findFreePort();
  const root = path.resolve(__dirname, "..");
  const server = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SIGHTLINE_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      SIGHTLINE_INIT_USER_EMAIL: "bench@example.com",
      SIGHTLINE_INIT_USER_PASSWORD: "bench-password-1",
      SIGHTLINE_INIT_PROJECT_PUBLIC_KEY: KEYS.publicKey,
      SIGHTLINE_INIT_PROJECT_SECRET_KEY: KEYS.secretKey,
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server);
  return { baseUrl, server };
}

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Sightline exited with ${server.exitCode}`);
    const healthy = await fetch(`${baseUrl}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error("Sightline was not healthy in time");
}

async function send(baseUrl: string, body: Uint8Array): Promise<number> {
  const started = performance.now();
  const post = () =>
    fetch(`${baseUrl}/api/public/otel/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/x-protobuf", authorization: AUTH },
      body: Buffer.from(body),
    });
  // A kept-alive connection the server closes as idle just when a request starts on it fails
  // before any reply (seen once after the pause of generating the batches): send it again, as
  // OTLP exporters do on network errors.
  const response = await post().catch(post);
  const reply = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200 || reply.byteLength !== 0) {
    throw new Error(`ingest answered ${response.status}: ${Buffer.from(reply).toString()}`);
  }
  return performance.now() - started;
}

/** Sends every body, `concurrency` in flight; returns elapsed ms and per-request latencies. */
async function sendAll(baseUrl: string, bodies: Uint8Array[]) {
  const queue = [...bodies];
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let body = queue.shift(); body !== undefined; body = queue.shift()) {
        latencies.push(await send(baseUrl, body));
      }
    }),
  );
  return { elapsedMs: performance.now() - started, latencies: latencies.sort((a, b) => a - b) };
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

/**
 * The COPY text the app writes for the same bodies, one chunk per request: built by the same
 * function the ingest workers run, with the project's prices, so the ceiling copies exactly the
 * bytes ingest sends (costs included).
 */
async function buildCopyChunks(projectId: string, bodies: Uint8Array[]): Promise<Uint8Array[]> {
  const { loadPriceBook } = await import("../lib/cost/price-store");
  const { getPrisma } = await import("../lib/db/prisma");
  const priceBook = await loadPriceBook(projectId);
  await getPrisma().$disconnect();
  return bodies.map(
    (body) =>
      prepareOtlpRequest({
        projectId,
        body,
        contentType: "application/x-protobuf",
        contentEncoding: null,
        bodyLimits: DEFAULT_BODY_LIMITS,
        maxIoBytes: getIngestLimits().maxIoBytes,
        priceBook,
      }).batch.copyText,
  );
}

/** Sends the bodies and prints throughput, latency and where the CPU went; returns spans/s. */
async function measureIngest(
  baseUrl: string,
  bodies: Uint8Array[],
  pids: Array<number | undefined>,
) {
  const cpuBefore = pids.map(cpuSecondsOfTree);
  const ingest = await sendAll(baseUrl, bodies);
  const cpuAfter = pids.map(cpuSecondsOfTree);
  const rate = (spanCount / ingest.elapsedMs) * 1000;
  console.log(
    `ingest: ${spanCount} spans in ${(ingest.elapsedMs / 1000).toFixed(1)} s = ` +
      `${Math.round(rate)} spans/s, ` +
      `request p50 ${percentile(ingest.latencies, 0.5).toFixed(0)} ms, ` +
      `p99 ${percentile(ingest.latencies, 0.99).toFixed(0)} ms (concurrency ${concurrency})`,
  );

  const [appCpu, postgresCpu] = cpuAfter.map((after, index) => {
    const before = cpuBefore[index];
    return after === null || before === null || before === undefined ? null : after - before;
  });
  if (appCpu != null && postgresCpu != null) {
    const share = (cpu: number) => `${((cpu / (ingest.elapsedMs / 1000)) * 100).toFixed(0)}%`;
    const perSpan = (cpu: number) => `${((cpu * 1e6) / spanCount).toFixed(0)} µs/span`;
    console.log(
      `CPU during ingest: app ${appCpu.toFixed(1)} s (${share(appCpu)} of a core, ` +
        `${perSpan(appCpu)}), Postgres ${postgresCpu.toFixed(1)} s (${share(postgresCpu)} of a ` +
        `core, ${perSpan(postgresCpu)}), on ${os.cpus().length} cores`,
    );
  }
  return rate;
}

/**
 * COPYs the same rows with 1 and `concurrency` streams; prints rows/s, the Postgres CPU per
 * row (to compare with ingest's) and the ratios.
 */
async function measureCeiling(
  sql: postgres.Sql<{ bigint: bigint }>,
  chunks: Uint8Array[],
  ingestRate: number,
  postgresPid: number,
) {
  const rates: number[] = [];
  for (const streams of [1, concurrency]) {
    await createCeilingTable(sql);
    const cpuBefore = cpuSecondsOfTree(postgresPid);
    const rate = (spanCount / (await copyChunks(sql, chunks, streams))) * 1000;
    const cpuAfter = cpuSecondsOfTree(postgresPid);
    rates.push(rate);
    const cpu =
      cpuBefore === null || cpuAfter === null
        ? ""
        : `, Postgres CPU ${(((cpuAfter - cpuBefore) * 1e6) / spanCount).toFixed(0)} µs/row`;
    console.log(
      `ceiling (COPY, bare table, ${streams} stream(s)): ${Math.round(rate)} rows/s${cpu}, ` +
        `ratio ingest/ceiling ${(ingestRate / rate).toFixed(2)}`,
    );
  }
  console.log(`ratio ingest / best ceiling: ${(ingestRate / Math.max(...rates)).toFixed(2)}`);
}

async function main(): Promise<void> {
  // Separate folders: startEmbeddedPostgres opens its own up to the postgres user.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "sightline-bench-ingest-db-"));
  const appDir = await mkdtemp(path.join(os.tmpdir(), "sightline-bench-ingest-app-"));
  const database = await startEmbeddedPostgres({ dataDir });
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  // The same transport as the app's (a Unix socket when there is one), for a fair ceiling.
  const connection = postgresJsConnection(database.databaseUrl);
  const sql = postgres(connection.url, {
    path: connection.path,
    onnotice: () => {},
    types: { bigint: postgres.BigInt },
  });
  try {
    await deployMigrations(database.databaseUrl);
    app = await startApp(database.databaseUrl, appDir);

    console.log(`generating ${spanCount} spans in requests of ~${batchSize} ...`);
    const bodies = generateRequests(spanCount, batchSize).map(encodeProtobufBody);
    const megabytes = bodies.reduce((sum, body) => sum + body.byteLength, 0) / 1024 / 1024;
    console.log(`${bodies.length} requests, ${megabytes.toFixed(1)} MiB of protobuf`);

    // Warm-up (not measured): JIT, prepared statements, the month's partition.
    await sendAll(app.baseUrl, generateRequests(2 * batchSize, batchSize).map(encodeProtobufBody));

    const postmaster = await readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8");
    const postgresPid = Number(postmaster.split("\n")[0]);
    const ingestRate = await measureIngest(app.baseUrl, bodies, [app.server.pid, postgresPid]);
    const [stored] = await sql<{ count: bigint }[]>`SELECT count(*) FROM spans`;
    console.log(`${stored?.count} spans stored (with the warm-up)`);

    const [project] = await sql<{ id: string }[]>`SELECT id FROM "Project" LIMIT 1`;
    process.env.DATABASE_URL = database.databaseUrl;
    await measureCeiling(
      sql,
      await buildCopyChunks(project?.id ?? "bench", bodies),
      ingestRate,
      postgresPid,
    );
  } finally {
    await sql.end();
    if (app) {
      app.server.kill("SIGTERM");
      await new Promise((resolve) => app?.server.once("exit", resolve));
    }
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(appDir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
