// The datasets public API (issue #8): Langfuse-shaped datasets and items, upsert by name and by
// id, every edit kept as a version, one item per source span, validation naming the field, and
// the Langfuse JS client working against it.
import { LangfuseAPIClient } from "@langfuse/core";
import { beforeAll, describe, expect, it } from "vitest";

import { TEST_KEYS } from "../setup/test-env";
import { send, type Paged, type PublicDatasetItem } from "./datasets-helpers";
import { baseUrl, createOtherProject, newSpanId, newTraceId } from "./ingest-helpers";

const RUN = newSpanId();

interface PublicDataset {
  id: string;
  name: string;
  description: string | null;
  metadata: unknown;
  projectId: string;
}

async function createDataset(name: string, extra: Record<string, unknown> = {}) {
  const { status, body } = await send<PublicDataset>("POST", "/api/public/datasets", {
    name,
    ...extra,
  });
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

async function createItem(body: Record<string, unknown>) {
  const reply = await send<PublicDatasetItem>("POST", "/api/public/dataset-items", body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

describe("POST /api/public/dataset-items refuses bad input with a 400 naming the field", () => {
  const datasetName = `refusals-${RUN}`;
  beforeAll(async () => {
    await createDataset(datasetName);
  });

  it.each<[string, unknown, string]>([
    ["no datasetName", { input: "x" }, "datasetName"],
    ["an empty datasetName", { datasetName: " ", input: "x" }, "datasetName"],
    ["a numeric datasetName", { datasetName: 5, input: "x" }, "datasetName"],
    ["an unknown status", { datasetName, input: "x", status: "DELETED" }, "status"],
    ["an empty id", { datasetName, input: "x", id: "" }, "id"],
    ["a numeric sourceTraceId", { datasetName, sourceTraceId: 42 }, "sourceTraceId"],
    [
      "an observation without its trace",
      { datasetName, sourceObservationId: "a1" },
      "sourceTraceId",
    ],
    ["an id longer than 200", { datasetName, id: "x".repeat(201) }, "id"],
    ["a NUL character in the input", { datasetName, input: { text: "a\u0000b" } }, "input"],
    ["a NUL character in a metadata key", { datasetName, metadata: { "k\u0000": 1 } }, "metadata"],
    ["a NUL character in the id", { datasetName, id: "a\u0000b" }, "id"],
  ])("refuses %s", async (_case, body, field) => {
    const { status, body: reply } = await send("POST", "/api/public/dataset-items", body);
    expect(status).toBe(400);
    expect(String(reply.error)).toContain(`Invalid ${field}`);
  });

  it("refuses a body that is not JSON", async () => {
    const { status, body } = await send("POST", "/api/public/dataset-items", "{nope");
    expect(status).toBe(400);
    expect(body.error).toBe("Request body is not valid JSON");
  });

  it("answers 404 naming datasetName for an unknown dataset", async () => {
    const { status, body } = await send("POST", "/api/public/dataset-items", {
      datasetName: `missing-${RUN}`,
      input: "x",
    });
    expect(status).toBe(404);
    expect(String(body.error)).toMatch(/^datasetName: no dataset named/);
  });

  it.each<[string, unknown, string]>([
    ["no name", {}, "name"],
    ["an empty name", { name: "  " }, "name"],
    ["a numeric description", { name: "d", description: 3 }, "description"],
  ])("POST /api/public/datasets refuses %s", async (_case, body, field) => {
    const { status, body: reply } = await send("POST", "/api/public/datasets", body);
    expect(status).toBe(400);
    expect(String(reply.error)).toContain(`Invalid ${field}`);
  });

  it("refuses a page of 0 and a limit above 100", async () => {
    expect((await send("GET", "/api/public/dataset-items?page=0")).status).toBe(400);
    expect((await send("GET", "/api/public/datasets?limit=101")).status).toBe(400);
  });

  it("requires an API key", async () => {
    const response = await fetch(`${baseUrl()}/api/public/datasets`);
    expect(response.status).toBe(401);
  });
});

describe("datasets", () => {
  it("creates a dataset and updates it by name (Langfuse's upsert)", async () => {
    const name = `upsert-${RUN}`;
    const first = await createDataset(name, { description: "v1", metadata: { owner: "qa" } });
    const second = await createDataset(name, { description: "v2" });
    expect(second.id).toBe(first.id);
    expect(second.description).toBe("v2");
    expect(second.metadata).toEqual({ owner: "qa" });

    const { body } = await send<PublicDataset>("GET", `/api/public/v2/datasets/${name}`);
    expect(body).toMatchObject({ id: first.id, name, description: "v2" });
  });

  it("reads names with slashes, encoded or not, on v1 and v2 paths", async () => {
    const name = `folder/sub folder/set-${RUN}`;
    const created = await createDataset(name);
    for (const path of [
      `/api/public/v2/datasets/${encodeURIComponent(name)}`,
      `/api/public/v2/datasets/${name.split("/").map(encodeURIComponent).join("/")}`,
      `/api/public/datasets/${encodeURIComponent(name)}`,
    ]) {
      const { status, body } = await send<PublicDataset>("GET", path);
      expect(status, path).toBe(200);
      expect(body.id).toBe(created.id);
    }
  });

  it("inlines items and no runs in the v1 read", async () => {
    const name = `v1-${RUN}`;
    await createDataset(name);
    const item = await createItem({ datasetName: name, input: { q: 1 } });
    const { body } = await send<{ items: PublicDatasetItem[]; runs: unknown[] }>(
      "GET",
      `/api/public/datasets/${name}`,
    );
    expect(body.items.map((entry) => entry.id)).toEqual([item.id]);
    expect(body.runs).toEqual([]);
  });

  it("lists datasets in pages with Langfuse's meta", async () => {
    const project = await createOtherProject(`paging-${RUN}`);
    for (const index of [1, 2, 3]) {
      const reply = await send(
        "POST",
        "/api/public/v2/datasets",
        { name: `p${index}` },
        project.auth,
      );
      expect(reply.status).toBe(200);
    }
    const { body } = await send<Paged<PublicDataset>>(
      "GET",
      "/api/public/v2/datasets?page=2&limit=2",
      undefined,
      project.auth,
    );
    expect(body.meta).toEqual({ page: 2, limit: 2, totalItems: 3, totalPages: 2 });
    expect(body.data.map((dataset) => dataset.name)).toEqual(["p1"]);
  });

  it("answers 404 for an unknown dataset name", async () => {
    const { status } = await send("GET", `/api/public/v2/datasets/nothing-${RUN}`);
    expect(status).toBe(404);
  });
});

describe("dataset items", () => {
  const datasetName = `items-${RUN}`;
  beforeAll(async () => {
    await createDataset(datasetName);
  });

  it("keeps every saved state as a version when an item is upserted by id", async () => {
    const id = `item-${RUN}`;
    const first = await createItem({
      datasetName,
      id,
      input: { question: "2+2?" },
      expectedOutput: "4",
      metadata: { topic: "math" },
    });
    expect(first).toMatchObject({ id, version: 1, status: "ACTIVE", datasetName });

    const second = await createItem({ datasetName, id, expectedOutput: "four" });
    expect(second.version).toBe(2);
    // Fields left out keep their stored values.
    expect(second.input).toEqual({ question: "2+2?" });
    expect(second.metadata).toEqual({ topic: "math" });
    expect(second.expectedOutput).toBe("four");

    const third = await createItem({ datasetName, id, status: "ARCHIVED", metadata: null });
    expect(third).toMatchObject({ version: 3, status: "ARCHIVED", metadata: null });

    const { body } = await send<{ data: Array<Record<string, unknown>> }>(
      "GET",
      `/api/public/dataset-items/${id}/versions`,
    );
    expect(body.data.map((version) => version.version)).toEqual([3, 2, 1]);
    expect(body.data[2]).toMatchObject({ expectedOutput: "4", metadata: { topic: "math" } });
    expect(body.data[1]).toMatchObject({ expectedOutput: "four", status: "ACTIVE" });
    expect(body.data[0]).toMatchObject({ status: "ARCHIVED", metadata: null });

    const { body: read } = await send<PublicDatasetItem>("GET", `/api/public/dataset-items/${id}`);
    expect(read).toMatchObject({ version: 3, expectedOutput: "four" });
  });

  it("reads a dataset as it was at an instant (Langfuse's version parameter)", async () => {
    const name = `as-of-${RUN}`;
    await createDataset(name);
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
    const beforeAnySave = new Date(Date.now() - 1000).toISOString();
    const kept = await createItem({ datasetName: name, input: "q", expectedOutput: "old" });
    await pause();
    const edited = await createItem({ datasetName: name, id: kept.id, expectedOutput: "new" });
    await pause();
    const later = await createItem({ datasetName: name, input: "added later" });

    const asOf = async (instant: string) => {
      const { status, body } = await send<Paged<PublicDatasetItem>>(
        "GET",
        `/api/public/dataset-items?datasetName=${name}&version=${encodeURIComponent(instant)}`,
      );
      expect(status, JSON.stringify(body)).toBe(200);
      return body.data.map((item) => [item.id, item.expectedOutput, item.version]);
    };
    expect(await asOf(beforeAnySave)).toEqual([]);
    expect(await asOf(kept.updatedAt)).toEqual([[kept.id, "old", 1]]);
    expect(await asOf(edited.updatedAt)).toEqual([[kept.id, "new", 2]]);
    expect(await asOf(later.updatedAt)).toEqual([
      [later.id, null, 1],
      [kept.id, "new", 2],
    ]);

    const withoutName = await send("GET", `/api/public/dataset-items?version=${beforeAnySave}`);
    expect(withoutName.status).toBe(400);
    expect(String(withoutName.body.error)).toContain("Invalid version");
    const badInstant = await send(
      "GET",
      `/api/public/dataset-items?datasetName=${name}&version=yesterday`,
    );
    expect(badInstant.status).toBe(400);
    expect(String(badInstant.body.error)).toContain("Invalid version");
  });

  it("holds one item per source span in a dataset, and says which one", async () => {
    const traceId = newTraceId();
    const observationId = newSpanId();
    const first = await createItem({
      datasetName,
      sourceTraceId: traceId,
      sourceObservationId: observationId,
      input: "a",
    });

    const again = await send("POST", "/api/public/dataset-items", {
      datasetName,
      sourceTraceId: traceId,
      sourceObservationId: observationId,
      input: "b",
    });
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual({ existingItemId: first.id });

    // The trace itself and the same span in another dataset are other sources.
    await createItem({ datasetName, sourceTraceId: traceId, input: "whole trace" });
    await createDataset(`${datasetName}-other`);
    await createItem({
      datasetName: `${datasetName}-other`,
      sourceTraceId: traceId,
      sourceObservationId: observationId,
    });

    const { body } = await send<Paged<PublicDatasetItem>>(
      "GET",
      `/api/public/dataset-items?datasetName=${datasetName}&sourceTraceId=${traceId}`,
    );
    expect(body.data).toHaveLength(2);
    const { body: bySpan } = await send<Paged<PublicDatasetItem>>(
      "GET",
      `/api/public/dataset-items?sourceObservationId=${observationId}`,
    );
    expect(bySpan.data.map((item) => item.datasetName).sort()).toEqual([
      datasetName,
      `${datasetName}-other`,
    ]);
  });

  it("keeps one item when the same source is added by racing requests", async () => {
    const traceId = newTraceId();
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        send("POST", "/api/public/dataset-items", {
          datasetName,
          sourceTraceId: traceId,
          input: `racer ${index}`,
        }),
      ),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const { body } = await send<Paged<PublicDatasetItem>>(
      "GET",
      `/api/public/dataset-items?datasetName=${datasetName}&sourceTraceId=${traceId}`,
    );
    expect(body.meta.totalItems).toBe(1);
  });

  it("refuses to move an item to another dataset by reusing its id", async () => {
    const id = `mover-${RUN}`;
    await createItem({ datasetName, id, input: 1 });
    const moved = await send("POST", "/api/public/dataset-items", {
      datasetName: `${datasetName}-other`,
      id,
      input: 2,
    });
    expect(moved.status).toBe(409);
    expect(String(moved.body.error)).toMatch(/^id: /);
  });

  it("deletes an item with its versions", async () => {
    const id = `doomed-${RUN}`;
    await createItem({ datasetName, id, input: "bye" });
    const deleted = await send("DELETE", `/api/public/dataset-items/${id}`);
    expect(deleted.status).toBe(200);
    expect((await send("GET", `/api/public/dataset-items/${id}`)).status).toBe(404);
    expect((await send("GET", `/api/public/dataset-items/${id}/versions`)).status).toBe(404);
    expect((await send("DELETE", `/api/public/dataset-items/${id}`)).status).toBe(404);
  });

  it("keeps other projects' datasets and items out of reach", async () => {
    const other = await createOtherProject(`isolation-${RUN}`);
    const item = await createItem({ datasetName, input: "secret" });
    expect(
      (await send("GET", `/api/public/dataset-items/${item.id}`, undefined, other.auth)).status,
    ).toBe(404);
    expect(
      (await send("DELETE", `/api/public/dataset-items/${item.id}`, undefined, other.auth)).status,
    ).toBe(404);
    expect(
      (await send("GET", `/api/public/v2/datasets/${datasetName}`, undefined, other.auth)).status,
    ).toBe(404);
    const write = await send(
      "POST",
      "/api/public/dataset-items",
      { datasetName, id: item.id, input: "x" },
      other.auth,
    );
    expect(write.status).toBe(404);
    const { body } = await send<PublicDatasetItem>("GET", `/api/public/dataset-items/${item.id}`);
    expect(body.input).toBe("secret");
  });
});

describe("the Langfuse JS client", () => {
  const client = new LangfuseAPIClient({
    environment: baseUrl(),
    baseUrl: baseUrl(),
    username: TEST_KEYS.publicKey,
    password: TEST_KEYS.secretKey,
  });

  it("creates a dataset and items, then reads them back", async () => {
    const name = `langfuse-client/${RUN}`;
    const dataset = await client.datasets.create({
      name,
      description: "from the client",
      metadata: { a: 1 },
    });
    expect(dataset).toMatchObject({ name, description: "from the client", metadata: { a: 1 } });

    const traceId = newTraceId();
    const item = await client.datasetItems.create({
      datasetName: name,
      input: { messages: [{ role: "user", content: "hi" }] },
      expectedOutput: { content: "hello" },
      metadata: { origin: "client" },
      sourceTraceId: traceId,
    });
    expect(item).toMatchObject({ datasetName: name, sourceTraceId: traceId, status: "ACTIVE" });

    const updated = await client.datasetItems.create({
      datasetName: name,
      id: item.id,
      expectedOutput: { content: "hey" },
    });
    expect(updated.expectedOutput).toEqual({ content: "hey" });

    const read = await client.datasets.get(name);
    expect(read.id).toBe(dataset.id);
    const items = await client.datasetItems.list({ datasetName: name, page: 1, limit: 10 });
    expect(items.data.map((entry) => entry.id)).toEqual([item.id]);
    expect(items.meta.totalItems).toBe(1);
    const listed = await client.datasets.list({ limit: 100 });
    expect(listed.data.some((entry) => entry.name === name)).toBe(true);

    await client.datasetItems.delete(item.id);
    const after = await client.datasetItems.list({ datasetName: name });
    expect(after.data).toEqual([]);
  });
});
