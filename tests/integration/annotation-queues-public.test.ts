// Annotation queues over the public API in Langfuse's shapes: create a queue, queue traces and
// observations (never twice), page and filter items, complete and remove them; other projects
// see nothing.
import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

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

const run = randomBytes(4).toString("hex");

async function send(method: string, path: string, body?: unknown, auth = AUTH) {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { authorization: auth, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("public annotation queues API", () => {
  it("creates a queue, queues objects once, and tracks their status", async () => {
    const bad = await send("POST", "/api/public/annotation-queues", { name: " " });
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toMatch(/name/);
    const unknownConfig = await send("POST", "/api/public/annotation-queues", {
      name: `q-bad-${run}`,
      scoreConfigIds: ["nope"],
    });
    expect(unknownConfig.status).toBe(400);
    expect(String(unknownConfig.body.error)).toMatch(/scoreConfigIds/);

    const created = await send("POST", "/api/public/annotation-queues", {
      name: `q-${run}`,
      description: "weekly review",
    });
    expect(created.status).toBe(201);
    const queueId = String(created.body.id);
    const taken = await send("POST", "/api/public/annotation-queues", { name: `q-${run}` });
    expect(taken.status).toBe(409);

    const traceId = newTraceId();
    const spanId = newSpanId();
    expect((await postSpans([span(traceId, spanId, "", "answer", 0, 10)])).status).toBe(200);

    const items = `/api/public/annotation-queues/${queueId}/items`;
    const first = await send("POST", items, { objectId: traceId, objectType: "TRACE" });
    expect(first.status).toBe(200);
    const again = await send("POST", items, { objectId: traceId, objectType: "TRACE" });
    expect(again.body.id).toBe(first.body.id);
    const observation = await send("POST", items, {
      objectId: spanId,
      objectType: "OBSERVATION",
    });
    expect(observation.body).toMatchObject({
      objectId: spanId,
      objectType: "OBSERVATION",
      traceId,
    });
    const missing = await send("POST", items, { objectId: newSpanId(), objectType: "OBSERVATION" });
    expect(missing.status).toBe(400);
    expect(String(missing.body.error)).toMatch(/objectId/);
    const session = await send("POST", items, { objectId: "s1", objectType: "SESSION" });
    expect(session.status).toBe(400);
    expect(String(session.body.error)).toMatch(/objectType/);

    const done = await send("PATCH", `${items}/${String(first.body.id)}`, {
      status: "COMPLETED",
    });
    expect(done.body).toMatchObject({ status: "COMPLETED" });
    expect(done.body.completedAt).toEqual(expect.any(String));
    const pending = await getJson<{ data: { id: string }[]; meta: { totalItems: number } }>(
      `${items}?status=PENDING`,
    );
    expect(pending.body.data.map((item) => item.id)).toEqual([observation.body.id]);
    const all = await getJson<{ meta: { totalItems: number } }>(items);
    expect(all.body.meta.totalItems).toBe(2);

    const removed = await send("DELETE", `${items}/${String(observation.body.id)}`);
    expect(removed.body).toMatchObject({ success: true });
    expect((await getJson(`${items}/${String(observation.body.id)}`)).status).toBe(404);

    const listed = await getJson<{ data: { id: string; name: string }[] }>(
      "/api/public/annotation-queues?limit=100",
    );
    expect(listed.body.data.some((queue) => queue.id === queueId)).toBe(true);

    const other = await createOtherProject(`queues other ${run}`);
    expect((await getJson(`/api/public/annotation-queues/${queueId}`, other.auth)).status).toBe(
      404,
    );
    const foreignAdd = await send(
      "POST",
      items,
      { objectId: traceId, objectType: "TRACE" },
      other.auth,
    );
    expect(foreignAdd.status).toBe(404);
  });
});
