// npm run bench:cost [-- --spans 1000000 --days 30 --runs 5]
// Measures the cost report (the queries behind the cost page and /api/public/metrics) on a
// project with N synthetic generation spans spread over D days, on a fresh embedded Postgres.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { postgresJsArgs } from "../lib/db/connection-options";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { deployMigrations } from "../lib/db/migrate";

const { values } = parseArgs({
  options: {
    spans: { type: "string", default: "1000000" },
    days: { type: "string", default: "30" },
    runs: { type: "string", default: "5" },
  },
});
const spanCount = Number(values.spans);
const days = Number(values.days);
const runs = Number(values.runs);
const PROJECT = "bench-project";
const SPANS_PER_TRACE = 5;

async function seed(sql: postgres.Sql): Promise<void> {
  const now = Date.now();
  const from = new Date(now - days * 86_400_000);
  // Monthly partitions covering the range, as the writer would create them.
  for (
    let month = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
    month.getTime() < now;
  ) {
    const next = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
    const monthNumber = String(month.getUTCMonth() + 1).padStart(2, "0");
    const name = `spans_${month.getUTCFullYear()}_${monthNumber}`;
    await sql.unsafe(
      `CREATE TABLE IF NOT EXISTS "${name}" PARTITION OF spans ` +
        `FOR VALUES FROM ('${month.toISOString()}') TO ('${next.toISOString()}')`,
    );
    month = next;
  }
  const traceCount = Math.ceil(spanCount / SPANS_PER_TRACE);
  const step = (days * 86_400_000) / traceCount;
  console.log(`seeding ${spanCount} spans in ${traceCount} traces over ${days} days ...`);
  const started = Date.now();
  await sql.unsafe(`
    INSERT INTO traces (project_id, trace_id, name, start_time, end_time, start_ns, end_ns,
      duration_ns, user_id, feature, environment, tags, total_cost, input_tokens, output_tokens,
      span_count)
    SELECT '${PROJECT}', lpad(to_hex(g), 32, '0'), 'trace-' || (g % 20),
      to_timestamp((${from.getTime()} + g::bigint * ${step}) / 1000.0),
      to_timestamp((${from.getTime()} + g::bigint * ${step}) / 1000.0),
      0, 0, 1000000000, 'user-' || (g % 500),
      (ARRAY['support-bot','search','summarize','agent'])[1 + g % 4],
      'production', ARRAY['tag-' || (g % 7)], 0.01, 1000, 200, ${SPANS_PER_TRACE}
    FROM generate_series(1, ${traceCount}) AS g`);
  await sql.unsafe(`
    INSERT INTO spans (project_id, trace_id, span_id, start_time, end_time, start_ns, end_ns,
      duration_ns, name, type, level, model, input_tokens, output_tokens, total_cost, input_cost,
      output_cost, user_id, feature)
    SELECT '${PROJECT}', lpad(to_hex(t), 32, '0'), lpad(to_hex(s), 16, '0'),
      to_timestamp((${from.getTime()} + t::bigint * ${step}) / 1000.0),
      to_timestamp((${from.getTime()} + t::bigint * ${step}) / 1000.0),
      0, 0, 500000000, 'llm', 'GENERATION', 'DEFAULT',
      (ARRAY['gpt-4o','gpt-4o-mini','claude-sonnet-4-5','gemini-2.5-flash'])[1 + s % 4],
      200, 40, 0.002, 0.001, 0.001, 'user-' || (t % 500),
      (ARRAY['support-bot','search','summarize','agent'])[1 + t % 4]
    FROM generate_series(1, ${traceCount}) AS t, generate_series(1, ${SPANS_PER_TRACE}) AS s`);
  await sql.unsafe("ANALYZE spans; ANALYZE traces");
  console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "sightline-bench-cost-"));
  const database = await startEmbeddedPostgres({ dataDir });
  try {
    await deployMigrations(database.databaseUrl);
    process.env.DATABASE_URL = database.databaseUrl;
    const sql = postgres(...postgresJsArgs(database.databaseUrl));
    await seed(sql);
    await sql.end();

    const { buildCostReport, buildCostReportFromSpans } = await import("../lib/cost/cost-report");
    const { markAllCostHoursDirty } = await import("../lib/cost/cost-rollups");
    const to = new Date();
    const fromDate = new Date(to.getTime() - days * 86_400_000);
    const args = {
      projectId: PROJECT,
      from: fromDate,
      to,
      granularity: "day" as const,
      timeZone: "Europe/Berlin",
    };

    // As if every hour had just been written: the first report refreshes all rollups.
    await markAllCostHoursDirty(PROJECT);
    const coldStart = performance.now();
    await buildCostReport({ ...args, groupBy: "feature" });
    console.log(
      "first report (refreshes every hour's rollup): " +
        `${(performance.now() - coldStart).toFixed(0)} ms`,
    );

    const rawStart = performance.now();
    await buildCostReportFromSpans({ ...args, groupBy: "feature" });
    console.log(
      `same report straight from the spans: ${(performance.now() - rawStart).toFixed(0)} ms`,
    );

    for (const groupBy of ["feature", "model", "userId"] as const) {
      const timings: number[] = [];
      for (let run = 0; run < runs + 1; run += 1) {
        const started = performance.now();
        await buildCostReport({ ...args, groupBy });
        if (run > 0) timings.push(performance.now() - started);
      }
      timings.sort((a, b) => a - b);
      console.log(
        `cost report by ${groupBy} over ${spanCount} spans: ` +
          `p50 ${percentile(timings, 0.5).toFixed(0)} ms, max ${timings.at(-1)?.toFixed(0)} ms`,
      );
    }
  } finally {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  process.exit(0);
}

void main();
