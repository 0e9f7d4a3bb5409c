// The scores analytics page (issue #7): distribution, trend and judge-versus-human agreement of
// one score name, computed from scores sent over the public API.
import { beforeAll, describe, expect, inject, it } from "vitest";

import { getPrisma } from "../../lib/db/prisma";
import { getScoreAnalytics } from "../../lib/scores/score-analytics";
import { AUTH, baseUrl, newSpanId, newTraceId } from "./ingest-helpers";
import { bootstrapProject, signInOwner } from "./reviewer-helpers";

const RUN = newSpanId();
const NUMERIC = `relevance-${RUN}`;
const LABEL = `verdict-${RUN}`;
let projectId = "";

async function postScore(body: Record<string, unknown>) {
  const response = await fetch(`${baseUrl()}/api/public/scores`, {
    method: "POST",
    headers: { authorization: AUTH, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
}

const HOUR = 3600 * 1000;

beforeAll(async () => {
  process.env.DATABASE_URL ??= inject("databaseUrl");
  ({ projectId } = await bootstrapProject());
  // Judge and human on three traces: differences 0, 0.5 and 0.25; one trace has the judge only.
  const numericPairs: Array<[number, number | null]> = [
    [1, 1],
    [0.5, 0],
    [0.25, 0.5],
    [0, null],
  ];
  for (const [judge, human] of numericPairs) {
    const traceId = newTraceId();
    await postScore({ traceId, name: NUMERIC, value: judge, source: "EVAL" });
    if (human !== null) {
      await postScore({ traceId, name: NUMERIC, value: human, source: "ANNOTATION" });
    }
  }
  // Labels: 2 of 4 agree, and one pair is on a span (paired with a span, not its trace).
  const labelPairs: Array<[string, string]> = [
    ["pass", "pass"],
    ["fail", "fail"],
    ["pass", "fail"],
    ["fail", "pass"],
  ];
  for (const [judge, human] of labelPairs) {
    const traceId = newTraceId();
    const observationId = newSpanId();
    await postScore({ traceId, observationId, name: LABEL, value: judge, source: "EVAL" });
    await postScore({ traceId, observationId, name: LABEL, value: human, source: "ANNOTATION" });
  }
  await postScore({ traceId: newTraceId(), name: LABEL, value: "pass", source: "ANNOTATION" });
});

describe("getScoreAnalytics", () => {
  it("pairs judge and human numbers on the same trace", async () => {
    const analytics = await getScoreAnalytics(projectId, NUMERIC, new Date(Date.now() - HOUR));
    expect(analytics).toMatchObject({ dataType: "NUMERIC", count: 7 });
    expect(analytics.agreement.pairs).toBe(3);
    expect(analytics.agreement.meanAbsoluteDifference).toBeCloseTo(0.25, 10);
    expect(analytics.agreement.exactMatchRate).toBeCloseTo(1 / 3, 10);
    expect(analytics.scatter).toHaveLength(3);
    expect(analytics.distribution).toHaveLength(10);
    expect(analytics.distribution.reduce((sum, bin) => sum + bin.count, 0)).toBe(7);
    expect(analytics.trend.map((point) => point.source).sort()).toEqual(["ANNOTATION", "EVAL"]);
  });

  it("counts labels and gives Cohen's kappa for categorical scores", async () => {
    const analytics = await getScoreAnalytics(projectId, LABEL, new Date(Date.now() - HOUR));
    expect(analytics.dataType).toBe("CATEGORICAL");
    expect(analytics.distribution).toEqual([
      { bucket: "pass", count: 5 },
      { bucket: "fail", count: 4 },
    ]);
    expect(analytics.agreement).toMatchObject({ pairs: 4, exactMatchRate: 0.5, cohensKappa: 0 });
  });

  it("leaves out scores older than the window", async () => {
    const analytics = await getScoreAnalytics(projectId, NUMERIC, new Date(Date.now() + HOUR));
    expect(analytics.count).toBe(0);
    expect(analytics.distribution).toEqual([]);
  });
});

describe("getScoreAnalytics with extreme values", () => {
  // Regression: a score of 1e308 was accepted and the scores page then answered 500 ("value out
  // of range: overflow"): float8's avg also sums squares, and the histogram took max - min.
  // New values are kept within ±1e12; averages and bins now also survive older, larger ones.
  const binCounts = (analytics: Awaited<ReturnType<typeof getScoreAnalytics>>) =>
    analytics.distribution.map((bin) => bin.count);

  it("handles values at the ends of the accepted range", async () => {
    const name = `extreme-${RUN}`;
    for (const value of [1e12, -1e12, 0.5, 1e12]) {
      await postScore({ traceId: newTraceId(), name, value, source: "EVAL" });
    }

    const analytics = await getScoreAnalytics(projectId, name, new Date(Date.now() - HOUR));

    expect(analytics).toMatchObject({ dataType: "NUMERIC", count: 4, average: 250000000000.125 });
    expect(binCounts(analytics)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(analytics.trend).toEqual([
      expect.objectContaining({ source: "EVAL", average: 250000000000.125, count: 4 }),
    ]);
  });

  it("handles values stored before the range check, and the page shows them", async () => {
    const name = `stored-extreme-${RUN}`;
    const traceId = newTraceId();
    await getPrisma().score.createMany({
      data: [1e308, -1e308, 0, 1e308].map((value, index) => ({
        id: `${name}-${index}`,
        projectId,
        name,
        dataType: "NUMERIC" as const,
        value,
        source: index === 0 ? ("ANNOTATION" as const) : ("EVAL" as const),
        traceId,
      })),
    });

    const analytics = await getScoreAnalytics(projectId, name, new Date(Date.now() - HOUR));

    expect(analytics).toMatchObject({ count: 4, average: 2.5e307 });
    expect(binCounts(analytics)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(analytics.distribution[0]?.bucket).toBe("-1e+308–-8e+307");
    expect(analytics.agreement.pairs).toBe(1);

    const owner = await signInOwner();
    const page = await owner.request(
      `/project/${projectId}/scores?range=30d&name=${encodeURIComponent(name)}`,
    );
    expect(page.status).toBe(200);
  });
});

describe("the scores page", () => {
  it("renders the chosen score's agreement for a signed-in member", async () => {
    const owner = await signInOwner();
    const response = await owner.request(
      `/project/${projectId}/scores?name=${encodeURIComponent(LABEL)}`,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Judge versus human");
    expect(html).toMatch(/data-testid="pair-count"[^>]*>4</);
  });

  it("lists a score whose trace never arrived among scores waiting for their trace", async () => {
    const orphanTraceId = newTraceId();
    await postScore({ traceId: orphanTraceId, name: `orphan-${RUN}`, value: 1 });
    const owner = await signInOwner();
    const html = await (await owner.request(`/project/${projectId}/scores`)).text();
    expect(html).toContain("Scores waiting for their trace");
    expect(html).toContain(orphanTraceId);
  });
});
