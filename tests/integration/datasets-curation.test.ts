// Curating datasets from production traces (issue #8), through the UI's cookie routes: adding
// traces and spans (in bulk, from the traces-list filter, from an annotation queue) without
// duplicates, importing CSV/JSONL with per-row errors, exporting and importing back, and roles.
import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, inject, it } from "vitest";

import { createApiKey } from "../../lib/auth/api-keys";
import { getPrisma } from "../../lib/db/prisma";
import { stringAttribute } from "../../lib/otlp/test-builders";
import { SessionClient } from "../setup/session-client";
import { basicAuth, TEST_USER } from "../setup/test-env";
import { send, testProjectId, type Paged, type PublicDatasetItem } from "./datasets-helpers";
import { baseUrl, newSpanId, newTraceId, postSpans, span } from "./ingest-helpers";

const RUN = newSpanId();

interface SourcedTrace {
  traceId: string;
  rootId: string;
  llmId: string;
}

/** A trace with a root span and an LLM child, each with its own input and output. */
async function ingestTrace(name: string, question: string): Promise<SourcedTrace> {
  const traceId = newTraceId();
  const rootId = newSpanId();
  const llmId = newSpanId();
  const response = await postSpans([
    span(traceId, rootId, "", name, 0, 100, {
      attributes: [
        stringAttribute("langfuse.observation.input", JSON.stringify({ question })),
        stringAttribute(
          "langfuse.observation.output",
          JSON.stringify({ answer: `re: ${question}` }),
        ),
      ],
    }),
    span(traceId, llmId, rootId, "llm", 10, 90, {
      attributes: [
        stringAttribute(
          "langfuse.observation.input",
          JSON.stringify([{ role: "user", content: question }]),
        ),
        stringAttribute("langfuse.observation.output", JSON.stringify("llm says hi")),
      ],
    }),
  ]);
  expect(response.status).toBe(200);
  return { traceId, rootId, llmId };
}

let owner: SessionClient;
let projectId = "";

async function createDataset(name: string, client = owner): Promise<string> {
  const { status, body } = await client.json(`/api/projects/${projectId}/datasets`, "POST", {
    name,
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return String(body.id);
}

function datasetPath(datasetId: string, rest = "") {
  return `/api/projects/${projectId}/datasets/${datasetId}${rest}`;
}

async function listItems(datasetId: string, query = ""): Promise<Paged<PublicDatasetItem>> {
  const { status, body } = await owner.json(
    `${datasetPath(datasetId, "/items")}?limit=100${query}`,
  );
  expect(status).toBe(200);
  return body as unknown as Paged<PublicDatasetItem>;
}

beforeAll(async () => {
  owner = new SessionClient(baseUrl());
  expect(await owner.signIn(TEST_USER.email, TEST_USER.password)).toBe(true);
  projectId = await testProjectId();
});

describe("adding traces and spans", () => {
  it("takes input and expected output from the source and never adds a source twice", async () => {
    const first = await ingestTrace(`curate-${RUN}`, "capital of France?");
    const second = await ingestTrace(`curate-${RUN}`, "capital of Spain?");
    const datasetId = await createDataset(`sources-${RUN}`);

    const body = {
      traceIds: [first.traceId, second.traceId, newTraceId()],
      observations: [{ traceId: first.traceId, observationId: first.llmId }],
    };
    const added = await owner.json(datasetPath(datasetId, "/add-sources"), "POST", body);
    expect(added.body).toEqual({ added: 3, skipped: 0, missing: 1 });
    const again = await owner.json(datasetPath(datasetId, "/add-sources"), "POST", body);
    expect(again.body).toEqual({ added: 0, skipped: 3, missing: 1 });

    const items = await listItems(datasetId);
    expect(items.meta.totalItems).toBe(3);
    const fromTrace = items.data.find(
      (item) => item.sourceTraceId === first.traceId && item.sourceObservationId === null,
    );
    expect(fromTrace).toMatchObject({
      input: { question: "capital of France?" },
      expectedOutput: { answer: "re: capital of France?" },
      version: 1,
    });
    const fromSpan = items.data.find((item) => item.sourceObservationId === first.llmId);
    expect(fromSpan).toMatchObject({
      input: [{ role: "user", content: "capital of France?" }],
      expectedOutput: "llm says hi",
    });

    const versions = await owner.json(datasetPath(datasetId, `/items/${fromSpan?.id}/versions`));
    expect((versions.body.data as unknown[]).length).toBe(1);
  });

  it("previews a source with the datasets that already hold it", async () => {
    const trace = await ingestTrace(`preview-${RUN}`, "preview?");
    const datasetId = await createDataset(`preview-${RUN}`);
    const item = await owner.json(datasetPath(datasetId, "/items"), "POST", {
      input: "edited",
      expectedOutput: "mine",
      sourceTraceId: trace.traceId,
      sourceObservationId: trace.llmId,
    });
    expect(item.status).toBe(201);

    const sourceQuery = `traceId=${trace.traceId}&observationId=${trace.llmId}`;
    const preview = await owner.json(`/api/projects/${projectId}/dataset-sources?${sourceQuery}`);
    expect(preview.body).toMatchObject({
      output: "llm says hi",
      inDatasets: [{ datasetId, itemId: item.body.id }],
      canWrite: true,
    });
    const duplicate = await owner.json(datasetPath(datasetId, "/items"), "POST", {
      sourceTraceId: trace.traceId,
      sourceObservationId: trace.llmId,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.details).toEqual({ existingItemId: item.body.id });
  });

  it("adds every trace matching the traces-list filter, step by step, once", async () => {
    const name = `bulk-${RUN}`;
    const traces = [];
    for (let index = 0; index < 4; index += 1) traces.push(await ingestTrace(name, `q${index}`));
    await ingestTrace(`other-${RUN}`, "not me");
    const datasetId = await createDataset(`bulk-${RUN}`);
    const filter = new URLSearchParams({ name, range: "all" }).toString();

    const run = async () => {
      const totals = { added: 0, skipped: 0, steps: 0, total: null as number | null };
      let cursor: string | null = null;
      let asOf: string | null = null;
      do {
        const { status, body } = await owner.json(datasetPath(datasetId, "/add-matching"), "POST", {
          filter,
          cursor,
          asOf,
        });
        expect(status, JSON.stringify(body)).toBe(200);
        totals.total ??= body.totalMatching as number;
        totals.added += body.added as number;
        totals.skipped += body.skipped as number;
        totals.steps += 1;
        cursor = body.cursor as string | null;
        asOf = body.asOf as string;
      } while (cursor);
      return totals;
    };

    expect(await run()).toEqual({ added: 4, skipped: 0, steps: 1, total: 4 });
    expect(await run()).toEqual({ added: 0, skipped: 4, steps: 1, total: 4 });
    const items = await listItems(datasetId);
    expect(items.data.map((item) => item.sourceTraceId).sort()).toEqual(
      traces.map((trace) => trace.traceId).sort(),
    );
  });

  it("refuses a bad filter with a 400 naming the parameter", async () => {
    const datasetId = await createDataset(`bad-filter-${RUN}`);
    const { status, body } = await owner.json(datasetPath(datasetId, "/add-matching"), "POST", {
      filter: "minLatency=-3",
    });
    expect(status).toBe(400);
    expect(String(body.error)).toContain("minLatency");
  });

  it("adds an annotation queue's items a reviewer labelled good", async () => {
    process.env.DATABASE_URL ??= inject("databaseUrl");
    const prisma = getPrisma();
    const good = await ingestTrace(`queue-${RUN}`, "good one");
    const bad = await ingestTrace(`queue-${RUN}`, "bad one");
    const pending = await ingestTrace(`queue-${RUN}`, "pending one");
    const queue = await prisma.annotationQueue.create({
      data: {
        projectId,
        name: `review-${RUN}`,
        items: {
          create: [
            { projectId, traceId: good.traceId, status: "COMPLETED" },
            { projectId, traceId: bad.traceId, status: "COMPLETED" },
            {
              projectId,
              traceId: pending.traceId,
              observationId: pending.llmId,
              objectType: "OBSERVATION",
            },
            {
              projectId,
              traceId: good.traceId,
              observationId: good.llmId,
              objectType: "OBSERVATION",
              status: "COMPLETED",
            },
          ],
        },
      },
    });
    const label = (traceId: string, value: string, observationId: string | null = null) => ({
      id: randomUUID(),
      projectId,
      traceId,
      observationId,
      name: `quality-${RUN}`,
      dataType: "CATEGORICAL" as const,
      stringValue: value,
      source: "ANNOTATION" as const,
    });
    await prisma.score.createMany({
      data: [
        label(good.traceId, "good"),
        label(bad.traceId, "bad"),
        label(pending.traceId, "good", pending.llmId),
        // An API score of the same name is not a reviewer's label.
        { ...label(bad.traceId, "good"), source: "API" as const },
      ],
    });
    const datasetId = await createDataset(`from-queue-${RUN}`);

    const labelled = await owner.json(datasetPath(datasetId, "/add-from-queue"), "POST", {
      queueId: queue.id,
      scoreName: `quality-${RUN}`,
      scoreValue: "good",
    });
    expect(labelled.body).toEqual({ matched: 2, added: 2, skipped: 0, missing: 0 });
    const items = await listItems(datasetId);
    expect(
      items.data.map((item) => `${item.sourceTraceId}:${item.sourceObservationId}`).sort(),
    ).toEqual([`${good.traceId}:null`, `${pending.traceId}:${pending.llmId}`].sort());

    const completed = await owner.json(datasetPath(datasetId, "/add-from-queue"), "POST", {
      queueId: queue.id,
      onlyCompleted: true,
    });
    expect(completed.body).toEqual({ matched: 3, added: 2, skipped: 1, missing: 0 });

    const unknown = await owner.json(datasetPath(datasetId, "/add-from-queue"), "POST", {
      queueId: "nope",
    });
    expect(unknown.status).toBe(404);
    expect(String(unknown.body.error)).toMatch(/^queueId: /);
    const valueAlone = await owner.json(datasetPath(datasetId, "/add-from-queue"), "POST", {
      queueId: queue.id,
      scoreValue: "good",
    });
    expect(valueAlone.status).toBe(400);
    expect(String(valueAlone.body.error)).toContain("scoreName");
  });
});

describe("import and export", () => {
  it("imports the good CSV rows and reports the bad ones by number", async () => {
    const datasetId = await createDataset(`import-csv-${RUN}`);
    const csv = [
      "question,answer,meta,key",
      '"{""q"": ""two""}",4,"{""level"": 1}",row-1',
      'plain text,"multi\nline, with comma",,row-2',
      ",missing input,,row-3",
      '"{broken",x,,row-4',
      'q5,a5,"[1,2]",row-5',
      "q6,a6,,row-1",
    ].join("\n");
    const mapping = { input: "question", expectedOutput: "answer", metadata: "meta", id: "key" };

    const dry = await owner.json(datasetPath(datasetId, "/import"), "POST", {
      format: "csv",
      content: csv,
      mapping,
      dryRun: true,
    });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      columns: ["question", "answer", "meta", "key"],
      totalRows: 6,
      imported: 0,
    });
    expect((await listItems(datasetId)).meta.totalItems).toBe(0);

    const { body } = await owner.json(datasetPath(datasetId, "/import"), "POST", {
      format: "csv",
      content: csv,
      mapping,
    });
    // Changed on purpose: a cell that is not valid JSON ("{broken") is text, no longer an error;
    // an empty input is no input (Langfuse allows an item without one), no longer an error.
    expect(body.errors).toEqual([{ row: 5, message: "metadata: must be a JSON object" }]);
    // Row 6 reuses row 1's id: it updates that item as a new version.
    expect(body.imported).toBe(5);

    const items = await listItems(datasetId);
    expect(items.meta.totalItems).toBe(4);
    const byId = new Map(items.data.map((item) => [item.id, item]));
    expect(byId.get("row-3")).toMatchObject({ input: null, expectedOutput: "missing input" });
    expect(byId.get("row-4")).toMatchObject({ input: "{broken", expectedOutput: "x" });
    expect(byId.get("row-1")).toMatchObject({ input: "q6", expectedOutput: "a6", version: 2 });
    expect(byId.get("row-2")).toMatchObject({
      input: "plain text",
      expectedOutput: "multi\nline, with comma",
    });
  });

  it("reports JSONL lines that are not objects and imports the rest", async () => {
    const datasetId = await createDataset(`import-jsonl-${RUN}`);
    const jsonl = [
      JSON.stringify({ input: { q: 1 }, expectedOutput: [1], metadata: { m: true } }),
      "",
      "not json",
      "[1,2]",
      JSON.stringify({ input: "second" }),
    ].join("\n");
    const { body } = await owner.json(datasetPath(datasetId, "/import"), "POST", {
      format: "jsonl",
      content: jsonl,
    });
    expect(body.imported).toBe(2);
    expect(body.errors).toEqual([
      { row: 3, message: expect.stringMatching(/^not valid JSON/) as unknown },
      { row: 4, message: "must be a JSON object" },
    ]);
  });

  it("refuses an import without an input column, naming the mapping", async () => {
    const datasetId = await createDataset(`import-bad-${RUN}`);
    const noInput = await owner.json(datasetPath(datasetId, "/import"), "POST", {
      format: "csv",
      content: "a,b\n1,2",
    });
    expect(noInput.status).toBe(400);
    expect(String(noInput.body.error)).toMatch(/^mapping\.input: /);
    // A dry run still shows the columns and rows, so that the input can be mapped by hand.
    const firstLook = await owner.json(datasetPath(datasetId, "/import"), "POST", {
      format: "csv",
      content: "a,b\n1,2",
      dryRun: true,
    });
    expect(firstLook.status).toBe(200);
    expect(firstLook.body).toMatchObject({
      columns: ["a", "b"],
      preview: [{ a: "1", b: "2" }],
      problem: expect.stringMatching(/^mapping\.input: /) as unknown,
    });
    const wrongColumn = await owner.json(datasetPath(datasetId, "/import"), "POST", {
      format: "csv",
      content: "a,b\n1,2",
      mapping: { input: "c" },
    });
    expect(wrongColumn.status).toBe(400);
    expect(String(wrongColumn.body.error)).toContain('no column "c"');
    const badFormat = await owner.json(datasetPath(datasetId, "/import"), "POST", {
      format: "xlsx",
      content: "",
    });
    expect(badFormat.status).toBe(400);
    expect(String(badFormat.body.error)).toContain("format");
  });

  it.each(["csv", "jsonl"] as const)(
    "exports %s that imports back to the same items",
    async (format) => {
      const source = await createDataset(`export-${format}-${RUN}`);
      const values: Array<Record<string, unknown>> = [
        {
          input: { text: 'quote " comma , newline \n done' },
          expectedOutput: "42",
          metadata: { k: [1, "x"] },
        },
        { input: 'plain, "quoted"\r\nline', expectedOutput: 42, metadata: null },
        {
          input: "ünïcødé ✓",
          expectedOutput: { nested: { deep: true } },
          metadata: { emoji: "🙂" },
        },
        { input: "[not an array]", expectedOutput: "true", metadata: null },
        // Regression: an item without input failed to import ("the cell is empty"), and a
        // formula was exported as it is, for a spreadsheet to run.
        { expectedOutput: "no input" },
        { input: "", expectedOutput: null, metadata: null },
        { input: '=cmd|"/c calc"!A1', expectedOutput: "'=x", metadata: { f: "@SUM(A1)" } },
      ];
      for (const value of values) {
        const created = await owner.json(datasetPath(source, "/items"), "POST", value);
        expect(created.status).toBe(201);
      }
      const response = await owner.request(datasetPath(source, `/export?format=${format}`));
      expect(response.status).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      if (format === "csv") {
        expect(text).toContain(`"'=cmd|""/c calc""!A1",''=x,`);
        expect(text).not.toMatch(/(^|\n|,)"?=cmd/);
      }

      const target = await createDataset(`reimport-${format}-${RUN}`);
      const imported = await owner.json(datasetPath(target, "/import"), "POST", {
        format,
        content: text,
        mapping: { id: null },
      });
      expect(imported.body).toMatchObject({ imported: values.length, errors: [] });
      const strip = (item: PublicDatasetItem) => ({
        input: item.input,
        expectedOutput: item.expectedOutput,
        metadata: item.metadata,
      });
      const before = (await listItems(source)).data.map(strip);
      const after = (await listItems(target)).data.map(strip);
      expect(new Set(after.map((item) => JSON.stringify(item)))).toEqual(
        new Set(before.map((item) => JSON.stringify(item))),
      );
      expect(after).toHaveLength(values.length);
      expect(after).toContainEqual({ input: null, expectedOutput: "no input", metadata: null });
      expect(after).toContainEqual({ input: "", expectedOutput: null, metadata: null });
    },
  );

  // Regression: the export's id column maps itself, and every row of a dataset's export imported
  // into another dataset failed with "belongs to another dataset". Such an id now makes a new
  // item with a fresh id (noted in the report); an id of the same dataset still updates it.
  it("imports another dataset's export as new items, its own as new versions", async () => {
    const source = await createDataset(`export-ids-${RUN}`);
    for (const input of ["first", "second"]) {
      const created = await owner.json(datasetPath(source, "/items"), "POST", {
        input,
        expectedOutput: `${input} answer`,
      });
      expect(created.status).toBe(201);
    }
    const exported = await owner.request(datasetPath(source, "/export?format=csv"));
    const csv = await exported.text();
    const sourceItems = (await listItems(source)).data;

    const target = await createDataset(`import-ids-${RUN}`);
    const intoOther = await owner.json(datasetPath(target, "/import"), "POST", {
      format: "csv",
      content: csv,
    });
    expect(intoOther.status).toBe(200);
    expect(intoOther.body).toMatchObject({ imported: 2, errors: [] });
    expect(intoOther.body.mapping).toMatchObject({ id: "id" });
    expect(intoOther.body.notes).toEqual([
      "Rows 1, 2 have ids of an item in another dataset: imported as new items with fresh ids " +
        "(the other dataset is unchanged).",
    ]);
    const targetItems = (await listItems(target)).data;
    expect(targetItems.map((item) => item.input).sort()).toEqual(["first", "second"]);
    const sourceIds = new Set(sourceItems.map((item) => item.id));
    for (const item of targetItems) {
      expect(sourceIds.has(item.id)).toBe(false);
      expect(item.version).toBe(1);
    }
    const sourceAfter = (await listItems(source)).data;
    expect(sourceAfter.map((item) => [item.id, item.version]).sort()).toEqual(
      sourceItems.map((item) => [item.id, item.version]).sort(),
    );

    const intoSame = await owner.json(datasetPath(source, "/import"), "POST", {
      format: "csv",
      content: csv,
    });
    expect(intoSame.body).toMatchObject({ imported: 2, errors: [], notes: [] });
    const updated = (await listItems(source)).data;
    expect(updated).toHaveLength(2);
    expect(updated.map((item) => item.version)).toEqual([2, 2]);
  });
});

describe("dataset edits", () => {
  it("refuses a taken name, and deletes a dataset with its items and their versions", async () => {
    process.env.DATABASE_URL ??= inject("databaseUrl");
    const taken = await createDataset(`taken-${RUN}`);
    const datasetId = await createDataset(`doomed-${RUN}`);
    expect(taken).not.toBe(datasetId);

    const rename = await owner.json(datasetPath(datasetId), "PATCH", { name: `taken-${RUN}` });
    expect(rename.status).toBe(409);
    expect(String(rename.body.error)).toMatch(/^name: /);
    const duplicate = await owner.json(`/api/projects/${projectId}/datasets`, "POST", {
      name: `taken-${RUN}`,
    });
    expect(duplicate.status).toBe(409);

    const item = await owner.json(datasetPath(datasetId, "/items"), "POST", { input: "v1" });
    const itemId = String(item.body.id);
    const edited = await owner.json(datasetPath(datasetId, `/items/${itemId}`), "PATCH", {
      input: "v2",
    });
    expect(edited.body).toMatchObject({ input: "v2", version: 2 });
    // The item is reachable only under its own dataset.
    expect((await owner.json(datasetPath(taken, `/items/${itemId}`))).status).toBe(404);

    const deleted = await owner.json(datasetPath(datasetId), "DELETE");
    expect(deleted.status).toBe(200);
    expect((await owner.json(datasetPath(datasetId))).status).toBe(404);
    const versions = await getPrisma().datasetItemVersion.count({
      where: { projectId, datasetItemId: itemId },
    });
    expect(versions).toBe(0);
    expect(await getPrisma().datasetItem.count({ where: { projectId, id: itemId } })).toBe(0);
  });
});

describe("stale edits", () => {
  // Regression: saving an item from a tab opened before another save silently overwrote the
  // newer version. The editor now sends the version it edited and an older one is refused.
  it("refuses a save over a newer version than the one edited, naming it", async () => {
    const datasetId = await createDataset(`stale-${RUN}`);
    const item = await owner.json(datasetPath(datasetId, "/items"), "POST", { input: "v1" });
    const itemPath = datasetPath(datasetId, `/items/${String(item.body.id)}`);

    const first = await owner.json(itemPath, "PATCH", { input: "tab A", expectedVersion: 1 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ input: "tab A", version: 2 });

    const stale = await owner.json(itemPath, "PATCH", { input: "tab B", expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe(
      "This item changed since you opened it (version 1): reload to see version 2.",
    );
    const current = await owner.json(itemPath);
    expect(current.body).toMatchObject({ input: "tab A", version: 2 });

    const fresh = await owner.json(itemPath, "PATCH", { input: "tab B", expectedVersion: 2 });
    expect(fresh.body).toMatchObject({ input: "tab B", version: 3 });
  });

  it("keeps the public API's upsert by id without a version", async () => {
    const datasetName = `stale-api-${RUN}`;
    const datasetId = await createDataset(datasetName);
    const item = await owner.json(datasetPath(datasetId, "/items"), "POST", { input: "v1" });
    await owner.json(datasetPath(datasetId, `/items/${String(item.body.id)}`), "PATCH", {
      input: "v2",
    });
    const upsert = await send("POST", "/api/public/dataset-items", {
      datasetName,
      id: item.body.id,
      input: "from the API",
    });
    expect(upsert.status).toBe(200);
    expect(upsert.body).toMatchObject({ input: "from the API", version: 3 });
  });
});

describe("roles and tenancy", () => {
  it("lets a viewer read but not change datasets, and hides them from other tenants", async () => {
    const password = "a-good-password-1";
    const signUp = async (email: string) => {
      const response = await fetch(`${baseUrl()}/api/sign-up`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
      expect(response.status).toBe(201);
      const created = (await response.json()) as { projectId: string; organizationId: string };
      const client = new SessionClient(baseUrl());
      expect(await client.signIn(email, password)).toBe(true);
      return { client, ...created };
    };
    const teamOwner = await signUp(`ds-owner-${RUN}@example.com`);
    const viewerEmail = `ds-viewer-${RUN}@example.com`;
    const invitation = await teamOwner.client.json(
      `/api/organizations/${teamOwner.organizationId}/invitations`,
      "POST",
      { email: viewerEmail, role: "VIEWER" },
    );
    const token = String(invitation.body.link).split("/invite/")[1] ?? "";
    const viewer = await signUp(viewerEmail);
    expect((await viewer.client.json(`/api/invitations/${token}`, "POST")).status).toBe(200);

    const base = `/api/projects/${teamOwner.projectId}/datasets`;
    const created = await teamOwner.client.json(base, "POST", { name: "team set" });
    expect(created.status).toBe(201);
    const datasetId = String(created.body.id);
    const item = await teamOwner.client.json(`${base}/${datasetId}/items`, "POST", { input: "x" });
    expect(item.status).toBe(201);

    expect((await viewer.client.json(base)).status).toBe(200);
    expect((await viewer.client.json(`${base}/${datasetId}/items`)).status).toBe(200);
    const writes: Array<[string, string, unknown]> = [
      ["POST", base, { name: "viewer set" }],
      ["PATCH", `${base}/${datasetId}`, { description: "x" }],
      ["DELETE", `${base}/${datasetId}`, undefined],
      ["POST", `${base}/${datasetId}/items`, { input: "y" }],
      ["PATCH", `${base}/${datasetId}/items/${String(item.body.id)}`, { input: "z" }],
      ["DELETE", `${base}/${datasetId}/items/${String(item.body.id)}`, undefined],
      ["POST", `${base}/${datasetId}/add-sources`, { traceIds: ["a"] }],
      ["POST", `${base}/${datasetId}/add-matching`, { filter: "" }],
      ["POST", `${base}/${datasetId}/import`, { format: "jsonl", content: "{}" }],
    ];
    for (const [method, path, body] of writes) {
      const reply = await viewer.client.json(path, method, body);
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(String(reply.body.error)).toMatch(
        /requires the member role or higher; you are viewer/,
      );
    }

    // The bootstrap owner belongs to another organization: 404 for reads and writes alike.
    expect((await owner.json(base)).status).toBe(404);
    expect((await owner.json(`${base}/${datasetId}/items`)).status).toBe(404);
    expect((await owner.json(`${base}/${datasetId}/items`, "POST", { input: "x" })).status).toBe(
      404,
    );
    // And a dataset id of another project under one's own project is not found either.
    expect((await owner.json(datasetPath(datasetId, "/items"))).status).toBe(404);
    // The "Add to dataset" dialog tells a viewer up front that they cannot add.
    process.env.DATABASE_URL ??= inject("databaseUrl");
    const { apiKey, secretKey } = await createApiKey({ projectId: teamOwner.projectId });
    const traceId = newTraceId();
    const ingested = await postSpans([span(traceId, newSpanId(), "", "team trace", 0, 10)], {
      auth: basicAuth(apiKey.publicKey, secretKey),
    });
    expect(ingested.status).toBe(200);
    const preview = await viewer.client.json(
      `/api/projects/${teamOwner.projectId}/dataset-sources?traceId=${traceId}`,
    );
    expect(preview.status).toBe(200);
    expect(preview.body.canWrite).toBe(false);

    const unsigned = await fetch(`${baseUrl()}${base}`);
    expect(unsigned.status).toBe(401);
  });
});
