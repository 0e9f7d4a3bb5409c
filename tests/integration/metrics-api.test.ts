import postgres from "postgres";
import { postgresJsArgs } from "../../lib/db/connection-options";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { TEST_KEYS, basicAuth } from "../setup/test-env";

const baseUrl = inject("baseUrl");
const auth = basicAuth(TEST_KEYS.publicKey, TEST_KEYS.secretKey);

interface Row {
  [key: string]: string | number | null;
}

async function metrics(
  query: unknown,
  path = "/api/public/metrics",
): Promise<{ status: number; body: { data?: Row[]; error?: string } }> {
  const url = `${baseUrl}${path}?query=${encodeURIComponent(JSON.stringify(query))}`;
  const response = await fetch(url, { headers: { authorization: auth } });
  return {
    status: response.status,
    body: (await response.json()) as { data?: Row[]; error?: string },
  };
}

/** Inserts spans and their trace rows straight into the tables, for exact aggregates. */
async function seed(sql: postgres.Sql, projectId: string) {
  const spans = [
    // Around the 2026-03-29 DST change in Europe/Berlin (clocks jump at 01:00 UTC).
    { trace: "a1", start: "2026-03-28T22:30:00Z", feature: "search", model: "gpt-4o", cost: "0.1" },
    { trace: "a2", start: "2026-03-29T21:30:00Z", feature: "search", model: "gpt-4o", cost: "0.2" },
    {
      trace: "a3",
      start: "2026-03-29T22:30:00Z",
      feature: "chat",
      model: "claude-3-5-haiku",
      cost: "0.3",
    },
  ];
  for (const span of spans) {
    const traceId = span.trace.padEnd(32, "0");
    await sql`
      INSERT INTO traces (project_id, trace_id, name, start_time, end_time, start_ns, end_ns,
        duration_ns, feature, total_cost, span_count)
      VALUES (${projectId}, ${traceId}, 'metrics-test', ${span.start}, ${span.start}, 0, 0, 0,
        ${span.feature}, ${span.cost}, 1)`;
    await sql`
      INSERT INTO spans (project_id, trace_id, span_id, start_time, end_time, start_ns, end_ns,
        duration_ns, name, type, level, model, total_cost, input_tokens, output_tokens)
      VALUES (${projectId}, ${traceId}, '00000000000000a1', ${span.start}, ${span.start}, 0, 0, 0,
        'llm', 'GENERATION', 'DEFAULT', ${span.model}, ${span.cost}, 100, 10)`;
  }
}

describe("GET /api/public/metrics", () => {
  const sql = postgres(...postgresJsArgs(inject("databaseUrl")));
  const range = { fromTimestamp: "2026-03-28T00:00:00Z", toTimestamp: "2026-03-31T00:00:00Z" };

  beforeAll(async () => {
    const project = await fetch(`${baseUrl}/api/public/projects`, {
      headers: { authorization: auth },
    });
    const { data } = (await project.json()) as { data: { id: string }[] };
    await seed(sql, data[0]!.id);
  });
  afterAll(() => sql.end());

  it("sums exact cost per feature", async () => {
    const result = await metrics({
      view: "observations",
      dimensions: [{ field: "feature" }],
      metrics: [
        { measure: "totalCost", aggregation: "sum" },
        { measure: "count", aggregation: "count" },
      ],
      filters: [{ column: "traceName", operator: "=", value: "metrics-test" }],
      ...range,
    });
    expect(result.status).toBe(200);
    expect(result.body.data).toHaveLength(2);
    expect(result.body.data).toEqual(
      expect.arrayContaining([
        { feature: "search", totalCost_sum: 0.3, count_count: 2 },
        { feature: "chat", totalCost_sum: 0.3, count_count: 1 },
      ]),
    );
  });

  it("answers the same query on Langfuse's v2 path", async () => {
    const query = {
      view: "observations",
      dimensions: [{ field: "feature" }],
      metrics: [{ measure: "count", aggregation: "count" }],
      filters: [{ column: "traceName", operator: "=", value: "metrics-test" }],
      ...range,
    };
    const [v1, v2] = [await metrics(query), await metrics(query, "/api/public/v2/metrics")];
    expect(v2.status).toBe(200);
    expect(v2.body).toEqual(v1.body);
  });

  it("groups by Langfuse's providedModelName", async () => {
    const result = await metrics({
      view: "observations",
      dimensions: [{ field: "providedModelName" }],
      metrics: [{ measure: "count", aggregation: "count" }],
      filters: [{ column: "traceName", operator: "=", value: "metrics-test" }],
      ...range,
    });
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual(
      expect.arrayContaining([
        { providedModelName: "gpt-4o", count_count: 2 },
        { providedModelName: "claude-3-5-haiku", count_count: 1 },
      ]),
    );
  });

  it("buckets days in the display time zone across DST", async () => {
    const result = await metrics({
      view: "traces",
      metrics: [{ measure: "totalCost", aggregation: "sum" }],
      filters: [{ column: "name", operator: "=", value: "metrics-test" }],
      timeDimension: { granularity: "day" },
      timeZone: "Europe/Berlin",
      ...range,
    });
    // Local midnights: CET (UTC+1) before the change, CEST (UTC+2) after it.
    expect(result.body.data?.map((row) => [row.time_dimension, row.totalCost_sum])).toEqual([
      ["2026-03-27T23:00:00.000Z", 0.1],
      ["2026-03-28T23:00:00.000Z", 0.2],
      ["2026-03-29T22:00:00.000Z", 0.3],
    ]);
  });

  it.each([
    [{ metrics: [] }, /metrics/],
    [{ metrics: [{ measure: "bogus" }] }, /metrics\.0\.measure/],
    [
      { metrics: [{ measure: "count" }], dimensions: [{ field: "password" }] },
      /dimensions\.0\.field/,
    ],
    [{ metrics: [{ measure: "count" }], timeZone: "Mars/Olympus" }, /timeZone/],
  ])("rejects %j with 400 naming the field", async (partial, message) => {
    const result = await metrics({ ...range, ...partial });
    expect(result.status).toBe(400);
    expect(result.body.error).toMatch(message);
  });
});
