// Annotation queues (issue #7): created from a traces-list filter or a selection, nothing queued
// twice, reviewers stepping through (next / skip / done, resume), validation and roles.
import { beforeAll, describe, expect, it } from "vitest";

import { stringAttribute } from "../../lib/otlp/test-builders";
import type { SessionClient } from "../setup/session-client";
import { AUTH, baseUrl, newSpanId, newTraceId, postSpans, span } from "./ingest-helpers";
import { bootstrapProject, signInOwner, signInWithRole } from "./reviewer-helpers";

const RUN = newSpanId();
const TAG = `queue-${RUN}`;

interface Queue {
  id: string;
  name: string;
  total: number;
  completed: number;
  scoreConfigIds: string[];
  sourceFilter: string | null;
}

interface Review {
  queue: Queue;
  item: { id: string; traceId: string; status: string; position: number } | null;
  nextItemId: string | null;
  nextPendingId: string | null;
}

let projectId = "";
let owner: SessionClient;
// Newest first, as the list (and so the queue) orders them.
const traceIds: string[] = [];

function path(suffix = ""): string {
  return `/api/projects/${projectId}/queues${suffix}`;
}

async function createQueue(body: Record<string, unknown>) {
  const reply = await owner.json(path(), "POST", body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as unknown as { queue: Queue; added: number };
}

async function review(queueId: string, itemId?: string): Promise<Review> {
  const reply = await owner.json(path(`/${queueId}${itemId ? `?item=${itemId}` : ""}`));
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as unknown as Review;
}

beforeAll(async () => {
  ({ projectId } = await bootstrapProject());
  owner = await signInOwner();
  const spans = [];
  for (let index = 0; index < 3; index += 1) {
    const traceId = newTraceId();
    traceIds.unshift(traceId);
    spans.push(
      span(traceId, newSpanId(), "", `queued-${index}`, index * 1000, index * 1000 + 10, {
        attributes: [stringAttribute("langfuse.trace.tags", JSON.stringify([TAG]))],
      }),
    );
  }
  spans.push(span(newTraceId(), newSpanId(), "", "not tagged", 0, 10));
  expect((await postSpans(spans)).status).toBe(200);
});

describe("creating a queue", () => {
  it("queues every trace matching a filter, once, however often it is added", async () => {
    const filter = `tag=${TAG}&range=all`;
    const { queue, added } = await createQueue({ name: `from filter ${RUN}`, filter });
    expect(added).toBe(3);
    expect(queue).toMatchObject({ total: 3, completed: 0, sourceFilter: filter });

    const again = await owner.json(path(`/${queue.id}/items`), "POST", { filter });
    expect(again.body).toMatchObject({ added: 0, queue: { total: 3 } });
    const selection = await owner.json(path(`/${queue.id}/items`), "POST", {
      traceIds: [traceIds[0], traceIds[0]?.toUpperCase(), "0".repeat(32)],
    });
    expect(selection.body).toMatchObject({ added: 0, queue: { total: 3 } });
  });

  it("fills a queue from a filter in batches, each adding only traces not queued yet", async () => {
    const filter = `tag=${TAG}&range=all`;
    const { queue, added, matching } = (await createQueue({
      name: `batches ${RUN}`,
      filter,
      limit: 2,
    })) as { queue: Queue; added: number; matching: number };
    expect([added, matching]).toEqual([2, 3]);
    const batches = [];
    for (let batch = 0; batch < 2; batch += 1) {
      const reply = await owner.json(path(`/${queue.id}/items`), "POST", { filter, limit: 2 });
      batches.push(reply.body.added);
    }
    expect(batches).toEqual([1, 0]);
    const first = await review(queue.id);
    expect(first.item?.traceId).toBe(traceIds[0]);
    expect(first.queue.total).toBe(3);
  });

  it("queues a selection of traces, skipping ids that are not traces of the project", async () => {
    const { queue, added } = await createQueue({
      name: `from selection ${RUN}`,
      traceIds: [traceIds[1], "f".repeat(32)],
    });
    expect(added).toBe(1);
    expect(queue).toMatchObject({ total: 1, sourceFilter: null });
  });

  it.each<[string, Record<string, unknown>, number, RegExp]>([
    ["an empty name", { name: " " }, 400, /name/],
    [
      "an unknown score config",
      { name: `x-${RUN}`, scoreConfigIds: ["nope"] },
      400,
      /scoreConfigIds: no score config nope/,
    ],
    ["a bad filter", { name: `y-${RUN}`, filter: "minLatency=-5" }, 400, /minLatency/],
    ["trace ids that are not a list", { name: `z-${RUN}`, traceIds: "abc" }, 400, /traceIds/],
    ["a batch limit of 0", { name: `l-${RUN}`, filter: "range=all", limit: 0 }, 400, /limit/],
  ])("refuses %s", async (_title, body, status, message) => {
    const reply = await owner.json(path(), "POST", body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    expect(String(reply.body.error)).toMatch(message);
  });

  it("refuses a second queue of the same name with 409", async () => {
    await createQueue({ name: `twice ${RUN}` });
    const reply = await owner.json(path(), "POST", { name: `twice ${RUN}` });
    expect(reply.status).toBe(409);
    expect(String(reply.body.error)).toMatch(/name: a queue named/);
  });

  it("refuses items given both as a filter and as ids", async () => {
    const { queue } = await createQueue({ name: `both ${RUN}` });
    const reply = await owner.json(path(`/${queue.id}/items`), "POST", {
      filter: "range=all",
      traceIds: [traceIds[0]],
    });
    expect(reply.status).toBe(400);
    expect(String(reply.body.error)).toMatch(/traceIds: give either traceIds or filter/);
  });
});

describe("reviewing a queue", () => {
  it("steps through items: done moves on, skip leaves it to do, reopening resumes", async () => {
    const { queue } = await createQueue({ name: `review ${RUN}`, filter: `tag=${TAG}&range=all` });
    const first = await review(queue.id);
    expect(first.item).toMatchObject({ traceId: traceIds[0], position: 1, status: "PENDING" });

    const done = await owner.json(path(`/${queue.id}/items/${first.item?.id}`), "PATCH", {
      status: "COMPLETED",
    });
    expect(done.status).toBe(200);
    const second = await review(queue.id, String(done.body.nextPendingId));
    expect(second.item).toMatchObject({ traceId: traceIds[1], position: 2 });
    expect(second.queue).toMatchObject({ completed: 1, total: 3 });

    // Skip the second: the third is next to do; after the third, the skipped one comes round.
    const third = await review(queue.id, String(second.nextPendingId));
    expect(third.item).toMatchObject({ traceId: traceIds[2], position: 3 });
    expect(third.nextItemId).toBeNull();
    expect(third.nextPendingId).toBe(second.item?.id);

    const resumed = await review(queue.id);
    expect(resumed.item?.id).toBe(second.item?.id);

    // Next goes through every item, done or not.
    expect((await review(queue.id, first.item?.id)).nextItemId).toBe(second.item?.id);

    for (const item of [second.item, third.item]) {
      await owner.json(path(`/${queue.id}/items/${item?.id}`), "PATCH", { status: "COMPLETED" });
    }
    const finished = await review(queue.id);
    expect(finished.item).toBeNull();
    expect(finished.queue).toMatchObject({ completed: 3, total: 3 });
  });

  it("reopens after the item done last, coming round to items skipped before it", async () => {
    const { queue } = await createQueue({ name: `resume ${RUN}`, filter: `tag=${TAG}&range=all` });
    const first = await review(queue.id);
    const second = await review(queue.id, String(first.nextItemId));
    await owner.json(path(`/${queue.id}/items/${second.item?.id}`), "PATCH", {
      status: "COMPLETED",
    });

    // Regression: reopening went back to the first item skipped, not to where the review was.
    expect((await review(queue.id)).item).toMatchObject({ traceId: traceIds[2] });
    const third = await review(queue.id);
    await owner.json(path(`/${queue.id}/items/${third.item?.id}`), "PATCH", {
      status: "COMPLETED",
    });
    expect((await review(queue.id)).item).toMatchObject({ traceId: traceIds[0] });
  });

  it("records the queue a score was given in, and refuses a queue of no such id", async () => {
    const { queue } = await createQueue({ name: `scored ${RUN}`, traceIds: [traceIds[0]] });
    const name = `queue-verdict-${RUN}`;
    const scored = await owner.json(`/api/projects/${projectId}/scores`, "POST", {
      traceId: traceIds[0],
      name,
      value: 1,
      queueId: queue.id,
    });
    expect(scored.status, JSON.stringify(scored.body)).toBe(201);
    const listed = await fetch(
      `${baseUrl()}/api/public/v2/scores?name=${encodeURIComponent(name)}`,
      { headers: { authorization: AUTH } },
    );
    const { data } = (await listed.json()) as { data: Array<{ queueId: string | null }> };
    expect(data.map((score) => score.queueId)).toEqual([queue.id]);

    const unknown = await owner.json(`/api/projects/${projectId}/scores`, "POST", {
      traceId: traceIds[0],
      name,
      value: 0,
      queueId: "no-such-queue",
    });
    expect(unknown.status).toBe(400);
    expect(String(unknown.body.error)).toContain("queueId");
  });

  it("refuses an unknown status and answers 404 for an item of another queue", async () => {
    const { queue } = await createQueue({ name: `status ${RUN}`, traceIds: [traceIds[0]] });
    const { item } = await review(queue.id);
    const bad = await owner.json(path(`/${queue.id}/items/${item?.id}`), "PATCH", {
      status: "DONE",
    });
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toMatch(/status/);

    const other = await createQueue({ name: `other ${RUN}` });
    const foreign = await owner.json(path(`/${other.queue.id}/items/${item?.id}`), "PATCH", {
      status: "COMPLETED",
    });
    expect(foreign.status).toBe(404);
    expect((await owner.json(path(`/${other.queue.id}?item=${item?.id}`))).status).toBe(404);
  });
});

describe("reviewing a span", () => {
  it("shows a queued observation's own input and scores that span", async () => {
    const traceId = newTraceId();
    const rootId = newSpanId();
    const childId = newSpanId();
    const input = `retrieval query ${RUN}`;
    expect(
      (
        await postSpans([
          span(traceId, rootId, "", "root", 0, 100),
          span(traceId, childId, rootId, `retrieve-${RUN}`, 10, 50, {
            attributes: [stringAttribute("langfuse.observation.input", JSON.stringify(input))],
          }),
        ])
      ).status,
    ).toBe(200);
    const created = await fetch(`${baseUrl()}/api/public/annotation-queues`, {
      method: "POST",
      headers: { authorization: AUTH, "content-type": "application/json" },
      body: JSON.stringify({ name: `spans ${RUN}` }),
    });
    const queueId = String(((await created.json()) as { id: string }).id);
    const item = await fetch(`${baseUrl()}/api/public/annotation-queues/${queueId}/items`, {
      method: "POST",
      headers: { authorization: AUTH, "content-type": "application/json" },
      body: JSON.stringify({ objectId: childId, objectType: "OBSERVATION" }),
    });
    expect(item.status).toBe(200);

    const state = await review(queueId);
    expect(state.item).toMatchObject({ traceId, observationId: childId });
    expect(state.item).toMatchObject({ trace: { name: `retrieve-${RUN}`, input } });
  });
});

describe("queue roles", () => {
  it("lets a viewer read queues but not create, fill, review or delete them", async () => {
    const { queue } = await createQueue({ name: `roles ${RUN}`, traceIds: [traceIds[0]] });
    const { item } = await review(queue.id);
    const viewer = (await signInWithRole("VIEWER")).client;

    expect((await viewer.json(path())).status).toBe(200);
    expect((await viewer.json(path(`/${queue.id}`))).status).toBe(200);
    const attempts = [
      await viewer.json(path(), "POST", { name: `viewer ${RUN}` }),
      await viewer.json(path(`/${queue.id}/items`), "POST", { traceIds: [traceIds[1]] }),
      await viewer.json(path(`/${queue.id}/items/${item?.id}`), "PATCH", { status: "COMPLETED" }),
      await viewer.json(path(`/${queue.id}`), "DELETE"),
    ];
    expect(attempts.map((attempt) => attempt.status)).toEqual([403, 403, 403, 403]);
    expect((await review(queue.id)).queue).toMatchObject({ total: 1, completed: 0 });
  });

  it("lets a member manage and review queues", async () => {
    const member = (await signInWithRole("MEMBER")).client;
    const created = await member.json(path(), "POST", {
      name: `member ${RUN}`,
      traceIds: [traceIds[2]],
    });
    expect(created.status).toBe(201);
    const queueId = String((created.body.queue as Queue).id);
    const { item } = await review(queueId);
    const done = await member.json(path(`/${queueId}/items/${item?.id}`), "PATCH", {
      status: "COMPLETED",
    });
    expect(done.status).toBe(200);
    expect((await member.json(path(`/${queueId}`), "DELETE")).status).toBe(200);
    expect((await owner.json(path(`/${queueId}`))).status).toBe(404);
  });

  it("answers 404 to someone outside the organization", async () => {
    const stranger = (await signInWithRole(null)).client;
    expect((await stranger.json(path())).status).toBe(404);
    expect((await stranger.json(path(), "POST", { name: "x" })).status).toBe(404);
  });
});
