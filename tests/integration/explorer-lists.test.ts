// The explorer's lists: the traces list shows a readable preview of each trace's input (the last
// chat message, a string as is, for a payload cut at ingest its beginning rather than the
// truncation marker around it), and a session lasts from its first start to its last end.
import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, inject, it } from "vitest";

import { stringAttribute } from "../../lib/otlp/test-builders";
import { TEST_USER } from "../setup/test-env";
import { SessionClient } from "../setup/session-client";
import { baseUrl, getJson, newSpanId, newTraceId, postSpans, span } from "./ingest-helpers";

const run = randomBytes(4).toString("hex");

interface ListRow {
  name: string | null;
  inputPreview: string | null;
  outputPreview: string | null;
}

describe("traces list previews", () => {
  const client = new SessionClient(baseUrl());
  let projectId = "";

  beforeAll(async () => {
    expect(await client.signIn(TEST_USER.email, TEST_USER.password)).toBe(true);
    const projects = await getJson<{ data: { id: string }[] }>("/api/public/projects");
    projectId = projects.body.data[0]!.id;
  });

  async function previewOf(name: string): Promise<ListRow> {
    const list = await client.json(
      `/api/projects/${projectId}/traces?range=24h&name=${encodeURIComponent(name)}`,
    );
    expect(list.status).toBe(200);
    const rows = list.body.data as ListRow[];
    expect(rows).toHaveLength(1);
    return rows[0]!;
  }

  it.each([
    {
      label: "chat messages object",
      input: {
        messages: [
          { role: "system", content: "be brief" },
          { role: "user", content: "hi" },
        ],
      },
      expected: "hi",
    },
    {
      label: "chat messages list",
      input: [{ role: "user", content: "what is up" }],
      expected: "what is up",
    },
    { label: "plain string", input: "just text", expected: "just text" },
    { label: "other JSON", input: { question: "q1" }, expected: '{"question": "q1"}' },
  ])("previews $label", async ({ label, input, expected }) => {
    const traceId = newTraceId();
    const name = `preview ${label} ${run}`;
    const response = await postSpans([
      span(traceId, newSpanId(), "", name, 0, 10, {
        attributes:
          typeof input === "string"
            ? [stringAttribute("input.value", input)]
            : [
                stringAttribute("input.value", JSON.stringify(input)),
                stringAttribute("input.mime_type", "application/json"),
              ],
      }),
    ]);
    expect(response.status).toBe(200);
    expect((await previewOf(name)).inputPreview).toBe(expected);
  });

  it("previews the beginning of an input cut at ingest, not its size marker", async () => {
    const traceId = newTraceId();
    const name = `preview truncated ${run}`;
    const huge = `START ${"x".repeat(1_200_000)}`;
    const response = await postSpans([
      span(traceId, newSpanId(), "", name, 0, 10, {
        attributes: [stringAttribute("input.value", huge)],
      }),
    ]);
    expect(response.status).toBe(200);
    const row = await previewOf(name);
    expect(row.inputPreview).not.toMatch(/__truncated|originalSize/);
    expect(row.inputPreview).toMatch(/START x+/);
  });
});

describe("sessions list", () => {
  it("measures a session from its first trace's start to the end of its last trace", async () => {
    process.env.DATABASE_URL ??= inject("databaseUrl");
    const { listSessions } = await import("../../lib/explorer/list-sessions");
    const projects = await getJson<{ data: { id: string }[] }>("/api/public/projects");
    const projectId = projects.body.data[0]!.id;
    const sessionId = `one-trace session ${run}`;
    const response = await postSpans([
      span(newTraceId(), newSpanId(), "", "single turn", 0, 1500, {
        attributes: [stringAttribute("session.id", sessionId)],
      }),
    ]);
    expect(response.status).toBe(200);
    const page = await listSessions(projectId, { range: "24h", limit: 100 });
    const row = page.rows.find((session) => session.sessionId === sessionId);
    expect(row?.traceCount).toBe(1);
    expect(row?.durationMs).toBe(1500);
  });
});
