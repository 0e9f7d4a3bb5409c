// Langfuse-shaped endpoints over real HTTP: batch ingestion (how Langfuse clients send scores),
// dataset runs (how their experiment runners link each item's trace), the health check, and
// the trace read carrying its scores.
import { randomBytes, randomUUID } from "node:crypto";

import { beforeAll, describe, expect, inject, it } from "vitest";

import { getPrisma } from "../../lib/db/prisma";
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

process.env.DATABASE_URL ??= inject("databaseUrl");
const run = randomBytes(4).toString("hex");

async function postJson(path: string, body: unknown, auth = AUTH) {
  const response = await fetch(`${baseUrl()}${path}`, {
    method: "POST",
    headers: { authorization: auth, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface BatchReply {
  successes: { id: string; status: number }[];
  errors: { id: string; status: number; message: string }[];
}

describe("POST /api/public/ingestion", () => {
  it("stores score-create events and answers per event, one bad event failing alone", async () => {
    const traceId = newTraceId();
    const scoreId = `batch-score-${run}`;
    const reply = await postJson("/api/public/ingestion", {
      batch: [
        {
          id: "e1",
          type: "score-create",
          timestamp: new Date().toISOString(),
          body: { id: scoreId, traceId, name: "helpfulness", value: 0.75 },
        },
        { id: "e2", type: "score-create", body: { traceId, name: "", value: 1 } },
        { id: "e3", type: "score-create", body: { name: "orphan-less", value: 1 } },
        { id: "e4", type: "trace-create", body: { id: traceId, name: "legacy" } },
        { id: "e5", type: "sdk-log", body: { log: "hello" } },
        { type: "score-create", body: {} },
        { id: "e7", type: "made-up", body: {} },
      ],
    });
    expect(reply.status).toBe(207);
    const body = reply.body as unknown as BatchReply;
    expect(body.successes).toEqual([
      { id: "e1", status: 201 },
      { id: "e5", status: 201 },
    ]);
    const errors = Object.fromEntries(body.errors.map((error) => [error.id, error]));
    expect(errors.e2?.message).toMatch(/name/);
    expect(errors.e3?.message).toMatch(/traceId/);
    expect(errors.e4?.message).toMatch(/otel\/v1\/traces/);
    expect(errors["batch.5"]?.message).toMatch(/batch\.5\.id/);
    expect(errors.e7?.message).toMatch(/unknown event type/);
    expect(Object.values(errors).every((error) => error.status === 400)).toBe(true);

    const stored = await getJson<{ name: string; value: number; traceId: string }>(
      `/api/public/scores/${scoreId}`,
    );
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ name: "helpfulness", value: 0.75, traceId });
  });

  it("refuses a body without a batch, naming the field", async () => {
    const reply = await postJson("/api/public/ingestion", { events: [] });
    expect(reply.status).toBe(400);
    expect(String(reply.body.error)).toMatch(/batch/);
    const noKey = await postJson("/api/public/ingestion", { batch: [] }, "Basic eDp5");
    expect(noKey.status).toBe(401);
  });
});

describe("dataset runs", () => {
  let projectId = "";
  let datasetId = "";
  const datasetName = `runs dataset ${run}`;
  const itemIds = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    const projects = await getJson<{ data: { id: string }[] }>("/api/public/projects");
    projectId = projects.body.data[0]!.id;
    const dataset = await getPrisma().dataset.create({
      data: {
        projectId,
        name: datasetName,
        items: {
          create: itemIds.map((id, index) => ({ id, projectId, input: { question: index } })),
        },
      },
    });
    datasetId = dataset.id;
  });

  it("links traces to items under a run, created on first use, latest link winning", async () => {
    const [first, second] = [newTraceId(), newTraceId()];
    const created = await postJson("/api/public/dataset-run-items", {
      runName: `exp ${run}`,
      runDescription: "first try",
      metadata: { model: "gpt-4o" },
      datasetItemId: itemIds[0],
      traceId: first,
      observationId: "AAAAAAAAAAAAAAAA",
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      datasetRunName: `exp ${run}`,
      datasetItemId: itemIds[0],
      traceId: first,
      observationId: "aaaaaaaaaaaaaaaa",
    });
    const runId = created.body.datasetRunId;

    const relinked = await postJson("/api/public/dataset-run-items", {
      runName: `exp ${run}`,
      datasetItemId: itemIds[0],
      traceId: second,
    });
    expect(relinked.body.datasetRunId).toBe(runId);
    expect(relinked.body.traceId).toBe(second);
    await postJson("/api/public/dataset-run-items", {
      runName: `exp ${run}`,
      datasetItemId: itemIds[1],
      traceId: newTraceId(),
    });

    const encodedRunName = encodeURIComponent(`exp ${run}`);
    const items = await getJson<{ data: { traceId: string }[]; meta: { totalItems: number } }>(
      `/api/public/dataset-run-items?datasetId=${datasetId}&runName=${encodedRunName}`,
    );
    expect(items.status).toBe(200);
    expect(items.body.meta.totalItems).toBe(2);
    expect(items.body.data[0]!.traceId).toBe(second);

    const score = await postJson("/api/public/scores", {
      datasetRunId: runId,
      name: "accuracy",
      value: 0.5,
    });
    expect(score.status).toBe(201);
    const scores = await getJson<{ data: { datasetRunId: string | null }[] }>(
      `/api/public/scores/${String(score.body.id)}`,
    );
    expect(scores.body).toMatchObject({ datasetRunId: runId });
  });

  it("creates a new run once when its first items are linked concurrently", async () => {
    const runName = `parallel ${run}`;
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        postJson("/api/public/dataset-run-items", {
          runName,
          datasetItemId: itemIds[index % 2],
          traceId: newTraceId(),
        }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(8).fill(200));
    expect(new Set(replies.map((reply) => reply.body.datasetRunId)).size).toBe(1);
  });

  it("refuses bad links with a clear error", async () => {
    const missingTrace = await postJson("/api/public/dataset-run-items", {
      runName: "x",
      datasetItemId: itemIds[0],
    });
    expect(missingTrace.status).toBe(400);
    expect(String(missingTrace.body.error)).toMatch(/traceId/);

    const unknownItem = await postJson("/api/public/dataset-run-items", {
      runName: "x",
      datasetItemId: "no-such-item",
      traceId: newTraceId(),
    });
    expect(unknownItem.status).toBe(404);
    expect(String(unknownItem.body.error)).toMatch(/datasetItemId/);

    const other = await createOtherProject(`runs other ${run}`);
    const foreign = await postJson(
      "/api/public/dataset-run-items",
      { runName: "x", datasetItemId: itemIds[0], traceId: newTraceId() },
      other.auth,
    );
    expect(foreign.status).toBe(404);
  });
});

describe("GET /api/public/health", () => {
  it("answers in Langfuse's shape", async () => {
    const response = await fetch(`${baseUrl()}/api/public/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "OK", version: expect.any(String) });
  });
});

describe("GET /api/public/traces/{id} with scores", () => {
  it("carries the trace's scores, matched whatever the case of the hex id sent", async () => {
    const traceId = newTraceId();
    const score = await postJson("/api/public/scores", {
      traceId: traceId.toUpperCase(),
      name: "relevance",
      value: 0.9,
    });
    expect(score.status).toBe(201);
    expect((await postSpans([span(traceId, newSpanId(), "", "root", 0, 10)])).status).toBe(200);
    const trace = await getJson<{ htmlPath: string; scores: { id: string; traceId: string }[] }>(
      `/api/public/traces/${traceId}`,
    );
    expect(trace.body.scores).toEqual([expect.objectContaining({ id: score.body.id, traceId })]);
    expect(trace.body.htmlPath).toMatch(new RegExp(`/traces/${traceId}$`));
  });

  it("refuses a score whose observation belongs to another trace", async () => {
    const [traceId, otherTrace, spanId] = [newTraceId(), newTraceId(), newSpanId()];
    expect((await postSpans([span(traceId, spanId, "", "root", 0, 10)])).status).toBe(200);
    const wrong = await postJson("/api/public/scores", {
      traceId: otherTrace,
      observationId: spanId,
      name: "relevance",
      value: 1,
    });
    expect(wrong.status).toBe(400);
    expect(String(wrong.body.error)).toMatch(/observationId/);
    const right = await postJson("/api/public/scores", {
      traceId,
      observationId: spanId,
      name: "relevance",
      value: 1,
    });
    expect(right.status).toBe(201);
  });
});
