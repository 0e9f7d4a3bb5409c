import { describe, expect, inject, it } from "vitest";
import { attribute, stringAttribute } from "../../lib/otlp/test-builders";
import {
  baseUrl,
  createOtherProject,
  getJson,
  nanos,
  newSpanId,
  newTraceId,
  postSpans,
  span,
} from "./ingest-helpers";
import { bootstrapProject, signInOwner } from "./reviewer-helpers";

function intAttribute(key: string, value: number) {
  return attribute(key, { intValue: String(value) });
}

function generation(traceId: string, model: string, input: number, output: number, cached = 0) {
  return span(traceId, newSpanId(), "", "llm", 0, 1000, {
    attributes: [
      stringAttribute("gen_ai.operation.name", "chat"),
      stringAttribute("gen_ai.request.model", model),
      intAttribute("gen_ai.usage.input_tokens", input),
      intAttribute("gen_ai.usage.output_tokens", output),
      intAttribute("gen_ai.usage.cache_read.input_tokens", cached),
    ],
  });
}

async function traceCost(traceId: string, auth: string) {
  const { status, body } = await getJson<{
    totalCost: number | null;
    observations: Array<{ totalCost: number | null } & Record<string, unknown>>;
  }>(`/api/public/traces/${traceId}`, auth);
  expect(status).toBe(200);
  return body;
}

async function waitForRecompute(runId: string, auth: string): Promise<void> {
  // The run's progress is visible through the span costs; poll the models list until settled.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const runs = await fetch(`${baseUrl()}/api/public/models`, {
      headers: { authorization: auth },
    });
    expect(runs.status).toBe(200);
    const done = await import("../../lib/db/prisma").then(({ getPrisma }) =>
      getPrisma().costRecomputeRun.findUnique({ where: { id: runId } }),
    );
    if (done?.status === "done") return;
    if (done?.status === "failed") throw new Error(`recompute failed: ${done.error}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error("recompute did not finish in time");
}

describe("cost at ingest and after a price change", () => {
  it("prices a known model exactly, with cached tokens at the cache rate", async () => {
    const project = await createOtherProject(`cost-known-${newSpanId()}`);
    const traceId = newTraceId();
    // gpt-4o-mini: $0.15 / 1M input, $0.075 / 1M cached, $0.60 / 1M output.
    const response = await postSpans(
      [generation(traceId, "gpt-4o-mini", 1_000_000, 100_000, 400_000)],
      {
        auth: project.auth,
      },
    );
    expect(response.status).toBe(200);
    const trace = await traceCost(traceId, project.auth);
    expect(Number(trace.totalCost)).toBeCloseTo(0.09 + 0.03 + 0.06, 12);
    expect(trace.observations[0]?.totalCost).toBe(trace.totalCost);
    // Langfuse's older flat fields, which its clients still read.
    expect(trace.observations[0]).toMatchObject({
      usage: { input: 1_000_000, output: 100_000, total: 1_100_000, unit: "TOKENS" },
      promptTokens: 1_000_000,
      completionTokens: 100_000,
      calculatedTotalCost: trace.totalCost,
    });
  });

  it("leaves an unknown model unpriced, then prices it after a custom price, once", async () => {
    const project = await createOtherProject(`cost-custom-${newSpanId()}`);
    const traceId = newTraceId();
    // Regression: real SDKs send sub-millisecond start times, which the recompute once lost
    // (it paged and matched rows by millisecond Dates, so it looped and updated nothing).
    const subMillisecond = generation(traceId, "acme-llm-v1", 3000, 0);
    subMillisecond.startTimeUnixNano = (
      BigInt(String(subMillisecond.startTimeUnixNano)) + 123_456n
    ).toString();
    await postSpans([generation(traceId, "acme-llm-v1", 1000, 1000), subMillisecond], {
      auth: project.auth,
    });
    expect((await traceCost(traceId, project.auth)).totalCost).toBeNull();

    const created = await fetch(`${baseUrl()}/api/public/models`, {
      method: "POST",
      headers: { authorization: project.auth, "content-type": "application/json" },
      body: JSON.stringify({
        modelName: "acme-llm",
        aliases: ["acme-llm-v1"],
        inputPrice: "0.001",
        outputPrice: "0.002",
      }),
    });
    expect(created.status).toBe(201);
    const { recomputeRunId } = (await created.json()) as { recomputeRunId: string };
    await waitForRecompute(recomputeRunId, project.auth);

    const trace = await traceCost(traceId, project.auth);
    expect(trace.totalCost).toBe(6);

    // A second recompute replaces costs instead of adding to them.
    const again = await fetch(`${baseUrl()}/api/public/models`, {
      method: "POST",
      headers: { authorization: project.auth, "content-type": "application/json" },
      body: JSON.stringify({ modelName: "unrelated-model", inputPrice: "1" }),
    });
    await waitForRecompute(
      ((await again.json()) as { recomputeRunId: string }).recomputeRunId,
      project.auth,
    );
    expect((await traceCost(traceId, project.auth)).totalCost).toBe(6);
  });

  // Regression: a second project price of a model with the same start date was added beside the
  // first, and pricing kept the first; now it replaces the first.
  it("replaces the project's price of a model with the same start date", async () => {
    const project = await createOtherProject(`cost-replace-${newSpanId()}`);
    const traceId = newTraceId();
    await postSpans([generation(traceId, "replaced-llm", 1000, 0)], { auth: project.auth });

    let runId = "";
    for (const inputPrice of ["0.001", "0.002"]) {
      const response = await fetch(`${baseUrl()}/api/public/models`, {
        method: "POST",
        headers: { authorization: project.auth, "content-type": "application/json" },
        body: JSON.stringify({
          modelName: "replaced-llm",
          startDate: "2024-01-01T00:00:00Z",
          inputPrice,
        }),
      });
      expect(response.status).toBe(201);
      runId = ((await response.json()) as { recomputeRunId: string }).recomputeRunId;
    }
    await waitForRecompute(runId, project.auth);

    expect((await traceCost(traceId, project.auth)).totalCost).toBe(2);
    const models = await getJson<{ data: Array<{ modelName: string; inputPrice: string }> }>(
      "/api/public/models?limit=1000",
      project.auth,
    );
    const own = models.body.data.filter((price) => price.modelName === "replaced-llm");
    expect(own.map((price) => price.inputPrice)).toEqual(["0.002"]);
  });

  it.each([
    [{ inputPrice: "1" }, /modelName/],
    [{ modelName: "x" }, /inputPrice: give at least/],
    [{ modelName: "x", inputPrice: "-1" }, /inputPrice/],
    [{ modelName: "x", inputPrice: "abc" }, /inputPrice/],
  ])("rejects the price %j with 400 naming the field", async (body, message) => {
    const project = await createOtherProject(`cost-bad-${newSpanId()}`);
    const response = await fetch(`${baseUrl()}/api/public/models`, {
      method: "POST",
      headers: { authorization: project.auth, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });
});

describe("a price too large for the cost columns", () => {
  const HUGE_PER_TOKEN = `1${"0".repeat(394)}`;
  const RATE_KINDS = [
    "cacheRead",
    "cacheWrite",
    "reasoning",
    "audioInput",
    "audioOutput",
    "imageInput",
  ];

  // Regression: the prices page took 1e400 per 1M tokens while the API refused it with an
  // unclear message, and "abc" failed in the browser with a DecimalError. Both now go through
  // one validation that names the field.
  it.each([
    ['{"modelName":"x","inputPrice":1e400}', /^Invalid inputPrice: must be at most 1000 /],
    ['{"modelName":"x","inputPrice":"1e+394"}', /^Invalid inputPrice: must be at most 1000 /],
    ['{"modelName":"x","outputPrice":"abc"}', /^Invalid outputPrice: must be a non-negative /],
  ])("is refused by the prices page and the public API: %s", async (body, message) => {
    const project = await createOtherProject(`cost-huge-${newSpanId()}`);
    const viaApi = await fetch(`${baseUrl()}/api/public/models`, {
      method: "POST",
      headers: { authorization: project.auth, "content-type": "application/json" },
      body,
    });
    const owner = await signInOwner();
    const { projectId } = await bootstrapProject();
    const viaPage = await owner.request(`/api/projects/${projectId}/models`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    for (const response of [viaApi, viaPage]) {
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    }
  });

  // Regression: a span of a model priced at 1e394 USD per token overflowed NUMERIC(30, 12); the
  // COPY of its batch failed, the request hung 120 s and answered 500 with every span of it
  // lost, and the cost recompute job failed and retried. Such a span is now stored unpriced.
  it("leaves a span of a price stored earlier unpriced, and stores the rest", async () => {
    const project = await createOtherProject(`cost-overflow-${newSpanId()}`);
    process.env.DATABASE_URL ??= inject("databaseUrl");
    const { getPrisma } = await import("../../lib/db/prisma");
    const { getSql } = await import("../../lib/db/sql");
    await getPrisma().modelPrice.create({
      data: {
        projectId: project.projectId,
        model: "huge-model",
        effectiveFrom: new Date(0),
        rates: {
          ...Object.fromEntries(RATE_KINDS.map((kind) => [kind, null])),
          input: HUGE_PER_TOKEN,
          output: "0.000002",
        },
      },
    });
    const traceId = newTraceId();
    const huge = generation(traceId, "huge-model", 1000, 1000);
    const known = generation(traceId, "gpt-4o", 1000, 1000);

    const started = Date.now();
    const response = await postSpans([huge, known], { auth: project.auth });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);

    const storedSpans = async () =>
      getSql()<{ span_id: string; total_cost: string | null; warnings: string[] }[]>`
        SELECT span_id, total_cost::text, warnings FROM spans
        WHERE project_id = ${project.projectId} AND trace_id = ${traceId}`;
    const expectStored = async () => {
      const rows = new Map((await storedSpans()).map((row) => [row.span_id, row] as const));
      expect(Number(rows.get(String(known.spanId))?.total_cost)).toBeGreaterThan(0);
      expect(rows.get(String(huge.spanId))?.total_cost).toBeNull();
      const warnings = rows.get(String(huge.spanId))?.warnings ?? [];
      expect(
        warnings.filter((warning) => warning.startsWith("cost: the inputCost computed")),
      ).toHaveLength(1);
      expect((await traceCost(traceId, project.auth)).totalCost).toBe(
        Number(rows.get(String(known.spanId))?.total_cost),
      );
    };
    await expectStored();

    // The recompute job a price change starts finishes, and leaves the same state.
    const created = await fetch(`${baseUrl()}/api/public/models`, {
      method: "POST",
      headers: { authorization: project.auth, "content-type": "application/json" },
      body: JSON.stringify({ modelName: "unrelated-model", inputPrice: "1" }),
    });
    expect(created.status).toBe(201);
    await waitForRecompute(
      ((await created.json()) as { recomputeRunId: string }).recomputeRunId,
      project.auth,
    );
    await expectStored();
  });
});

// Regression: GET /api/public/models?limit=200 answered meta.limit 46 (the number of prices) and
// ignored page and limit. It now pages like Langfuse and its meta echoes the page and limit.
describe("GET /api/public/models pages", () => {
  interface ModelsPage {
    data: Array<{ id: string }>;
    meta: { page: number; limit: number; totalItems: number; totalPages: number };
  }

  it("echoes the requested page and limit in Langfuse's meta", async () => {
    const project = await createOtherProject(`models-page-${newSpanId()}`);
    const all = await getJson<ModelsPage>("/api/public/models?limit=200", project.auth);
    expect(all.status).toBe(200);
    const total = all.body.meta.totalItems;
    expect(total).toBeGreaterThan(10);
    expect(all.body.meta).toEqual({ page: 1, limit: 200, totalItems: total, totalPages: 1 });
    expect(all.body.data).toHaveLength(total);

    const second = await getJson<ModelsPage>("/api/public/models?page=2&limit=5", project.auth);
    expect(second.body.meta).toEqual({
      page: 2,
      limit: 5,
      totalItems: total,
      totalPages: Math.ceil(total / 5),
    });
    expect(second.body.data.map((price) => price.id)).toEqual(
      all.body.data.slice(5, 10).map((price) => price.id),
    );

    const byDefault = await getJson<ModelsPage>("/api/public/models", project.auth);
    expect(byDefault.body.meta).toMatchObject({ page: 1, limit: 50 });
    expect(byDefault.body.data).toHaveLength(Math.min(50, total));

    const refused = await getJson<{ error: string }>("/api/public/models?limit=0", project.auth);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/limit/);
  });
});

describe("cost report rollups", () => {
  it("match the spans exactly, also after a late root span re-groups its trace", async () => {
    process.env.DATABASE_URL ??= (await import("vitest")).inject("databaseUrl");
    const { buildCostReport, buildCostReportFromSpans } =
      await import("../../lib/cost/cost-report");
    const project = await createOtherProject(`cost-rollup-${newSpanId()}`);
    const traceId = newTraceId();
    const child = generation(traceId, "gpt-4o", 10_000, 1_000);
    const rootId = newSpanId();
    child.parentSpanId = rootId;
    await postSpans([child, generation(newTraceId(), "gpt-4o-mini", 5_000, 500)], {
      auth: project.auth,
    });

    const args = {
      projectId: project.projectId,
      from: new Date(Date.now() - 86_400_000),
      to: new Date(Date.now() + 3_600_000),
      groupBy: "feature" as const,
      granularity: "hour" as const,
      timeZone: "Europe/Berlin",
    };
    const before = await buildCostReport(args);
    expect(before.byGroup).toEqual([
      {
        feature: null,
        totalCost_sum: expect.any(String),
        inputTokens_sum: 15_000,
        outputTokens_sum: 1_500,
        count_count: 2,
      },
    ]);

    // The root arrives last and names the feature of the whole trace.
    const root = span(traceId, rootId, "", "root", 0, 2000, {
      attributes: [stringAttribute("sightline.feature", "search")],
    });
    await postSpans([root], { auth: project.auth });

    const rolled = await buildCostReport(args);
    const direct = await buildCostReportFromSpans(args);
    const byFeature = (report: typeof rolled) =>
      Object.fromEntries(
        report.byGroup.map((row) => [String(row.feature), Number(row.totalCost_sum)]),
      );
    expect(byFeature(rolled)).toEqual(byFeature(direct));
    expect(Object.keys(byFeature(rolled)).sort()).toEqual(["null", "search"]);
    expect(Number(rolled.totals.totalCost_sum)).toBeCloseTo(
      Number(direct.totals.totalCost_sum),
      12,
    );
  });

  it("forget the hour a re-sent span moved away from", async () => {
    process.env.DATABASE_URL ??= (await import("vitest")).inject("databaseUrl");
    const { buildCostReport, buildCostReportFromSpans } =
      await import("../../lib/cost/cost-report");
    const project = await createOtherProject(`cost-moved-${newSpanId()}`);
    const sent = generation(newTraceId(), "gpt-4o", 10_000, 1_000);
    await postSpans([sent], { auth: project.auth });
    const args = {
      projectId: project.projectId,
      from: new Date(Date.now() - 86_400_000),
      to: new Date(Date.now() + 3_600_000),
      groupBy: "model" as const,
      granularity: "hour" as const,
      timeZone: "UTC",
    };
    // Rollups of the first hour are refreshed here, then the span moves three hours earlier.
    const hoursWithCost = (report: Awaited<ReturnType<typeof buildCostReport>>) =>
      report.series
        .filter((row) => Number(row.totalCost_sum) > 0)
        .map((row) => String(row.time_dimension));
    const [before] = hoursWithCost(await buildCostReport(args));
    const moved = {
      ...sent,
      startTimeUnixNano: nanos(-3 * 3_600_000),
      endTimeUnixNano: nanos(-3 * 3_600_000 + 1000),
    };
    await postSpans([moved], { auth: project.auth });

    const rolled = await buildCostReport(args);
    const direct = await buildCostReportFromSpans(args);
    expect(hoursWithCost(rolled)).toEqual(hoursWithCost(direct));
    expect(hoursWithCost(rolled)).toEqual([
      new Date(new Date(String(before)).getTime() - 3 * 3_600_000).toISOString(),
    ]);
    expect(rolled.totals.count_count).toBe(1);
  });
});
