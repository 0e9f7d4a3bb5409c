// The batch writer against its own database: monthly partitions on demand, the default
// partition as the fallback, and trace rollups that stay right under concurrent writers.
import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { getSql as getSqlFunction } from "../../lib/db/sql";
import { mapSpan } from "../../lib/ingest/map/map-span";
import { buildSpan } from "../../lib/ingest/map/test-builders";
import type { DecodedSpan } from "../../lib/ingest/types";
import type { writeSpans as writeSpansFunction } from "../../lib/ingest/write-spans";
import { startTestDatabase } from "../setup/test-database";

// Imported for their types only: the modules are loaded after DATABASE_URL is set.
type WriteSpans = typeof writeSpansFunction;
type GetSql = typeof getSqlFunction;

const PROJECT = "writer-test-project";
const DAY_MS = 24 * 3600 * 1000;

let database: Awaited<ReturnType<typeof startTestDatabase>>;
let writeSpans: WriteSpans;
let getSql: GetSql;

beforeAll(async () => {
  database = await startTestDatabase();
  process.env.DATABASE_URL = database.databaseUrl;
  ({ writeSpans } = await import("../../lib/ingest/write-spans"));
  ({ getSql } = await import("../../lib/db/sql"));
});

afterAll(async () => {
  await getSql?.().end();
  await database?.stop();
});

function hex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}

function spanAt(millis: number, overrides: Partial<DecodedSpan> = {}): DecodedSpan {
  const start = BigInt(millis) * 1_000_000n;
  return buildSpan(
    { "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 3 },
    {
      traceId: hex(16),
      spanId: hex(8),
      startTimeUnixNano: start.toString(),
      endTimeUnixNano: (start + 1_000_000n).toString(),
      ...overrides,
    },
  );
}

async function write(spans: DecodedSpan[]) {
  return writeSpans(PROJECT, spans.map(mapSpan), { maxIoBytes: 1024 * 1024 });
}

async function partitionOf(spanId: string): Promise<string | undefined> {
  const [row] = await getSql()<{ partition: string }[]>`
    SELECT tableoid::regclass::text AS partition FROM spans WHERE span_id = ${spanId}`;
  return row?.partition;
}

describe("span partitions", () => {
  it("should create the month's partition for a recent span", async () => {
    const now = new Date();
    const recent = spanAt(now.getTime());
    const month = String(now.getUTCMonth() + 1).padStart(2, "0");

    await write([recent]);

    expect(await partitionOf(recent.spanId)).toBe(`spans_${now.getUTCFullYear()}_${month}`);
  });

  it("should put spans more than five years away in the default partition", async () => {
    const ancient = spanAt(Date.UTC(1999, 0, 1));
    const far = spanAt(Date.now() + 20 * 365 * DAY_MS);

    await write([ancient, far]);

    expect(await partitionOf(ancient.spanId)).toBe("spans_default");
    expect(await partitionOf(far.spanId)).toBe("spans_default");
    const [tables] = await getSql()<{ count: bigint }[]>`
      SELECT count(*) FROM pg_tables WHERE tablename IN ('spans_1999_01', 'spans_2046_12')`;
    expect(tables?.count).toBe(0n);
  });

  it("should keep using the default partition when it already holds the month's rows", async () => {
    const month = new Date(Date.now() - 3 * 365 * DAY_MS);
    const millis = Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 10);
    const squatter = spanAt(millis);
    await getSql()`
      INSERT INTO spans_default (project_id, trace_id, span_id, start_time, end_time, start_ns,
        end_ns, duration_ns, name, type, level)
      VALUES (${PROJECT}, ${squatter.traceId}, ${squatter.spanId},
        ${new Date(millis)}, ${new Date(millis)}, 0, 0, 0, 'squatter', 'SPAN', 'DEFAULT')`;
    const arriving = spanAt(millis + 1000);

    const result = await write([arriving]);

    expect(result.written).toBe(1);
    expect(await partitionOf(arriving.spanId)).toBe("spans_default");
  });
});

describe("trace rollups under concurrency", () => {
  it("should count every span when many requests write one trace at once", async () => {
    const traceId = hex(16);
    const rootId = hex(8);
    const base = Date.now() - 60_000;
    const batches = Array.from({ length: 12 }, (_, batch) =>
      Array.from({ length: 25 }, (_, index) =>
        spanAt(base + batch * 100 + index, {
          traceId,
          parentSpanId: batch === 0 && index === 0 ? "" : rootId,
          ...(batch === 0 && index === 0 ? { spanId: rootId } : {}),
        }),
      ),
    );

    // Re-sends of some batches race with the first sends: no span may be lost or doubled.
    await Promise.all([...batches, ...batches.slice(0, 4)].map((spans) => write(spans)));

    const [trace] = await getSql()<
      {
        span_count: number;
        input_tokens: bigint;
        missing_parent_count: number;
        root_span_id: string;
      }[]
    >`SELECT span_count, input_tokens, missing_parent_count, root_span_id
      FROM traces WHERE project_id = ${PROJECT} AND trace_id = ${traceId}`;
    expect(trace).toEqual({
      span_count: 300,
      input_tokens: 900n,
      missing_parent_count: 0,
      root_span_id: rootId,
    });
  });

  it("should merge a span sent twice in one batch into one row", async () => {
    const first = spanAt(Date.now() - 1000, { name: "first" });
    const again = { ...first, name: "again" };

    const result = await write([first, again]);

    expect(result.written).toBe(1);
    const rows = await getSql()`SELECT name FROM spans WHERE span_id = ${first.spanId}`;
    expect(rows.map((row) => row.name)).toEqual(["again"]);
  });
});

describe("trace rollups computed with the batch", () => {
  // Regression guard: traces stored for the first time take rollups computed in the app from
  // the batch (buildTraceRollupLines) instead of RECOMPUTE_TRACES_SQL; both must agree.
  async function traceRow(traceId: string) {
    const [row] = await getSql()`
      SELECT * FROM traces WHERE project_id = ${PROJECT} AND trace_id = ${traceId}`;
    const { updated_at: _updated, created_at: _created, ...rest } = row ?? {};
    return rest;
  }

  async function expectSameAsRecomputed(traceIds: string[]) {
    const fromBatch = await Promise.all(traceIds.map(traceRow));
    const { RECOMPUTE_TRACES_SQL } = await import("../../lib/ingest/trace-rollup-sql");
    await getSql().unsafe(RECOMPUTE_TRACES_SQL, [PROJECT, traceIds]);
    const recomputed = await Promise.all(traceIds.map(traceRow));
    expect(fromBatch).toEqual(recomputed);
  }

  it("should match the SQL rollup for realistic agent and RAG traces", async () => {
    const { generateRequests } = await import("../../bench/ingest-traces");
    const { decodeTraceRequest } = await import("../../lib/otlp/decode-request");
    const { encodeProtobufBody } = await import("../../lib/otlp/test-builders");
    const [body] = generateRequests(300, 300).map(encodeProtobufBody);
    const { spans } = decodeTraceRequest(body as Uint8Array, "application/x-protobuf", null);

    await write(spans);

    await expectSameAsRecomputed([...new Set(spans.map((item) => item.traceId))]);
  });

  it("should match the SQL rollup: missing parents, cycles, ties, tags, odd costs", async () => {
    const now = Date.now() - 60_000;
    const orphanTrace = hex(16);
    const root = spanAt(now, {
      traceId: orphanTrace,
      attributes: [],
      name: "root",
    });
    const orphan = buildSpan(
      {
        "gen_ai.request.model": "zeta-model",
        "gen_ai.usage.input_tokens": 7,
        "langfuse.observation.level": "WARNING",
        "langfuse.trace.tags": ["b", "a", "ä", "😀", "ｚ"],
        "langfuse.user.id": "user-late",
        "langfuse.observation.cost_details": JSON.stringify({
          input: 0.0000001234567891234,
          output: 1.5,
          total: 1.5000001234567891,
        }),
      },
      {
        traceId: orphanTrace,
        spanId: hex(8),
        parentSpanId: hex(8),
        startTimeUnixNano: `${BigInt(now) * 1_000_000n}`,
        endTimeUnixNano: `${BigInt(now + 5) * 1_000_000n}`,
      },
    );
    const child = buildSpan(
      {
        "gen_ai.request.model": "alpha-model",
        "gen_ai.usage.output_tokens": 11,
        "langfuse.observation.level": "ERROR",
        "langfuse.trace.name": "named by a child",
        "langfuse.trace.input": JSON.stringify({ question: "why?" }),
        "langfuse.trace.tags": ["a", "c"],
        "langfuse.session.id": "session-1",
      },
      {
        traceId: orphanTrace,
        spanId: hex(8),
        parentSpanId: root.spanId,
        startTimeUnixNano: `${BigInt(now + 1) * 1_000_000n + 7n}`,
        endTimeUnixNano: `${BigInt(now + 9) * 1_000_000n}`,
      },
    );

    const cycleTrace = hex(16);
    const [left, right] = [hex(8), hex(8)];
    const cycle = [
      spanAt(now, { traceId: cycleTrace, spanId: left, parentSpanId: right, name: "left" }),
      spanAt(now, { traceId: cycleTrace, spanId: right, parentSpanId: left, name: "right" }),
    ];

    await write([root, orphan, child, ...cycle]);

    await expectSameAsRecomputed([orphanTrace, cycleTrace]);
  });
});

describe("a COPY the server refuses", () => {
  // Regression: postgres.js never finishes a COPY stream the server refused (its error reaches
  // nothing that is still waited on), so a batch with a cost overflowing NUMERIC(30, 12) hung
  // its request for the 120 s COPY timeout, holding its trace locks and connection. The
  // refusal is now caught as it arrives.
  it("should fail the write at once with the server's error, the pool still usable", async () => {
    const { buildSpanBatch, writeSpanBatch } = await import("../../lib/ingest/write-spans");
    const refused = spanAt(Date.now() - 2000, {
      attributes: [{ key: "llm.cost.total", value: { stringValue: "0.123456789" } }],
    });
    const batch = buildSpanBatch(PROJECT, [mapSpan(refused)], { maxIoBytes: 1024 * 1024 });
    // A value the row checks would never let through, put straight into the COPY text.
    const text = Buffer.from(batch.copyText).toString("utf8");
    expect(text).toContain("\t0.123456789\t");
    batch.copyText = Buffer.from(text.replace("\t0.123456789\t", `\t1${"0".repeat(20)}\t`));

    const started = Date.now();
    await expect(writeSpanBatch(PROJECT, batch)).rejects.toThrow(
      /^COPY of spans was refused: numeric field overflow/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);

    // Other writes, as many as the pool has connections, go on; the refused batch left nothing.
    const others = Array.from({ length: 12 }, () => spanAt(Date.now() - 1000));
    const results = await Promise.all(others.map((span) => write([span])));
    expect(results.map((result) => result.written)).toEqual(others.map(() => 1));
    const stored = await getSql()<{ count: bigint }[]>`
      SELECT count(*) FROM spans WHERE project_id = ${PROJECT} AND trace_id = ${refused.traceId}`;
    expect(stored[0]?.count).toBe(0n);
    const aborted = await getSql()<{ count: bigint }[]>`
      SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction (aborted)'`;
    expect(aborted[0]?.count).toBe(0n);
  }, 30_000);
});
