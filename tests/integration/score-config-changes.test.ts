// Changing score configs over the public API (issue #7): archiving (Langfuse's PATCH), which
// stops new scores naming the config and hides its control, and deleting, which keeps scores.
import { describe, expect, it } from "vitest";

import { AUTH, baseUrl, createOtherProject, newSpanId, newTraceId } from "./ingest-helpers";
import { bootstrapProject, signInOwner, signInWithRole } from "./reviewer-helpers";

const RUN = newSpanId();

async function send(method: string, path: string, body?: unknown, auth = AUTH) {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { authorization: auth, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function createConfig(name: string): Promise<string> {
  const reply = await send("POST", "/api/public/score-configs", {
    name,
    dataType: "NUMERIC",
    minValue: 0,
    maxValue: 1,
  });
  expect(reply.status).toBe(201);
  return String(reply.body.id);
}

describe("PATCH /api/public/score-configs/:id", () => {
  it("archives a config: scores naming it are refused until it is unarchived", async () => {
    const name = `archived-${RUN}`;
    const configId = await createConfig(name);
    const archived = await send("PATCH", `/api/public/score-configs/${configId}`, {
      isArchived: true,
      description: "retired",
    });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ isArchived: true, description: "retired" });

    const score = { traceId: newTraceId(), name, value: 0.5, configId };
    const refused = await send("POST", "/api/public/scores", score);
    expect(refused.status).toBe(400);
    expect(String(refused.body.error)).toMatch(/configId: score config .* is archived/);

    await send("PATCH", `/api/public/score-configs/${configId}`, { isArchived: false });
    expect((await send("POST", "/api/public/scores", score)).status).toBe(201);
  });

  it("says why the name of an archived config cannot be taken again", async () => {
    const name = `retired-${RUN}`;
    const configId = await createConfig(name);
    await send("PATCH", `/api/public/score-configs/${configId}`, { isArchived: true });

    const again = await send("POST", "/api/public/score-configs", { name, dataType: "BOOLEAN" });
    expect(again.status).toBe(409);
    expect(String(again.body.error)).toMatch(/^name: .* already exists \(archived: unarchive it/);
  });

  it("renames a config and changes its range: new scores follow it, given ones stay", async () => {
    const configId = await createConfig(`range-${RUN}`);
    const traceId = newTraceId();
    const given = await send("POST", "/api/public/scores", {
      traceId,
      name: `range-${RUN}`,
      value: 0.5,
      configId,
    });
    expect(given.status).toBe(201);

    const renamed = `ranged-${RUN}`;
    const changed = await send("PATCH", `/api/public/score-configs/${configId}`, {
      name: renamed,
      minValue: 1,
      maxValue: 5,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: renamed, minValue: 1, maxValue: 5 });

    const below = await send("POST", "/api/public/scores", {
      traceId,
      name: renamed,
      value: 0.5,
      configId,
    });
    expect(below.status).toBe(400);
    expect(String(below.body.error)).toMatch(/^value: /);
    const within = { traceId, name: renamed, value: 4, configId };
    expect((await send("POST", "/api/public/scores", within)).status).toBe(201);

    const kept = await send("GET", `/api/public/scores/${String(given.body.id)}`);
    expect(kept.body).toMatchObject({ name: `range-${RUN}`, value: 0.5 });

    const unbounded = await send("PATCH", `/api/public/score-configs/${configId}`, {
      maxValue: null,
    });
    expect(unbounded.body).toMatchObject({ minValue: 1, maxValue: null });
  });

  it("replaces the categories of a categorical config", async () => {
    const name = `verdict-${RUN}`;
    const created = await send("POST", "/api/public/score-configs", {
      name,
      dataType: "CATEGORICAL",
      categories: [{ label: "good", value: 1 }],
    });
    const configId = String(created.body.id);
    const changed = await send("PATCH", `/api/public/score-configs/${configId}`, {
      categories: [
        { label: "good", value: 1 },
        { label: "bad", value: 0 },
      ],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.categories).toEqual([
      { label: "good", value: 1 },
      { label: "bad", value: 0 },
    ]);
    const score = { traceId: newTraceId(), name, value: "bad", configId };
    const reply = await send("POST", "/api/public/scores", score);
    expect(reply.status).toBe(201);
    const stored = await send("GET", `/api/public/scores/${String(reply.body.id)}`);
    expect(stored.body).toMatchObject({ value: 0, stringValue: "bad" });
  });

  it("refuses a name another config has with a 409", async () => {
    const taken = `taken-${RUN}`;
    await createConfig(taken);
    const configId = await createConfig(`other-${RUN}`);
    const reply = await send("PATCH", `/api/public/score-configs/${configId}`, { name: taken });
    expect(reply.status).toBe(409);
    expect(String(reply.body.error)).toMatch(/^name: /);
  });

  it.each<[string, unknown, RegExp]>([
    ["a non-boolean isArchived", { isArchived: "yes" }, /isArchived/],
    ["a field that cannot change", { dataType: "BOOLEAN" }, /dataType|Unrecognized/],
    ["an empty range", { minValue: 2 }, /^maxValue: must be at least minValue/],
    ["categories on a numeric config", { categories: [] }, /^categories: /],
    ["a name with a slash", { name: "a/b" }, /name/],
  ])("refuses %s with a 400", async (_title, body, message) => {
    const configId = await createConfig(`refuse-${newSpanId()}`);
    const reply = await send("PATCH", `/api/public/score-configs/${configId}`, body);
    expect(reply.status).toBe(400);
    expect(String(reply.body.error)).toMatch(message);
  });
});

describe("DELETE /api/public/score-configs/:id", () => {
  it("deletes the config and keeps the scores given under it", async () => {
    const name = `deleted-${RUN}`;
    const configId = await createConfig(name);
    const traceId = newTraceId();
    const created = await send("POST", "/api/public/scores", {
      traceId,
      name,
      value: 1,
      configId,
    });
    expect(created.status).toBe(201);

    expect((await send("DELETE", `/api/public/score-configs/${configId}`)).status).toBe(200);
    expect((await send("GET", `/api/public/score-configs/${configId}`)).status).toBe(404);
    const kept = await send("GET", `/api/public/scores/${String(created.body.id)}`);
    expect(kept.body).toMatchObject({ value: 1, configId });
  });

  it("answers 404 to another project's key", async () => {
    const configId = await createConfig(`isolated-${RUN}`);
    const other = await createOtherProject(`configs-${RUN}`);
    expect(
      (await send("DELETE", `/api/public/score-configs/${configId}`, undefined, other.auth)).status,
    ).toBe(404);
    expect(
      (
        await send(
          "PATCH",
          `/api/public/score-configs/${configId}`,
          { isArchived: true },
          other.auth,
        )
      ).status,
    ).toBe(404);
    expect((await send("GET", `/api/public/score-configs/${configId}`)).body).toMatchObject({
      isArchived: false,
    });
  });
});

describe("score configs from the settings page (session routes)", () => {
  it("lets an admin create and archive configs, refusing bad fields by name", async () => {
    const { projectId } = await bootstrapProject();
    const owner = await signInOwner();
    const path = `/api/projects/${projectId}/score-configs`;
    const created = await owner.json(path, "POST", {
      name: `settings-${RUN}`,
      dataType: "CATEGORICAL",
      categories: [
        { label: "good", value: 1 },
        { label: "bad", value: 0 },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const missing = await owner.json(path, "POST", {
      name: `empty-${RUN}`,
      dataType: "CATEGORICAL",
    });
    expect(missing.status).toBe(400);
    expect(String(missing.body.error)).toMatch(/categories/);

    const archived = await owner.json(`${path}/${String(created.body.id)}`, "PATCH", {
      isArchived: true,
    });
    expect(archived.body).toMatchObject({ isArchived: true });
  });

  it("refuses members (403) and strangers (404)", async () => {
    const { projectId } = await bootstrapProject();
    const path = `/api/projects/${projectId}/score-configs`;
    const body = { name: `member-${RUN}`, dataType: "BOOLEAN" };
    const member = (await signInWithRole("MEMBER")).client;
    const refused = await member.json(path, "POST", body);
    expect(refused.status).toBe(403);
    expect(String(refused.body.error)).toMatch(/requires the admin role/);
    const stranger = (await signInWithRole(null)).client;
    expect((await stranger.json(path, "POST", body)).status).toBe(404);
  });
});
