// npm run bench:ui [-- --traces 100000 --spans-per-trace 10 --runs 30 --paints 5]
// Measures the trace explorer on its own server and embedded Postgres: the traces list's JSON
// route (p50/p95 per filter and sort) on a project of traces × spans-per-trace synthetic spans
// (1M by default), and, in Chromium, the time from navigation to visible tree rows for a
// 10,000-span trace (wide: 100 steps × 99 leaves) and a 10,000-deep chain.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright-core";
import postgres from "postgres";
import { postgresJsArgs } from "../lib/db/connection-options";

import { findFreePort, startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { deployMigrations } from "../lib/db/migrate";
import { SessionClient } from "../tests/setup/session-client";

const { values } = parseArgs({
  options: {
    traces: { type: "string", default: "100000" },
    "spans-per-trace": { type: "string", default: "10" },
    runs: { type: "string", default: "30" },
    paints: { type: "string", default: "5" },
  },
});
const traceCount = Number(values.traces);
const spansPerTrace = Number(values["spans-per-trace"]);
const runs = Number(values.runs);
const paints = Number(values.paints);

const USER = { email: "bench@example.com", password: "bench-password-1" };
const DAYS = 6;
const WIDE_TRACE = "f".repeat(31) + "1";
const DEEP_TRACE = "f".repeat(31) + "2";
const ROOT = root();

function root(): string {
  return path.resolve(__dirname, "..");
}

function log(message: string): void {
  console.log(`[bench:ui] ${message}`);
}

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error("server not healthy in time");
}

/** Spans of the big project: one AGENT root per trace and its children, spread over DAYS. */
async function seedProject(sql: postgres.Sql, projectId: string): Promise<void> {
  const from = Date.now() - DAYS * 86_400_000;
  const stepMs = (DAYS * 86_400_000) / traceCount;
  await sql.unsafe(
    `
    INSERT INTO spans (project_id, trace_id, span_id, parent_span_id, start_time, end_time,
      start_ns, end_ns, duration_ns, name, type, level, status_code, status_message, model,
      input_tokens, output_tokens, total_tokens, total_cost, input, output, user_id, session_id,
      feature, tags, environment, release)
    SELECT $1, trace_id, span_id, parent_span_id,
      to_timestamp(start_ns / 1e9), to_timestamp(end_ns / 1e9), start_ns, end_ns,
      end_ns - start_ns, name, type, level, CASE WHEN level = 'ERROR' THEN 2 ELSE 0 END,
      CASE WHEN level = 'ERROR' THEN 'tool timed out' END, model,
      input_tokens, output_tokens, input_tokens + output_tokens,
      CASE WHEN model IS NOT NULL THEN (input_tokens * 0.0000025 + output_tokens * 0.00001) END,
      input, output, user_id, session_id, feature, tags, environment, release
    FROM (
      SELECT lpad(to_hex(t), 32, '0') AS trace_id,
        lpad(to_hex(t::bigint * 16 + s), 16, '0') AS span_id,
        CASE WHEN s = 0 THEN NULL ELSE lpad(to_hex(t::bigint * 16), 16, '0') END AS parent_span_id,
        ((${from}::bigint + (t * ${stepMs})::bigint + s * 50) * 1000000) AS start_ns,
        ((${from}::bigint + (t * ${stepMs})::bigint + s * 50
          + CASE WHEN s = 0 THEN 600 + (random() * 4000)::int ELSE 20 + (random() * 400)::int END)
          * 1000000) AS end_ns,
        (ARRAY['agent-run','chat gpt-4o','web-search','retrieve','chat gpt-4o','format',
          'chat gpt-4o','lookup-order','rerank','finalize'])[1 + s % 10]
          || CASE WHEN s = 0 THEN '-' || (t % 20) ELSE '' END AS name,
        (ARRAY['AGENT','GENERATION','TOOL','RETRIEVER','GENERATION','SPAN','GENERATION','TOOL',
          'RETRIEVER','CHAIN'])[1 + s % 10] AS type,
        CASE WHEN s = 2 AND random() < 0.02 THEN 'ERROR' ELSE 'DEFAULT' END AS level,
        CASE WHEN s IN (1, 4, 6)
          THEN (ARRAY['gpt-4o','gpt-4o-mini','claude-sonnet-4-5'])[1 + t % 3] END AS model,
        CASE WHEN s IN (1, 4, 6) THEN 200 + (random() * 2000)::int END AS input_tokens,
        CASE WHEN s IN (1, 4, 6) THEN 20 + (random() * 500)::int END AS output_tokens,
        CASE WHEN s IN (0, 1, 4, 6) THEN jsonb_build_array(jsonb_build_object('role', 'user',
          'content', 'How do I reset the password of account ' || t || '?')) END AS input,
        CASE WHEN s IN (0, 1, 4, 6)
          THEN to_jsonb('Open settings, then security, for account ' || t) END AS output,
        CASE WHEN s = 0 THEN 'user-' || (t % 2000) END AS user_id,
        CASE WHEN s = 0 THEN 'session-' || (t / 5) END AS session_id,
        CASE WHEN s = 0
          THEN (ARRAY['support-bot','search','summarize','agent'])[1 + t % 4] END AS feature,
        CASE WHEN s = 0 THEN ARRAY['tag-' || (t % 7)] ELSE '{}' END AS tags,
        CASE WHEN s = 0 THEN (ARRAY['production','staging'])[1 + t % 2] END AS environment,
        CASE WHEN s = 0 THEN 'r' || (t % 12) END AS release
      FROM generate_series(1, ${traceCount}) AS t, generate_series(0, ${spansPerTrace - 1}) AS s
    ) AS g`,
    [projectId],
  );
}

/** A 10,000-span trace: `wide` is a root, 99 steps and 100 leaves each; `deep` is one chain. */
async function seedBigTrace(
  sql: postgres.Sql,
  projectId: string,
  traceId: string,
  shape: "wide" | "deep",
): Promise<void> {
  const start = Date.now() - 3_600_000;
  const parent =
    shape === "deep"
      ? `CASE WHEN s = 0 THEN NULL ELSE lpad(to_hex(s), 16, '0') END`
      : `CASE WHEN s = 0 THEN NULL WHEN s < 100 THEN lpad(to_hex(1), 16, '0')
           ELSE lpad(to_hex(2 + (s - 100) / 100), 16, '0') END`;
  await sql.unsafe(
    `
    INSERT INTO spans (project_id, trace_id, span_id, parent_span_id, start_time, end_time,
      start_ns, end_ns, duration_ns, name, type, level, model, input_tokens, output_tokens,
      total_tokens, total_cost, input, output)
    SELECT $1, $2, span_id, parent_span_id, to_timestamp(start_ns / 1e9),
      to_timestamp(end_ns / 1e9), start_ns, end_ns, end_ns - start_ns, name, type, 'DEFAULT',
      model, tokens, tokens / 5, tokens + tokens / 5,
      CASE WHEN model IS NOT NULL THEN tokens * 0.000003 END,
      jsonb_build_array(jsonb_build_object('role', 'user', 'content', repeat('context ', 50))),
      to_jsonb(repeat('answer ', 40))
    FROM (
      SELECT s, lpad(to_hex(s + 1), 16, '0') AS span_id, ${parent} AS parent_span_id,
        (${start}::bigint * 1000000 + s::bigint * 1000000) AS start_ns,
        (${start}::bigint * 1000000 + s::bigint * 1000000
          + CASE WHEN s = 0 THEN 20000 ELSE 1 + (s % 7) END * 1000000::bigint) AS end_ns,
        CASE WHEN s = 0 THEN 'batch-job' WHEN s % 3 = 0 THEN 'chat gpt-4o'
          ELSE 'step-' || s END AS name,
        CASE WHEN s = 0 THEN 'AGENT' WHEN s % 3 = 0 THEN 'GENERATION' ELSE 'TOOL' END AS type,
        CASE WHEN s % 3 = 0 THEN 'gpt-4o' END AS model,
        CASE WHEN s % 3 = 0 THEN 500 END AS tokens
      FROM generate_series(0, 9999) AS s
    ) AS g`,
    [projectId, traceId],
  );
}

async function seed(databaseUrl: string, projectId: string): Promise<void> {
  process.env.DATABASE_URL = databaseUrl;
  const { getSql } = await import("../lib/db/sql");
  const { ensureSpanPartitions, partitionMonthOf } = await import("../lib/ingest/span-partitions");
  const { RECOMPUTE_TRACES_SQL } = await import("../lib/ingest/trace-rollup-sql");
  const sql = getSql();

  const months = [0, DAYS].map(
    (days) => partitionMonthOf(BigInt(Date.now() - days * 86_400_000) * 1_000_000n) as string,
  );
  await ensureSpanPartitions(sql, months);

  let started = Date.now();
  await seedProject(sql as unknown as postgres.Sql, projectId);
  await seedBigTrace(sql as unknown as postgres.Sql, projectId, WIDE_TRACE, "wide");
  await seedBigTrace(sql as unknown as postgres.Sql, projectId, DEEP_TRACE, "deep");
  log(`inserted ${traceCount * spansPerTrace + 20_000} spans in ${elapsed(started)}`);

  // The rollups come from the ingest's own recompute statement, so they are what ingest makes.
  started = Date.now();
  const batch = 2000;
  for (let first = 1; first <= traceCount; first += batch) {
    const ids = Array.from({ length: Math.min(batch, traceCount - first + 1) }, (_, index) =>
      (first + index).toString(16).padStart(32, "0"),
    );
    await sql.unsafe(RECOMPUTE_TRACES_SQL, [projectId, ids]);
  }
  await sql.unsafe(RECOMPUTE_TRACES_SQL, [projectId, [WIDE_TRACE, DEEP_TRACE]]);
  await sql.unsafe("ANALYZE spans");
  await sql.unsafe("ANALYZE traces");
  log(`rolled up ${traceCount + 2} traces in ${elapsed(started)}`);
  await sql.end();
}

function elapsed(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

async function timeRoute(client: SessionClient, url: string): Promise<string> {
  const timings: number[] = [];
  let rows: number | null = null;
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    const response = await client.request(url);
    const body = (await response.json()) as { data?: unknown[]; nodes?: unknown[] };
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    rows = body.data?.length ?? body.nodes?.length ?? null;
    if (run > 0) timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const summary =
    `p50 ${percentile(timings, 0.5).toFixed(1)} ms, ` +
    `p95 ${percentile(timings, 0.95).toFixed(1)} ms`;
  return rows === null ? summary : `${summary} (${rows} rows)`;
}

async function measureListRoute(baseUrl: string, projectId: string): Promise<void> {
  const client = new SessionClient(baseUrl);
  if (!(await client.signIn(USER.email, USER.password))) throw new Error("bench sign-in failed");
  const base = `/api/projects/${projectId}/traces`;

  const first = (await (await client.request(`${base}?limit=50`)).json()) as {
    nextCursor: string;
  };
  const scenarios: Array<[string, string]> = [
    ["newest, last 7 days (default)", ""],
    ["newest, page 2 (cursor)", `cursor=${first.nextCursor}`],
    ["all time, slowest first", "range=all&sort=latency"],
    ["all time, most expensive first", "range=all&sort=cost"],
    ["all time, most tokens first", "range=all&sort=tokens"],
    ["user filter", "user=user-42"],
    ["model filter", "model=claude-sonnet-4-5"],
    ["errors only", "status=error"],
    ["tag + feature + env", "tag=tag-3&feature=search&env=staging"],
    ["latency 3-4 s, cost > $0.01", "minLatency=3000&maxLatency=4000&minCost=0.01"],
    ["search (frequent term)", "q=reset%20the%20password"],
    ["search (rare term, full scan)", "q=account%2099999%3F"],
    ["last hour", "range=1h"],
  ];
  for (const [label, query] of scenarios) {
    log(`list ${label}: ${await timeRoute(client, `${base}?${query}`)}`);
  }
  log(`trace skeleton route, 10k wide: ${await timeRoute(client, `${base}/${WIDE_TRACE}`)}`);
  const spanId = (5000).toString(16).padStart(16, "0");
  log(`span payload route: ${await timeRoute(client, `${base}/${WIDE_TRACE}/spans/${spanId}`)}`);
}

async function timeToTree(page: Page, url: string): Promise<{ paint: number; ready: number }> {
  const started = performance.now();
  await page.goto(url, { waitUntil: "commit" });
  await page.locator("[data-testid=tree-row]").first().waitFor({ state: "visible" });
  const paint = performance.now() - started;
  // Hydrated and answering: a click selects a span and loads its payload. Rows are rendered on
  // the server, so a click that lands before hydration does nothing and is repeated.
  const target = page.locator("[data-testid=tree-row]").nth(2);
  const spanId = await target.getAttribute("data-span-id");
  const deadline = Date.now() + 30_000;
  while ((await target.getAttribute("aria-selected")) !== "true") {
    if (Date.now() > deadline) throw new Error("the tree did not answer a click within 30 s");
    await target.click();
  }
  await page.locator(`[data-testid=span-panel][data-span-id="${spanId}"]`).waitFor();
  await page.getByText("Loading span…").waitFor({ state: "detached" });
  return { paint, ready: performance.now() - started };
}

async function measurePaint(baseUrl: string, projectId: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel("Email").fill(USER.email);
    await page.getByLabel("Password").fill(USER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/project\//);

    for (const [label, traceId] of [
      ["10k-span trace (wide)", WIDE_TRACE],
      ["10k-span trace (10k deep)", DEEP_TRACE],
    ] as const) {
      const url = `${baseUrl}/project/${projectId}/traces/${traceId}`;
      const results: Array<{ paint: number; ready: number }> = [];
      for (let run = 0; run <= paints; run++) {
        const result = await timeToTree(page, url);
        if (run > 0) results.push(result);
      }
      const paintsSorted = results.map((result) => result.paint).sort((a, b) => a - b);
      const readySorted = results.map((result) => result.ready).sort((a, b) => a - b);
      log(
        `${label}: navigation → tree rows visible ` +
          `p50 ${percentile(paintsSorted, 0.5).toFixed(0)} ms ` +
          `(max ${paintsSorted.at(-1)?.toFixed(0)} ms); → hydrated, span clicked and loaded ` +
          `p50 ${percentile(readySorted, 0.5).toFixed(0)} ms`,
      );
    }

    const listUrl = `${baseUrl}/project/${projectId}/traces`;
    const listPaints: number[] = [];
    for (let run = 0; run <= paints; run++) {
      const started = performance.now();
      await page.goto(listUrl, { waitUntil: "commit" });
      await page.locator("[data-testid=trace-row]").first().waitFor({ state: "visible" });
      if (run > 0) listPaints.push(performance.now() - started);
    }
    listPaints.sort((a, b) => a - b);
    log(
      "traces list page: navigation → rows visible " +
        `p50 ${percentile(listPaints, 0.5).toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "sightline-bench-ui-"));
  const appDir = await mkdtemp(path.join(os.tmpdir(), "sightline-bench-ui-app-"));
  const database = await startEmbeddedPostgres({ dataDir });
  let server: ChildProcess | null = null;
  try {
    await deployMigrations(database.databaseUrl);
    const port = await findFreePort();
    const baseUrl = `http://localhost:${port}`;
    server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: database.databaseUrl,
        SIGHTLINE_DATA_DIR: appDir,
        LOG_LEVEL: "warn",
        SIGHTLINE_INIT_USER_EMAIL: USER.email,
        SIGHTLINE_INIT_USER_PASSWORD: USER.password,
        SIGHTLINE_INIT_ORG_NAME: "Bench",
        SIGHTLINE_INIT_PROJECT_NAME: "Bench UI",
      },
    });
    log("starting Sightline (builds first when the build is stale) ...");
    await waitForHealth(baseUrl, server);

    const sql = postgres(...postgresJsArgs(database.databaseUrl));
    const [project] = await sql<{ id: string }[]>`
      SELECT id FROM "Project" WHERE name = 'Bench UI' LIMIT 1`;
    await sql.end();
    if (!project) throw new Error("bootstrap project missing");

    log(`seeding ${traceCount} traces × ${spansPerTrace} spans, plus two 10k-span traces ...`);
    await seed(database.databaseUrl, project.id);

    await measureListRoute(baseUrl, project.id);
    await measurePaint(baseUrl, project.id);
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server?.once("exit", resolve));
    }
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(appDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
