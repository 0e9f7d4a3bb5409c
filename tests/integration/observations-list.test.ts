// GET /api/public/observations: Langfuse's observation list, filtered and paged.
import { describe, expect, it } from "vitest";

import { stringAttribute } from "../../lib/otlp/test-builders";
import {
  createOtherProject,
  getJson,
  newSpanId,
  newTraceId,
  postSpans,
  span,
} from "./ingest-helpers";

interface Page {
  data: { id: string; type: string; name: string; parentObservationId: string | null }[];
  meta: { page: number; limit: number; totalItems: number; totalPages: number };
}

describe("GET /api/public/observations", () => {
  it("lists a trace's observations by filter, newest first, in pages", async () => {
    const traceId = newTraceId();
    const [root, llm, tool] = [newSpanId(), newSpanId(), newSpanId()];
    const sent = await postSpans([
      span(traceId, root, "", "agent", 0, 100),
      span(traceId, llm, root, "chat", 10, 50, {
        attributes: [
          stringAttribute("gen_ai.operation.name", "chat"),
          stringAttribute("gen_ai.request.model", "gpt-4o-mini"),
        ],
      }),
      span(traceId, tool, root, "search", 60, 90, {
        attributes: [stringAttribute("openinference.span.kind", "TOOL")],
      }),
    ]);
    expect(sent.status).toBe(200);

    const all = await getJson<Page>(`/api/public/observations?traceId=${traceId}`);
    expect(all.status).toBe(200);
    expect(all.body.data.map((observation) => observation.id)).toEqual([tool, llm, root]);
    expect(all.body.meta).toEqual({ page: 1, limit: 50, totalItems: 3, totalPages: 1 });

    const generations = await getJson<Page>(
      `/api/public/observations?traceId=${traceId}&type=generation`,
    );
    expect(generations.body.data.map((observation) => observation.id)).toEqual([llm]);
    const children = await getJson<Page>(
      `/api/public/observations?traceId=${traceId}&parentObservationId=${root}&limit=1&page=2`,
    );
    expect(children.body.data.map((observation) => observation.id)).toEqual([llm]);
    expect(children.body.meta.totalPages).toBe(2);

    const other = await createOtherProject(`observations other ${traceId.slice(0, 6)}`);
    const foreign = await getJson<Page>(`/api/public/observations?traceId=${traceId}`, other.auth);
    expect(foreign.body.data).toEqual([]);
  });

  it("finds a trace's observations by its user and session (set on the root only)", async () => {
    const traceId = newTraceId();
    const [root, llm] = [newSpanId(), newSpanId()];
    const user = `carol-${traceId.slice(0, 8)}`;
    const session = `session-${traceId.slice(0, 8)}`;
    const sent = await postSpans([
      span(traceId, root, "", "agent", 0, 100, {
        attributes: [
          stringAttribute("langfuse.user.id", user),
          stringAttribute("langfuse.session.id", session),
        ],
      }),
      span(traceId, llm, root, "chat", 10, 50, {
        attributes: [
          stringAttribute("gen_ai.operation.name", "chat"),
          stringAttribute("gen_ai.request.model", "gpt-4o-mini"),
        ],
      }),
    ]);
    expect(sent.status).toBe(200);

    const ids = (page: { data: { id: string }[] }) => page.data.map((item) => item.id);
    const byUser = await getJson<Page>(`/api/public/observations?userId=${user}&type=GENERATION`);
    expect(ids(byUser.body)).toEqual([llm]);
    const bySession = await getJson<PageV2>(`/api/public/v2/observations?sessionId=${session}`);
    expect(ids(bySession.body).sort()).toEqual([root, llm].sort());
    const filter = encodeURIComponent(
      JSON.stringify([{ type: "string", column: "userId", operator: "=", value: user }]),
    );
    const byFilter = await getJson<PageV2>(`/api/public/v2/observations?filter=${filter}`);
    expect(ids(byFilter.body).sort()).toEqual([root, llm].sort());
    const nobody = await getJson<Page>(`/api/public/observations?userId=nobody-${user}`);
    expect(nobody.body.data).toEqual([]);

    // The child reports the trace's user and session, and is found by the trace's name.
    type Fields = { data: { id: string; userId: string | null; sessionId: string | null }[] };
    const child = await getJson<Fields>(`/api/public/observations?traceId=${traceId}`);
    expect(child.body.data.find((item) => item.id === llm)).toMatchObject({
      userId: user,
      sessionId: session,
    });
    const byTraceName = encodeURIComponent(
      JSON.stringify([
        { type: "string", column: "traceName", operator: "=", value: "agent" },
        { type: "string", column: "traceId", operator: "=", value: traceId },
      ]),
    );
    const named = await getJson<PageV2>(`/api/public/v2/observations?filter=${byTraceName}`);
    expect(ids(named.body).sort()).toEqual([root, llm].sort());
  });

  it.each([
    ["type=BANANA", /type/],
    ["limit=0", /limit/],
    ["fromStartTime=yesterday", /fromStartTime/],
  ])("refuses %s with a 400 naming the field", async (query, field) => {
    const reply = await getJson<{ error: string }>(`/api/public/observations?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(field);
  });
});

interface PageV2 {
  data: { id: string; projectId: string; input: string | null; output: string | null }[];
  meta: { cursor?: string };
}

describe("GET /api/public/v2/observations", () => {
  it("pages by cursor without gaps or repeats and gives input and output as text", async () => {
    const traceId = newTraceId();
    const ids = [newSpanId(), newSpanId(), newSpanId()];
    const sent = await postSpans(
      ids.map((id, index) =>
        span(traceId, id, "", `step-${index}`, index * 10, index * 10 + 5, {
          attributes: [
            stringAttribute("langfuse.observation.input", '{"question":"why"}'),
            stringAttribute("langfuse.observation.output", "because"),
          ],
        }),
      ),
    );
    expect(sent.status).toBe(200);

    const first = await getJson<PageV2>(`/api/public/v2/observations?traceId=${traceId}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.data.map((observation) => observation.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.data[0]).toMatchObject({ input: '{"question":"why"}', output: "because" });
    expect(first.body.data[0]?.projectId).toEqual(expect.any(String));
    const cursor = encodeURIComponent(String(first.body.meta.cursor));
    const second = await getJson<PageV2>(
      `/api/public/v2/observations?traceId=${traceId}&limit=2&cursor=${cursor}`,
    );
    expect(second.body.data.map((observation) => observation.id)).toEqual([ids[0]]);
    expect(second.body.meta).toEqual({});

    const refused = await getJson<{ error: string }>("/api/public/v2/observations?cursor=nope");
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/^cursor: /);
  });
});
