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
