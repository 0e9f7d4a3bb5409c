// The scores API (issue #7): Langfuse-shaped bodies, validation that names the field, upsert by
// id, scores that arrive before their trace (orphans), score configs and project isolation.
import { LangfuseAPIClient } from "@langfuse/core";
import { beforeAll, describe, expect, it } from "vitest";

import { TEST_KEYS } from "../setup/test-env";
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

const RUN = newSpanId();

interface PublicScore {
  id: string;
  traceId: string | null;
  observationId: string | null;
  sessionId: string | null;
  name: string;
  value: number | null;
  stringValue: string | null;
  dataType: string;
  source: string;
  comment: string | null;
  configId: string | null;
  traceExists: boolean | null;
}

interface ScorePage {
  data: PublicScore[];
  meta: { page: number; limit: number; totalItems: number; totalPages: number };
}

async function send(method: string, path: string, body?: unknown, auth: string = AUTH) {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { authorization: auth, "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function postScore(body: unknown, auth: string = AUTH) {
  return send("POST", "/api/public/scores", body, auth);
}

async function createdScoreId(body: Record<string, unknown>): Promise<string> {
  const { status, body: reply } = await postScore(body);
  expect(status, JSON.stringify(reply)).toBe(201);
  return String(reply.id);
}

async function listScores(query: string): Promise<ScorePage> {
  const { status, body } = await getJson<ScorePage>(`/api/public/scores?${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

async function createConfig(body: Record<string, unknown>): Promise<string> {
  const { status, body: reply } = await send("POST", "/api/public/score-configs", body);
  expect(status, JSON.stringify(reply)).toBe(201);
  return String(reply.id);
}

describe("POST /api/public/scores refuses bad input with a 400 naming the field", () => {
  const traceId = newTraceId();
  let accuracyConfigId = "";

  beforeAll(async () => {
    accuracyConfigId = await createConfig({
      name: `refusals-${RUN}`,
      dataType: "NUMERIC",
      minValue: 0,
      maxValue: 1,
    });
  });

  it.each<[string, () => unknown, string]>([
    ["no name", () => ({ traceId, value: 1 }), "name"],
    ["an empty name", () => ({ traceId, name: " ", value: 1 }), "name"],
    ["no value", () => ({ traceId, name: "q" }), "value"],
    ["a null value", () => ({ traceId, name: "q", value: null }), "value"],
    ["an object value", () => ({ traceId, name: "q", value: { score: 1 } }), "value"],
    // Regression: 1e308 was stored, and the scores page then failed on it.
    ["a value above 1e12", () => ({ traceId, name: "q", value: 1e308 }), "value"],
    ["a value below -1e12", () => ({ traceId, name: "q", value: -1.5e12 }), "value"],
    ["no trace, observation or session", () => ({ name: "q", value: 1 }), "traceId"],
    ["an empty traceId", () => ({ traceId: "", name: "q", value: 1 }), "traceId"],
    ["an unknown dataType", () => ({ traceId, name: "q", value: 1, dataType: "TEXT" }), "dataType"],
    ["a string NUMERIC", () => ({ traceId, name: "q", value: "1", dataType: "NUMERIC" }), "value"],
    ["a BOOLEAN of 2", () => ({ traceId, name: "q", value: 2, dataType: "BOOLEAN" }), "value"],
    [
      "a numeric CATEGORICAL",
      () => ({ traceId, name: "q", value: 1, dataType: "CATEGORICAL" }),
      "value",
    ],
    ["an unknown source", () => ({ traceId, name: "q", value: 1, source: "HUMAN" }), "source"],
    ["a numeric comment", () => ({ traceId, name: "q", value: 1, comment: 5 }), "comment"],
    ["an unknown configId", () => ({ traceId, name: "q", value: 1, configId: "nope" }), "configId"],
    [
      "a value above the config's range",
      () => ({ traceId, name: `refusals-${RUN}`, value: 1.01, configId: accuracyConfigId }),
      "value",
    ],
    [
      "a value below the config's range",
      () => ({ traceId, name: `refusals-${RUN}`, value: -0.5, configId: accuracyConfigId }),
      "value",
    ],
    [
      "a dataType other than the config's",
      () => ({
        traceId,
        name: `refusals-${RUN}`,
        value: 1,
        dataType: "BOOLEAN",
        configId: accuracyConfigId,
      }),
      "dataType",
    ],
    [
      "a name other than the config's",
      () => ({ traceId, name: "other", value: 1, configId: accuracyConfigId }),
      "name",
    ],
  ])("%s", async (_title, body, field) => {
    const { status, body: reply } = await postScore(body());
    expect(status).toBe(400);
    expect(reply.error).toMatch(new RegExp(`^(Invalid )?${field}: `));
  });

  it("refuses a number too large to be finite", async () => {
    const { status, body } = await postScore(`{"traceId":"${traceId}","name":"q","value":1e999}`);
    expect(status).toBe(400);
    expect(body.error).toMatch(/^Invalid value: /);
  });

  it("refuses a body that is not JSON", async () => {
    const { status, body } = await postScore("{not json");
    expect({ status, body }).toEqual({
      status: 400,
      body: { error: "Request body is not valid JSON" },
    });
  });

  it("refuses a request without a key", async () => {
    const response = await fetch(`${baseUrl()}/api/public/scores`, { method: "POST", body: "{}" });
    expect(response.status).toBe(401);
  });
});

describe("POST /api/public/scores stores scores", () => {
  it("replaces a score sent twice with the same id: one score, the latest value", async () => {
    const traceId = newTraceId();
    const id = `idem-${RUN}`;
    const first = { id, traceId, name: "helpfulness", value: 0.2, comment: "first" };

    expect(await createdScoreId(first)).toBe(id);
    expect(await createdScoreId({ ...first, value: 0.9, comment: "second" })).toBe(id);

    const page = await listScores(`traceId=${traceId}`);
    expect(page.data.map((score) => [score.id, score.value, score.comment])).toEqual([
      [id, 0.9, "second"],
    ]);
    expect(page.meta.totalItems).toBe(1);
  });

  it("keeps one score when the same id is sent concurrently", async () => {
    const traceId = newTraceId();
    const id = `race-${RUN}`;
    const replies = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((value) => postScore({ id, traceId, name: "race", value })),
    );

    expect(replies.map((reply) => reply.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect((await listScores(`traceId=${traceId}`)).meta.totalItems).toBe(1);
  });

  it("creates a new score for each body without an id", async () => {
    const traceId = newTraceId();
    const body = { traceId, name: "helpfulness", value: 1 };
    const ids = [await createdScoreId(body), await createdScoreId(body)];

    expect(new Set(ids).size).toBe(2);
    expect((await listScores(`traceId=${traceId}`)).meta.totalItems).toBe(2);
  });

  it.each<[string, Record<string, unknown>, Partial<PublicScore>]>([
    [
      "a number as NUMERIC",
      { value: 0.75 },
      { dataType: "NUMERIC", value: 0.75, stringValue: null },
    ],
    [
      "a string as CATEGORICAL",
      { value: "good" },
      { dataType: "CATEGORICAL", stringValue: "good" },
    ],
    ["true as BOOLEAN 1", { value: true }, { dataType: "BOOLEAN", value: 1, stringValue: "True" }],
    [
      "0 with dataType BOOLEAN as False",
      { value: 0, dataType: "BOOLEAN" },
      { dataType: "BOOLEAN", value: 0, stringValue: "False" },
    ],
  ])("stores %s", async (_title, body, expected) => {
    const id = await createdScoreId({ sessionId: `session-${RUN}`, name: "kind", ...body });
    const { status, body: score } = await getJson<PublicScore>(`/api/public/scores/${id}`);
    expect(status).toBe(200);
    expect(score).toMatchObject({ ...expected, source: "API", traceExists: null });
  });
});

describe("scores that arrive before their trace", () => {
  it("lists the score as an orphan until the trace is ingested", async () => {
    const traceId = newTraceId();
    const spanId = newSpanId();
    const id = await createdScoreId({ traceId, observationId: spanId, name: "early", value: 1 });

    const before = await listScores(`orphans=true&traceId=${traceId}`);
    expect(before.data.map((score) => [score.id, score.traceExists])).toEqual([[id, false]]);

    const sent = await postSpans([span(traceId, spanId, "", "late trace", 0, 100)]);
    expect(sent.status).toBe(200);

    expect((await listScores(`orphans=true&traceId=${traceId}`)).data).toEqual([]);
    const after = await listScores(`traceId=${traceId}`);
    expect(after.data.map((score) => [score.id, score.traceExists])).toEqual([[id, true]]);
  });
});

describe("GET /api/public/scores filters and pages", () => {
  const traceId = newTraceId();
  const name = `filtered-${RUN}`;

  beforeAll(async () => {
    for (const value of [0.1, 0.5, 0.9]) await createdScoreId({ traceId, name, value });
    await createdScoreId({ traceId, name, value: 0.7, source: "ANNOTATION" });
  });

  it.each<[string, string, number[]]>([
    ["by name", `name=${name}`, [0.7, 0.9, 0.5, 0.1]],
    ["by source", `name=${name}&source=ANNOTATION`, [0.7]],
    ["by value >=", `name=${name}&operator=${encodeURIComponent(">=")}&value=0.5`, [0.7, 0.9, 0.5]],
    ["by value <", `name=${name}&operator=${encodeURIComponent("<")}&value=0.5`, [0.1]],
    ["by dataType", `name=${name}&dataType=CATEGORICAL`, []],
    ["by a future fromTimestamp", `name=${name}&fromTimestamp=2999-01-01T00:00:00Z`, []],
  ])("%s", async (_title, query, values) => {
    const page = await listScores(`traceId=${traceId}&${query}`);
    expect(page.data.map((score) => score.value)).toEqual(values);
  });

  it("pages with Langfuse's meta", async () => {
    const page = await listScores(`traceId=${traceId}&limit=3&page=2`);
    expect(page.meta).toEqual({ page: 2, limit: 3, totalItems: 4, totalPages: 2 });
    expect(page.data).toHaveLength(1);
  });

  it.each<[string, string]>([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["page=0", "page"],
    ["source=HUMAN", "source"],
    ["operator=%3E", "operator"],
    ["operator=like&value=1", "operator"],
    ["fromTimestamp=yesterday", "fromTimestamp"],
    ["orphans=yes", "orphans"],
  ])("refuses %s naming %s", async (query, field) => {
    const { status, body } = await getJson(`/api/public/scores?${query}`);
    expect(status).toBe(400);
    expect(body.error).toMatch(new RegExp(`^Invalid ${field}: `));
  });
});

describe("score configs", () => {
  it("enforces a NUMERIC config's inclusive range", async () => {
    const name = `accuracy-${RUN}`;
    const configId = await createConfig({ name, dataType: "NUMERIC", minValue: 0, maxValue: 1 });
    const traceId = newTraceId();

    for (const value of [0, 1]) {
      const id = await createdScoreId({ traceId, name, value, configId });
      const { body } = await getJson<PublicScore>(`/api/public/scores/${id}`);
      expect(body).toMatchObject({ value, configId, dataType: "NUMERIC" });
    }
    expect((await postScore({ traceId, name, value: 1.5, configId })).status).toBe(400);
  });

  it("holds a score that gives no configId to the active config of its name", async () => {
    const name = `faithful-${RUN}`;
    const configId = await createConfig({ name, dataType: "NUMERIC", minValue: 0, maxValue: 1 });
    const traceId = newTraceId();

    const refused = await postScore({ traceId, name, value: 7 });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/^value: /);
    const id = await createdScoreId({ traceId, name, value: 0.5 });
    const { body } = await getJson<PublicScore>(`/api/public/scores/${id}`);
    expect(body).toMatchObject({ value: 0.5, configId });
  });

  it("maps a CATEGORICAL label to its value and refuses unknown labels", async () => {
    const name = `tone-${RUN}`;
    const categories = [
      { label: "polite", value: 1 },
      { label: "rude", value: 0 },
    ];
    const configId = await createConfig({ name, dataType: "CATEGORICAL", categories });
    const traceId = newTraceId();

    const id = await createdScoreId({ traceId, name, value: "rude", configId });
    const { body } = await getJson<PublicScore>(`/api/public/scores/${id}`);
    expect(body).toMatchObject({ dataType: "CATEGORICAL", value: 0, stringValue: "rude" });

    const refused = await postScore({ traceId, name, value: "Rude", configId });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/^value: must be one of .*polite, rude/);
  });

  it("gives a BOOLEAN config True/False categories", async () => {
    const name = `correct-${RUN}`;
    const configId = await createConfig({ name, dataType: "BOOLEAN" });
    const { status, body } = await getJson(`/api/public/score-configs/${configId}`);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      name,
      dataType: "BOOLEAN",
      isArchived: false,
      categories: [
        { label: "True", value: 1 },
        { label: "False", value: 0 },
      ],
    });
  });

  it("refuses a second config of the same name with a 409", async () => {
    const body = { name: `twice-${RUN}`, dataType: "NUMERIC" };
    await createConfig(body);
    const again = await send("POST", "/api/public/score-configs", body);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/^name: /);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["no name", { dataType: "NUMERIC" }, "name"],
    ["a name with a slash", { name: "a/b", dataType: "NUMERIC" }, "name"],
    ["no dataType", { name: "x" }, "dataType"],
    ["a CATEGORICAL without categories", { name: "x", dataType: "CATEGORICAL" }, "categories"],
    [
      "repeated labels",
      {
        name: "x",
        dataType: "CATEGORICAL",
        categories: [
          { label: "a", value: 1 },
          { label: "a", value: 2 },
        ],
      },
      "categories",
    ],
    ["categories on NUMERIC", { name: "x", dataType: "NUMERIC", categories: [] }, "categories"],
    ["a range on BOOLEAN", { name: "x", dataType: "BOOLEAN", minValue: 0 }, "minValue"],
    ["min above max", { name: "x", dataType: "NUMERIC", minValue: 2, maxValue: 1 }, "maxValue"],
  ])("refuses %s naming the field", async (_title, body, field) => {
    const { status, body: reply } = await send("POST", "/api/public/score-configs", body);
    expect(status).toBe(400);
    expect(reply.error).toMatch(new RegExp(`^(Invalid )?${field}: `));
  });

  it("lists the project's configs with meta", async () => {
    const { status, body } = await getJson<{ data: unknown[]; meta: { totalItems: number } }>(
      "/api/public/score-configs?limit=100",
    );
    expect(status).toBe(200);
    expect(body.meta.totalItems).toBeGreaterThanOrEqual(4);
  });
});

describe("project isolation", () => {
  let other: Awaited<ReturnType<typeof createOtherProject>>;
  let scoreId = "";
  let configId = "";

  beforeAll(async () => {
    other = await createOtherProject(`scores-other-${RUN}`);
    configId = await createConfig({ name: `private-${RUN}`, dataType: "NUMERIC" });
    scoreId = await createdScoreId({ traceId: newTraceId(), name: "private", value: 1 });
  });

  it.each<[string, string]>([
    ["GET", `/api/public/scores/${"{score}"}`],
    ["DELETE", `/api/public/scores/${"{score}"}`],
    ["GET", `/api/public/score-configs/${"{config}"}`],
  ])("answers %s %s of another project with 404", async (method, template) => {
    const path = template.replace("{score}", scoreId).replace("{config}", configId);
    const { status } = await send(method, path, undefined, other.auth);
    expect(status).toBe(404);
    expect((await getJson(path)).status).toBe(200);
  });

  it("does not list another project's scores nor accept its config", async () => {
    const { body } = await getJson<ScorePage>(`/api/public/scores?limit=100`, other.auth);
    expect(body.data.map((score) => score.id)).not.toContain(scoreId);

    const refused = await postScore(
      { traceId: newTraceId(), name: `private-${RUN}`, value: 1, configId },
      other.auth,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/^configId: /);
  });

  it("keeps the same client id apart per project", async () => {
    const id = `shared-${RUN}`;
    await createdScoreId({ id, traceId: newTraceId(), name: "mine", value: 1 });
    const theirs = await postScore(
      { id, traceId: newTraceId(), name: "theirs", value: 2 },
      other.auth,
    );
    expect(theirs.status).toBe(201);

    const { body } = await getJson<PublicScore>(`/api/public/scores/${id}`);
    expect(body).toMatchObject({ name: "mine", value: 1 });
  });
});

describe("DELETE /api/public/scores/{id}", () => {
  it("deletes the score, then answers 404", async () => {
    const id = await createdScoreId({ traceId: newTraceId(), name: "gone", value: 1 });
    expect((await send("DELETE", `/api/public/scores/${id}`)).status).toBe(200);
    expect((await getJson(`/api/public/scores/${id}`)).status).toBe(404);
    expect((await send("DELETE", `/api/public/scores/${id}`)).status).toBe(404);
  });
});

describe("Langfuse's API client (@langfuse/core 5.11.1)", () => {
  const client = new LangfuseAPIClient({
    environment: baseUrl(),
    baseUrl: baseUrl(),
    username: TEST_KEYS.publicKey,
    password: TEST_KEYS.secretKey,
  });

  it("creates a score and score config and reads the config back", async () => {
    const traceId = newTraceId();
    const config = await client.scoreConfigs.create({
      name: `lf-${RUN}`,
      dataType: "NUMERIC",
      minValue: 0,
      maxValue: 5,
    });
    const created = await client.scores.create({
      id: `lf-score-${RUN}`,
      traceId,
      name: `lf-${RUN}`,
      value: 4,
      configId: config.id,
      comment: "from the Langfuse client",
      metadata: { judge: "human" },
    });

    expect(created).toEqual({ id: `lf-score-${RUN}` });
    expect(await client.scoreConfigs.getById(config.id)).toMatchObject({ maxValue: 5 });
    const { body } = await getJson<PublicScore>(`/api/public/scores/${created.id}`);
    expect(body).toMatchObject({ traceId, value: 4, comment: "from the Langfuse client" });
  });

  it("surfaces a refused score as the client's 400 error", async () => {
    await expect(
      client.scores.create({ traceId: newTraceId(), name: "x", value: "1", dataType: "NUMERIC" }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });
});
