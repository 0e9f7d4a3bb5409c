// Deleting traces (Langfuse's DELETE /api/public/traces/{id} and DELETE /api/public/traces): the
// trace, its spans, scores, queue items and the media files announced only for it go in one
// transaction; the cost report and the metrics API drop exactly its cost; other traces stay;
// spans sent afterwards store it anew.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

import Decimal from "decimal.js";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";

import { postgresJsArgs } from "../../lib/db/connection-options";
import { attribute, stringAttribute } from "../../lib/otlp/test-builders";
import type { WireSpan } from "../../lib/otlp/otlp-wire-schema";
import {
  AUTH,
  baseUrl,
  createOtherProject,
  getJson,
  newSpanId,
  newTraceId,
  postSpans,
  span,
} from "./ingest-helpers";
import { bootstrapProject, signInOwner, signInWithRole } from "./reviewer-helpers";

const sql = postgres(...postgresJsArgs(inject("databaseUrl")));
afterAll(() => sql.end());

type Project = Awaited<ReturnType<typeof createOtherProject>>;

async function send(method: string, path: string, body?: unknown, auth: string | null = AUTH) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (auth !== null) headers.authorization = auth;
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A priced generation (gpt-4o-mini) under `parent`, plus a root span: the trace's two spans. */
function pricedTrace(traceId: string, inputTokens: number): Array<WireSpan & { spanId: string }> {
  const rootId = newSpanId();
  const generationId = newSpanId();
  return [
    { ...span(traceId, rootId, "", "agent", 0, 2000), spanId: rootId },
    {
      ...span(traceId, generationId, rootId, "llm", 100, 1500, {
        attributes: [
          stringAttribute("gen_ai.operation.name", "chat"),
          stringAttribute("gen_ai.request.model", "gpt-4o-mini"),
          attribute("gen_ai.usage.input_tokens", { intValue: String(inputTokens) }),
          attribute("gen_ai.usage.output_tokens", { intValue: "1000" }),
        ],
      }),
      spanId: generationId,
    },
  ];
}

async function ingest(spans: WireSpan[], project: Project) {
  const response = await postSpans(spans, { auth: project.auth });
  expect(response.status).toBe(200);
}

async function storedCounts(projectId: string, traceId: string) {
  const [row] = await sql<{ spans: number; traces: number; scores: number; items: number }[]>`
    SELECT
      (SELECT count(*)::int FROM spans WHERE project_id = ${projectId}
        AND trace_id = ${traceId}) AS spans,
      (SELECT count(*)::int FROM traces WHERE project_id = ${projectId}
        AND trace_id = ${traceId}) AS traces,
      (SELECT count(*)::int FROM "Score" WHERE "projectId" = ${projectId}
        AND "traceId" = ${traceId}) AS scores,
      (SELECT count(*)::int FROM "AnnotationQueueItem" WHERE "projectId" = ${projectId}
        AND "traceId" = ${traceId}) AS items`;
  return row;
}

async function exactTraceCost(projectId: string, traceId: string): Promise<Decimal> {
  const [row] = await sql<{ cost: string }[]>`
    SELECT total_cost::text AS cost FROM traces
    WHERE project_id = ${projectId} AND trace_id = ${traceId}`;
  return new Decimal(row?.cost ?? "NaN");
}

const lastDay = () => ({
  from: new Date(Date.now() - 86_400_000),
  to: new Date(Date.now() + 3_600_000),
});

/** The cost page's total (from the hourly rollups, refreshed first). */
async function costReportTotal(projectId: string): Promise<Decimal> {
  process.env.DATABASE_URL ??= inject("databaseUrl");
  const { buildCostReport } = await import("../../lib/cost/cost-report");
  const report = await buildCostReport({
    projectId,
    ...lastDay(),
    groupBy: "model",
    granularity: "hour",
    timeZone: "UTC",
  });
  return new Decimal(String(report.totals.totalCost_sum ?? 0));
}

/** GET /api/public/metrics: the project's total cost and observation count over the last day. */
async function metricsTotal(project: Project) {
  const { from, to } = lastDay();
  const query = {
    view: "observations",
    dimensions: [],
    metrics: [
      { measure: "totalCost", aggregation: "sum" },
      { measure: "count", aggregation: "count" },
    ],
    filters: [],
    fromTimestamp: from.toISOString(),
    toTimestamp: to.toISOString(),
  };
  const { status, body } = await getJson<{ data: Array<Record<string, number>> }>(
    `/api/public/metrics?query=${encodeURIComponent(JSON.stringify(query))}`,
    project.auth,
  );
  expect(status).toBe(200);
  return { cost: new Decimal(body.data[0]?.totalCost_sum ?? 0), count: body.data[0]?.count_count };
}

/** A queue of the project with the trace, its generation and another trace queued. */
async function queueItems(project: Project, items: Array<[string, "TRACE" | "OBSERVATION"]>) {
  const queue = await send(
    "POST",
    "/api/public/annotation-queues",
    { name: `delete-${newSpanId()}` },
    project.auth,
  );
  expect(queue.status).toBe(201);
  for (const [objectId, objectType] of items) {
    const item = await send(
      "POST",
      `/api/public/annotation-queues/${String(queue.body.id)}/items`,
      { objectId, objectType },
      project.auth,
    );
    expect(item.status).toBe(200);
  }
}

async function score(project: Project, target: Record<string, string>) {
  const response = await send(
    "POST",
    "/api/public/scores",
    { name: "quality", value: 0.5, ...target },
    project.auth,
  );
  expect(response.status).toBe(201);
  return String(response.body.id);
}

describe("DELETE /api/public/traces/{traceId}", () => {
  it("removes the trace, its spans, scores and queue items, and exactly its cost", async () => {
    const project = await createOtherProject(`delete-one-${newSpanId()}`);
    const [doomed, kept] = [newTraceId(), newTraceId()];
    const doomedSpans = pricedTrace(doomed, 100_000);
    await ingest([...doomedSpans, ...pricedTrace(kept, 30_000)], project);
    const generationId = doomedSpans[1]!.spanId;
    await score(project, { traceId: doomed });
    const spanOnlyScore = await score(project, { observationId: generationId });
    const keptScore = await score(project, { traceId: kept });
    await queueItems(project, [
      [doomed, "TRACE"],
      [generationId, "OBSERVATION"],
      [kept, "TRACE"],
    ]);

    // Read before deleting, so that the cost rollups of these hours are already built.
    const doomedCost = await exactTraceCost(project.projectId, doomed);
    expect(doomedCost.isPositive()).toBe(true);
    const reportBefore = await costReportTotal(project.projectId);
    const metricsBefore = await metricsTotal(project);
    const keptBefore = await getJson(`/api/public/traces/${kept}`, project.auth);

    // Ids are matched as the read API matches them: in any case.
    const deleted = await send(
      "DELETE",
      `/api/public/traces/${doomed.toUpperCase()}`,
      undefined,
      project.auth,
    );
    expect(deleted).toEqual({ status: 200, body: { message: "Trace deleted" } });

    expect(await storedCounts(project.projectId, doomed)).toEqual({
      spans: 0,
      traces: 0,
      scores: 0,
      items: 0,
    });
    expect((await getJson(`/api/public/traces/${doomed}`, project.auth)).status).toBe(404);
    expect((await getJson(`/api/public/scores/${spanOnlyScore}`, project.auth)).status).toBe(404);

    expect(await costReportTotal(project.projectId)).toEqual(reportBefore.minus(doomedCost));
    const metricsAfter = await metricsTotal(project);
    expect(metricsAfter.cost.toString()).toBe(metricsBefore.cost.minus(doomedCost).toString());
    expect(metricsAfter.count).toBe(Number(metricsBefore.count) - doomedSpans.length);

    // The other trace is as it was, with its score and queue item.
    expect(await getJson(`/api/public/traces/${kept}`, project.auth)).toEqual(keptBefore);
    expect((await getJson(`/api/public/scores/${keptScore}`, project.auth)).status).toBe(200);
    expect(await storedCounts(project.projectId, kept)).toMatchObject({ traces: 1, items: 1 });
  });

  it("answers 404 naming the trace when the project has none such", async () => {
    const project = await createOtherProject(`delete-404-${newSpanId()}`);
    const traceId = newTraceId();
    const missing = await send("DELETE", `/api/public/traces/${traceId}`, undefined, project.auth);
    expect(missing.status).toBe(404);
    expect(String(missing.body.error)).toContain(traceId);

    // Another project's trace is not this project's: not found, and left alone.
    await ingest(pricedTrace(traceId, 1000), project);
    const foreign = await send("DELETE", `/api/public/traces/${traceId}`, undefined, AUTH);
    expect(foreign.status).toBe(404);
    expect(await storedCounts(project.projectId, traceId)).toMatchObject({ spans: 2, traces: 1 });
  });

  it("refuses a request without a valid key", async () => {
    const project = await createOtherProject(`delete-auth-${newSpanId()}`);
    const traceId = newTraceId();
    await ingest(pricedTrace(traceId, 1000), project);
    const wrongKey = `Basic ${Buffer.from("pk-sl-nope:sk-sl-nope").toString("base64")}`;
    for (const auth of [null, wrongKey]) {
      const single = await send("DELETE", `/api/public/traces/${traceId}`, undefined, auth);
      expect(single.status).toBe(401);
      const bulk = await send("DELETE", "/api/public/traces", { traceIds: [traceId] }, auth);
      expect(bulk.status).toBe(401);
    }
    expect(await storedCounts(project.projectId, traceId)).toMatchObject({ spans: 2, traces: 1 });
  });
});

describe("DELETE /api/public/traces", () => {
  it("deletes the listed traces, skips unknown ids and leaves the rest", async () => {
    const project = await createOtherProject(`delete-bulk-${newSpanId()}`);
    const [first, second, kept] = [newTraceId(), newTraceId(), newTraceId()];
    await ingest(
      [...pricedTrace(first, 10_000), ...pricedTrace(second, 20_000), ...pricedTrace(kept, 5)],
      project,
    );
    await score(project, { traceId: second });
    const reportBefore = await costReportTotal(project.projectId);
    const doomedCost = (await exactTraceCost(project.projectId, first)).plus(
      await exactTraceCost(project.projectId, second),
    );

    const deleted = await send(
      "DELETE",
      "/api/public/traces",
      { traceIds: [first, second.toUpperCase(), newTraceId()] },
      project.auth,
    );
    expect(deleted).toEqual({ status: 200, body: { message: "Traces deleted", deleted: 2 } });

    for (const traceId of [first, second]) {
      expect(await storedCounts(project.projectId, traceId)).toEqual({
        spans: 0,
        traces: 0,
        scores: 0,
        items: 0,
      });
    }
    expect(await storedCounts(project.projectId, kept)).toMatchObject({ spans: 2, traces: 1 });
    expect(await costReportTotal(project.projectId)).toEqual(reportBefore.minus(doomedCost));
    const list = await getJson<{ data: Array<{ id: string }> }>("/api/public/traces", project.auth);
    expect(list.body.data.map((trace) => trace.id)).toEqual([kept]);
  });

  it.each([
    ["no body", undefined],
    ["no traceIds", {}],
    ["an empty list", { traceIds: [] }],
    ["a string", { traceIds: "abc" }],
    ["an empty id", { traceIds: [""] }],
    ["a number as id", { traceIds: [42] }],
    ["more than 1000 ids", { traceIds: Array.from({ length: 1001 }, () => newTraceId()) }],
    ["an array as body", [newTraceId()]],
  ])("refuses %s with a 400 naming traceIds", async (_case, body) => {
    const response = await send("DELETE", "/api/public/traces", body);
    expect(response.status).toBe(400);
    expect(String(response.body.error)).toMatch(/traceIds/);
  });

  it("takes 1000 ids", async () => {
    const ids = Array.from({ length: 1000 }, () => newTraceId());
    const response = await send("DELETE", "/api/public/traces", { traceIds: ids });
    expect(response.status).toBe(200);
  });
});

describe("after a deletion", () => {
  it("spans sent again store the trace anew, once", async () => {
    const project = await createOtherProject(`delete-again-${newSpanId()}`);
    const traceId = newTraceId();
    const spans = pricedTrace(traceId, 50_000);
    await ingest(spans, project);
    const cost = await exactTraceCost(project.projectId, traceId);
    await costReportTotal(project.projectId);

    const deleted = await send("DELETE", `/api/public/traces/${traceId}`, undefined, project.auth);
    expect(deleted.status).toBe(200);
    expect(await costReportTotal(project.projectId)).toEqual(new Decimal(0));

    await ingest(spans, project);
    await ingest(spans, project);
    const trace = await getJson<{ observations: unknown[] }>(
      `/api/public/traces/${traceId}`,
      project.auth,
    );
    expect(trace.status).toBe(200);
    expect(trace.body.observations).toHaveLength(2);
    expect(await storedCounts(project.projectId, traceId)).toMatchObject({ spans: 2, traces: 1 });
    expect(await costReportTotal(project.projectId)).toEqual(cost);
    expect((await metricsTotal(project)).cost.toString()).toBe(cost.toString());
  });

  it("leaves no half-deleted trace when ingest of the same trace runs concurrently", async () => {
    const project = await createOtherProject(`delete-race-${newSpanId()}`);
    const traceId = newTraceId();
    const spans = pricedTrace(traceId, 1000);
    await ingest(spans, project);

    for (let round = 0; round < 5; round++) {
      const more = span(traceId, newSpanId(), spans[0]!.spanId, `step-${round}`, 10, 20);
      await Promise.all([
        ingest([...spans, more], project),
        send("DELETE", `/api/public/traces/${traceId}`, undefined, project.auth),
      ]);
      // Whichever came first, the rollup row exists exactly when spans do, and counts them.
      const [row] = await sql<{ spans: number; span_count: number | null }[]>`
        SELECT
          (SELECT count(*)::int FROM spans WHERE project_id = ${project.projectId}
            AND trace_id = ${traceId}) AS spans,
          (SELECT span_count FROM traces WHERE project_id = ${project.projectId}
            AND trace_id = ${traceId}) AS span_count`;
      expect(row?.span_count ?? 0).toBe(row?.spans);
    }
  });
});

describe("what links to a deleted trace", () => {
  it("keeps dataset items and run items, and their pages show the trace as missing", async () => {
    const { projectId } = await bootstrapProject();
    const traceId = newTraceId();
    const sent = await postSpans(pricedTrace(traceId, 10));
    expect(sent.status).toBe(200);
    const datasetName = `deleted-source-${newSpanId()}`;
    const dataset = await send("POST", "/api/public/datasets", { name: datasetName });
    expect(dataset.status).toBe(200);
    const item = await send("POST", "/api/public/dataset-items", {
      datasetName,
      input: "copied from the trace",
      sourceTraceId: traceId,
    });
    expect(item.status).toBe(200);
    const runItem = await send("POST", "/api/public/dataset-run-items", {
      runName: `run-${newSpanId()}`,
      datasetItemId: item.body.id,
      traceId,
    });
    expect(runItem.status).toBe(200);

    expect((await send("DELETE", `/api/public/traces/${traceId}`)).status).toBe(200);

    const kept = await getJson<{ sourceTraceId: string; input: unknown }>(
      `/api/public/dataset-items/${String(item.body.id)}`,
    );
    expect(kept.body).toMatchObject({ sourceTraceId: traceId, input: "copied from the trace" });
    const owner = await signInOwner();
    const base = `/project/${projectId}/datasets/${String(dataset.body.id)}`;
    const compare = await owner.request(`${base}/runs?runs=${String(runItem.body.datasetRunId)}`);
    expect(compare.status).toBe(200);
    expect(await compare.text()).toContain("not ingested yet, or deleted");
    expect((await owner.request(`${base}/items/${String(item.body.id)}`)).status).toBe(200);
    const tracePage = await owner.request(`/project/${projectId}/traces/${traceId}`);
    expect(tracePage.status).toBe(404);
    expect(await tracePage.text()).toContain("Trace not found");
  });
});

describe("media files of deleted traces", () => {
  /** Announces the content for the trace (POST /api/public/media) and uploads it if asked to. */
  async function announceFile(project: Project, traceId: string, content: Buffer) {
    const announced = await send(
      "POST",
      "/api/public/media",
      {
        traceId,
        contentType: "text/plain",
        contentLength: content.byteLength,
        sha256Hash: createHash("sha256").update(content).digest("base64"),
        field: "output",
      },
      project.auth,
    );
    expect(announced.status).toBe(200);
    const uploadUrl = announced.body.uploadUrl;
    if (typeof uploadUrl === "string") {
      const headers = { "content-type": "text/plain" };
      const put = await fetch(uploadUrl, { method: "PUT", body: new Uint8Array(content), headers });
      expect(put.status).toBe(200);
    }
    return String(announced.body.mediaId);
  }

  async function storedMedia(projectId: string, mediaId: string) {
    const [row] = await sql<{ files: number; links: string[] }[]>`
      SELECT
        (SELECT count(*)::int FROM "Media" WHERE "projectId" = ${projectId}
          AND "id" = ${mediaId}) AS files,
        (SELECT coalesce(array_agg("traceId" ORDER BY "traceId"), '{}') FROM "TraceMedia"
          WHERE "projectId" = ${projectId} AND "mediaId" = ${mediaId}) AS links`;
    return row;
  }

  it("links files stored before TraceMedia to their trace, so they go with it", async () => {
    const project = await createOtherProject(`delete-backfill-${newSpanId()}`);
    const traceId = newTraceId();
    const mediaId = `backfill-${newSpanId()}`;
    await sql`
      INSERT INTO "Media" ("projectId", "id", "sha256Hash", "contentType", "contentLength",
        "content", "uploadedAt", "traceId", "field")
      VALUES (${project.projectId}, ${mediaId}, 'hash', 'text/plain', 3, ${Buffer.from("old")},
        now(), ${traceId.toUpperCase()}, 'input')`;
    const migration = await readFile(
      path.join(__dirname, "../../prisma/migrations/20261205130000_trace_media/migration.sql"),
      "utf8",
    );
    await sql.unsafe(migration.slice(migration.indexOf("-- Backfill")));
    expect(await storedMedia(project.projectId, mediaId)).toEqual({ files: 1, links: [traceId] });

    const deleted = await send(
      "DELETE",
      "/api/public/traces",
      { traceIds: [traceId] },
      project.auth,
    );
    expect(deleted.status).toBe(200);
    expect(await storedMedia(project.projectId, mediaId)).toEqual({ files: 0, links: [] });
  });

  it("keeps a file announced for another trace while the first one is being deleted", async () => {
    const project = await createOtherProject(`delete-media-race-${newSpanId()}`);
    for (let round = 0; round < 8; round++) {
      const [doomed, other] = [newTraceId(), newTraceId()];
      const content = Buffer.from(`raced ${doomed}`);
      const mediaId = await announceFile(project, doomed, content);

      const [announcedAgain] = await Promise.all([
        announceFile(project, other, content),
        send("DELETE", "/api/public/traces", { traceIds: [doomed] }, project.auth),
      ]);
      // Whichever came first, the file is stored (uploaded again if the deletion won) and
      // linked to the other trace only.
      expect(announcedAgain).toBe(mediaId);
      expect(await storedMedia(project.projectId, mediaId)).toEqual({ files: 1, links: [other] });
    }
  });
});

describe("deleting traces in the app", () => {
  it("lets members delete, one or many, and refuses viewers", async () => {
    const { projectId } = await bootstrapProject();
    const [one, many] = [newTraceId(), newTraceId()];
    const postResponse = await postSpans([...pricedTrace(one, 10), ...pricedTrace(many, 10)]);
    expect(postResponse.status).toBe(200);

    const viewer = await signInWithRole("VIEWER");
    const refused = await viewer.client.json(`/api/projects/${projectId}/traces/${one}`, "DELETE");
    expect(refused.status).toBe(403);
    const refusedMany = await viewer.client.json(`/api/projects/${projectId}/traces`, "DELETE", {
      traceIds: [many],
    });
    expect(refusedMany.status).toBe(403);
    expect(await storedCounts(projectId, one)).toMatchObject({ traces: 1 });

    const member = await signInWithRole("MEMBER");
    const single = await member.client.json(`/api/projects/${projectId}/traces/${one}`, "DELETE");
    expect(single).toEqual({ status: 200, body: { message: "Trace deleted" } });
    const bulk = await member.client.json(`/api/projects/${projectId}/traces`, "DELETE", {
      traceIds: [many, newTraceId()],
    });
    expect(bulk).toEqual({ status: 200, body: { message: "Traces deleted", deleted: 1 } });
    expect(await storedCounts(projectId, one)).toMatchObject({ spans: 0, traces: 0 });
    expect(await storedCounts(projectId, many)).toMatchObject({ spans: 0, traces: 0 });

    const stranger = await signInWithRole(null);
    const hidden = await stranger.client.json(`/api/projects/${projectId}/traces`, "DELETE", {
      traceIds: [many],
    });
    expect(hidden.status).toBe(404);
  });
});
