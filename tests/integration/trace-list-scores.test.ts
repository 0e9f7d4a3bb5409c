// Scores in the traces list (issue #7): each trace's average per score name as a column, and
// filters on scores (numeric comparison of the average, exact label match), also usable to
// fill an annotation queue.
import { beforeAll, describe, expect, it } from "vitest";

import { stringAttribute } from "../../lib/otlp/test-builders";
import type { SessionClient } from "../setup/session-client";
import { AUTH, baseUrl, newSpanId, newTraceId, postSpans, span } from "./ingest-helpers";
import { bootstrapProject, signInOwner } from "./reviewer-helpers";

const RUN = newSpanId();
const TAG = `scored-${RUN}`;
const FAITH = `faithfulness-${RUN}`;
const TONE = `tone-${RUN}`;

interface Row {
  traceId: string;
  scores: Record<
    string,
    { average: number | null; labels: Record<string, number> | null; count: number }
  >;
}

let projectId = "";
let owner: SessionClient;
const [low, high, unscored] = [newTraceId(), newTraceId(), newTraceId()];

async function postScore(body: Record<string, unknown>) {
  const response = await fetch(`${baseUrl()}/api/public/scores`, {
    method: "POST",
    headers: { authorization: AUTH, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
}

async function listWith(scoreFilters: string[]): Promise<{ status: number; rows: Row[] }> {
  const params = new URLSearchParams({ tag: TAG, range: "all" });
  for (const filter of scoreFilters) params.append("score", filter);
  const reply = await owner.json(`/api/projects/${projectId}/traces?${params.toString()}`);
  return { status: reply.status, rows: (reply.body.data ?? []) as Row[] };
}

beforeAll(async () => {
  ({ projectId } = await bootstrapProject());
  owner = await signInOwner();
  const tags = [stringAttribute("langfuse.trace.tags", JSON.stringify([TAG]))];
  const spanOf = { [low]: newSpanId(), [high]: newSpanId(), [unscored]: newSpanId() };
  expect(
    (
      await postSpans(
        [low, high, unscored].map((traceId, index) =>
          span(traceId, spanOf[traceId] as string, "", `scored-${index}`, index, index + 5, {
            attributes: tags,
          }),
        ),
      )
    ).status,
  ).toBe(200);
  await postScore({ traceId: low, name: FAITH, value: 0.4, source: "EVAL" });
  // A span's score counts towards its trace's average.
  await postScore({ traceId: low, observationId: spanOf[low], name: FAITH, value: 0.6 });
  await postScore({ traceId: high, name: FAITH, value: 0.9 });
  await postScore({ traceId: low, name: TONE, value: "polite" });
  await postScore({ traceId: high, name: TONE, value: "rude" });
  await postScore({ traceId: high, name: TONE, value: "curt" });
  await postScore({ traceId: high, name: TONE, value: "rude" });
});

describe("score columns", () => {
  it("gives each row its average, labels and count per score name", async () => {
    const { rows } = await listWith([]);
    const byId = new Map(rows.map((row) => [row.traceId, row.scores]));
    expect(byId.get(low)?.[FAITH]).toEqual({ average: 0.5, labels: null, count: 2 });
    expect(byId.get(low)?.[TONE]).toMatchObject({ labels: { polite: 1 }, count: 1 });
    // Regression: only the most given label was kept, so "rude ×3" hid the reviewer who said curt.
    expect(byId.get(high)?.[TONE]).toMatchObject({ labels: { rude: 2, curt: 1 }, count: 3 });
    expect(byId.get(high)?.[FAITH]).toMatchObject({ average: 0.9, count: 1 });
    expect(byId.get(unscored)).toEqual({});
  });
});

describe("score filters", () => {
  it.each<[string, string[], string[]]>([
    ["average below 0.6", [`${FAITH}:lt:0.6`], [low]],
    ["average at least 0.6", [`${FAITH}:gte:0.6`], [high]],
    ["average equal to 0.5", [`${FAITH}:eq:0.5`], [low]],
    ["a label, matched exactly", [`${TONE}:eq:polite`], [low]],
    ["a label in another case does not match", [`${TONE}:eq:Polite`], []],
    ["not a label (traces with that score only)", [`${TONE}:neq:polite`], [high]],
    ["two filters, both holding", [`${FAITH}:gt:0.1`, `${TONE}:eq:rude`], [high]],
  ])("keeps traces by %s", async (_title, filters, expected) => {
    const { status, rows } = await listWith(filters);
    expect(status).toBe(200);
    expect(rows.map((row) => row.traceId).sort()).toEqual([...expected].sort());
  });

  it.each([
    ["no operator", `${FAITH}`],
    ["text compared with <", `${TONE}:lt:polite`],
  ])("refuses a score filter with %s, naming score", async (_title, filter) => {
    const reply = await owner.json(
      `/api/projects/${projectId}/traces?score=${encodeURIComponent(filter)}`,
    );
    expect(reply.status).toBe(400);
    expect(String(reply.body.error)).toMatch(/score/);
  });

  it("fills an annotation queue from a score filter", async () => {
    const filter = `tag=${TAG}&range=all&score=${encodeURIComponent(`${FAITH}:lt:0.6`)}`;
    const reply = await owner.json(`/api/projects/${projectId}/queues`, "POST", {
      name: `low faithfulness ${RUN}`,
      filter,
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.added).toBe(1);
  });
});
