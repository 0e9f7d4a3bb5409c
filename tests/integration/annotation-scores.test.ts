// Scoring by hand (issue #7): the cookie-authenticated scoring routes behind the trace page's
// score panel, their validation, one score per reviewer and name, labels, roles, and the
// Langfuse v2 score list.
import { beforeAll, describe, expect, it } from "vitest";

import type { SessionClient } from "../setup/session-client";
import { stringAttribute } from "../../lib/otlp/test-builders";
import { AUTH, baseUrl, getJson, newSpanId, newTraceId, postSpans, span } from "./ingest-helpers";
import { bootstrapProject, signInOwner, signInWithRole } from "./reviewer-helpers";

const RUN = newSpanId();

interface PanelScore {
  id: string;
  name: string;
  value: number | null;
  stringValue: string | null;
  source: string;
  comment: string | null;
  authorUserId: string | null;
  authorName: string | null;
  observationId: string | null;
}

interface PanelData {
  scores: PanelScore[];
  canScore: boolean;
  configs: Array<{ id: string; name: string }>;
}

async function createConfig(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${baseUrl()}/api/public/score-configs`, {
    method: "POST",
    headers: { authorization: AUTH, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const reply = (await response.json()) as { id: string };
  expect(response.status, JSON.stringify(reply)).toBe(201);
  return reply.id;
}

let projectId = "";
let owner: SessionClient;
let correctnessId = "";
let toneId = "";
let helpfulId = "";

function scoresPath(query = ""): string {
  return `/api/projects/${projectId}/scores${query}`;
}

async function panel(client: SessionClient, traceId: string, observationId?: string) {
  const query = new URLSearchParams({ traceId });
  if (observationId) query.set("observationId", observationId);
  const reply = await client.json(scoresPath(`?${query.toString()}`));
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as unknown as PanelData;
}

beforeAll(async () => {
  ({ projectId } = await bootstrapProject());
  owner = await signInOwner();
  correctnessId = await createConfig({
    name: `correctness-${RUN}`,
    dataType: "NUMERIC",
    minValue: 0,
    maxValue: 1,
  });
  toneId = await createConfig({
    name: `tone-${RUN}`,
    dataType: "CATEGORICAL",
    categories: [
      { label: "polite", value: 1 },
      { label: "rude", value: 0 },
    ],
  });
  helpfulId = await createConfig({ name: `helpful-${RUN}`, dataType: "BOOLEAN" });
});

describe("POST /api/projects/:projectId/scores refuses bad input naming the field", () => {
  const traceId = newTraceId();

  it.each<[string, () => Record<string, unknown>, number, RegExp]>([
    ["no traceId", () => ({ name: "x", value: 1 }), 400, /traceId/],
    ["an empty name", () => ({ traceId, name: " ", value: 1 }), 400, /name/],
    [
      "a value above the config's max",
      () => ({ traceId, configId: correctnessId, name: `correctness-${RUN}`, value: 1.01 }),
      400,
      /value: must be at most 1/,
    ],
    [
      "a value below the config's min",
      () => ({ traceId, configId: correctnessId, name: `correctness-${RUN}`, value: -0.1 }),
      400,
      /value: must be at least 0/,
    ],
    [
      "a category the config lacks (labels match exactly)",
      () => ({ traceId, configId: toneId, name: `tone-${RUN}`, value: "Polite" }),
      400,
      /value: must be one of the categories/,
    ],
    [
      "a name other than the config's",
      () => ({ traceId, configId: toneId, name: "tone", value: "polite" }),
      400,
      /name: must equal/,
    ],
    [
      "a boolean config given text",
      () => ({ traceId, configId: helpfulId, name: `helpful-${RUN}`, value: "maybe" }),
      400,
      /value: must be 0, 1, true or false/,
    ],
    [
      "an unknown config",
      () => ({ traceId, configId: "nope", name: "x", value: 1 }),
      400,
      /configId: no score config nope/,
    ],
    ["an empty label", () => ({ traceId, name: "label", value: "  " }), 400, /value/],
    ["an object as value", () => ({ traceId, name: "x", value: { a: 1 } }), 400, /value/],
  ])("refuses %s", async (_title, body, status, message) => {
    const reply = await owner.json(scoresPath(), "POST", body());
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    expect(String(reply.body.error)).toMatch(message);
    expect((await panel(owner, traceId)).scores).toEqual([]);
  });

  it("accepts 0 and 1 at the edges of [0, 1]", async () => {
    for (const value of [0, 1]) {
      const reply = await owner.json(scoresPath(), "POST", {
        traceId,
        configId: correctnessId,
        name: `correctness-${RUN}`,
        value,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    }
    const scores = (await panel(owner, traceId)).scores;
    expect(scores.map((score) => score.value)).toEqual([1]);
  });

  it("refuses a text/plain body (what a cross-site form could send)", async () => {
    const response = await owner.request(scoresPath(), {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ traceId, name: "x", value: 1 }),
    });
    expect(response.status).toBe(415);
  });

  it("refuses a request from another origin", async () => {
    const response = await owner.request(scoresPath(), {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ traceId, name: "x", value: 1 }),
    });
    expect(response.status).toBe(403);
  });
});

describe("reviewer scores", () => {
  it("keeps one score per reviewer, name and target: scoring again replaces it", async () => {
    const traceId = newTraceId();
    const body = { traceId, configId: toneId, name: `tone-${RUN}` };
    expect((await owner.json(scoresPath(), "POST", { ...body, value: "rude" })).status).toBe(201);
    const again = await owner.json(scoresPath(), "POST", {
      ...body,
      value: "polite",
      comment: "changed my mind",
    });
    expect(again.status).toBe(201);

    const { scores, canScore } = await panel(owner, traceId);
    expect(canScore).toBe(true);
    expect(scores).toHaveLength(1);
    expect(scores[0]).toMatchObject({
      name: `tone-${RUN}`,
      stringValue: "polite",
      value: 1,
      source: "ANNOTATION",
      comment: "changed my mind",
      authorName: expect.any(String),
      observationId: null,
    });
    expect(scores[0]?.authorUserId).toBeTruthy();
  });

  it("stores labels as one score each, and scores a span apart from its trace", async () => {
    const traceId = newTraceId();
    const spanId = newSpanId();
    for (const label of ["hallucination", "too long", "hallucination"]) {
      const reply = await owner.json(scoresPath(), "POST", {
        traceId,
        observationId: spanId,
        name: "label",
        value: label,
      });
      expect(reply.status).toBe(201);
    }
    const spanScores = (await panel(owner, traceId, spanId)).scores;
    expect(spanScores.map((score) => score.stringValue).sort()).toEqual([
      "hallucination",
      "too long",
    ]);
    expect((await panel(owner, traceId)).scores).toEqual([]);
  });

  it("stores hex ids in lowercase, so an id typed in capitals finds the same trace", async () => {
    const traceId = newTraceId();
    const spanId = newSpanId();
    const reply = await owner.json(scoresPath(), "POST", {
      traceId: traceId.toUpperCase(),
      observationId: spanId.toUpperCase(),
      name: "label",
      value: "shouting",
    });
    expect(reply.status).toBe(201);
    const scores = (await panel(owner, traceId, spanId)).scores;
    expect(scores.map((score) => score.stringValue)).toEqual(["shouting"]);
    expect((await panel(owner, traceId.toUpperCase(), spanId.toUpperCase())).scores).toHaveLength(
      1,
    );
  });

  it("shows API and judge scores with their author next to the reviewer's", async () => {
    const traceId = newTraceId();
    const response = await fetch(`${baseUrl()}/api/public/scores`, {
      method: "POST",
      headers: { authorization: AUTH, "content-type": "application/json" },
      body: JSON.stringify({ traceId, name: `api-${RUN}`, value: 0.5 }),
    });
    expect(response.status).toBe(201);
    const { scores } = await panel(owner, traceId);
    expect(scores).toEqual([
      expect.objectContaining({ source: "API", authorName: "pk-sl-test-public-key" }),
    ]);
  });
});

describe("roles", () => {
  it("lets a viewer read scores but not score or delete", async () => {
    const traceId = newTraceId();
    const created = await owner.json(scoresPath(), "POST", {
      traceId,
      configId: helpfulId,
      name: `helpful-${RUN}`,
      value: true,
    });
    expect(created.status).toBe(201);

    const viewer = (await signInWithRole("VIEWER")).client;
    const data = await panel(viewer, traceId);
    expect(data.canScore).toBe(false);
    expect(data.scores).toHaveLength(1);

    const write = await viewer.json(scoresPath(), "POST", { traceId, name: "x", value: 1 });
    expect(write.status).toBe(403);
    expect(String(write.body.error)).toMatch(/requires the member role or higher; you are viewer/);
    const remove = await viewer.json(scoresPath(`/${String(created.body.id)}`), "DELETE");
    expect(remove.status).toBe(403);
    expect((await panel(owner, traceId)).scores).toHaveLength(1);
  });

  it("lets a member score and delete their own scores, not others'", async () => {
    const traceId = newTraceId();
    const ownerScore = await owner.json(scoresPath(), "POST", {
      traceId,
      name: "label",
      value: "a",
    });
    const member = (await signInWithRole("MEMBER")).client;
    const memberScore = await member.json(scoresPath(), "POST", {
      traceId,
      name: "label",
      value: "b",
    });
    expect(memberScore.status).toBe(201);

    const notTheirs = await member.json(scoresPath(`/${String(ownerScore.body.id)}`), "DELETE");
    expect(notTheirs.status).toBe(403);
    const theirs = await member.json(scoresPath(`/${String(memberScore.body.id)}`), "DELETE");
    expect(theirs.status).toBe(200);
    expect((await panel(owner, traceId)).scores.map((score) => score.stringValue)).toEqual(["a"]);
  });

  it("answers 404 to a user of another organization and 401 without a session", async () => {
    const stranger = (await signInWithRole(null)).client;
    const read = await stranger.json(scoresPath("?traceId=x"));
    expect(read.status).toBe(404);
    const write = await stranger.json(scoresPath(), "POST", { traceId: "x", name: "x", value: 1 });
    expect(write.status).toBe(404);
    const anonymous = await fetch(`${baseUrl()}${scoresPath("?traceId=x")}`);
    expect(anonymous.status).toBe(401);
  });
});

describe("GET /api/public/v2/scores", () => {
  it("lists scores with their trace's data, null for orphans", async () => {
    const traceId = newTraceId();
    const orphanTraceId = newTraceId();
    const ingest = await postSpans([
      span(traceId, newSpanId(), "", "answer", 0, 10, {
        attributes: [
          stringAttribute("user.id", `ada-${RUN}`),
          stringAttribute("sightline.feature", "qa"),
        ],
      }),
    ]);
    expect(ingest.status).toBe(200);
    for (const target of [traceId, orphanTraceId]) {
      const response = await fetch(`${baseUrl()}/api/public/scores`, {
        method: "POST",
        headers: { authorization: AUTH, "content-type": "application/json" },
        body: JSON.stringify({ traceId: target, name: `v2-${RUN}`, value: 1 }),
      });
      expect(response.status).toBe(201);
    }

    const { status, body } = await getJson<{
      data: Array<{ traceId: string; trace: { userId: string | null; tags: string[] } | null }>;
      meta: { totalItems: number };
    }>(`/api/public/v2/scores?name=v2-${RUN}`);
    expect(status).toBe(200);
    expect(body.meta.totalItems).toBe(2);
    const byTrace = new Map(body.data.map((score) => [score.traceId, score.trace]));
    expect(byTrace.get(traceId)).toMatchObject({ userId: `ada-${RUN}`, tags: [] });
    expect(byTrace.get(orphanTraceId)).toBeNull();

    const users = await getJson<{ data: unknown[] }>(
      `/api/public/v2/scores?name=v2-${RUN}&userId=ada-${RUN}`,
    );
    expect(users.body.data).toHaveLength(1);
    const orphans = await getJson<{ data: Array<{ traceId: string }> }>(
      `/api/public/v2/scores?name=v2-${RUN}&orphans=true`,
    );
    expect(orphans.body.data.map((score) => score.traceId)).toEqual([orphanTraceId]);
  });

  it("refuses a bad operator with a 400 naming it", async () => {
    const { status, body } = await getJson<{ error: string }>(
      `/api/public/v2/scores?operator=~&value=1`,
    );
    expect(status).toBe(400);
    expect(body.error).toMatch(/operator/);
  });
});
