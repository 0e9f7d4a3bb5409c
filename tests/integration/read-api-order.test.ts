// GET /api/public/traces?orderBy=field.direction: Langfuse's order parameter over the trace
// rollups, with keyset pages that stay stable when many traces share the ordered value.
import { beforeAll, describe, expect, it } from "vitest";

import { stringAttribute } from "../../lib/otlp/test-builders";
import { getJson, newSpanId, newTraceId, postSpans, span } from "./ingest-helpers";

interface TraceListReply {
  data: Array<{ id: string; latency: number; totalCost: number | null }>;
  meta: { nextCursor: string | null };
}

const RUN = newSpanId();
const user = `order-${RUN}`;

async function list(query: string): Promise<TraceListReply> {
  const { status, body } = await getJson<TraceListReply>(
    `/api/public/traces?userId=${user}&${query}`,
  );
  expect(status).toBe(200);
  return body;
}

/** Every trace id of the order, fetched `limit` at a time by cursor. */
async function listAllPages(orderBy: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 10; page++) {
    const reply = await list(
      `orderBy=${orderBy}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    seen.push(...reply.data.map((trace) => trace.id));
    cursor = reply.meta.nextCursor;
    if (!cursor) break;
  }
  return seen;
}

const byIdAscending = (ids: string[]) => [...ids].sort();
const byIdDescending = (ids: string[]) => [...ids].sort().reverse();

describe("GET /api/public/traces orderBy", () => {
  // start, end (ms) and client-reported cost of five traces; a, c and e share a latency of
  // 100 ms, a and b share a cost, c has none.
  const [a, b, c, d, e] = Array.from({ length: 5 }, () => newTraceId()) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const traces: Array<[string, number, number, string | null]> = [
    [a, 0, 100, "0.5"],
    [b, 10, 210, "0.5"],
    [c, 20, 120, null],
    [d, 30, 530, "2"],
    [e, 40, 140, "0.1"],
  ];

  beforeAll(async () => {
    await postSpans(
      traces.map(([traceId, start, end, cost]) =>
        span(traceId, newSpanId(), "", `ordered ${traceId}`, start, end, {
          attributes: [
            stringAttribute("user.id", user),
            ...(cost ? [stringAttribute("gen_ai.usage.cost", cost)] : []),
          ],
        }),
      ),
    );
  });

  it("should order by latency, ties broken by trace id in the same direction", async () => {
    const reply = await list("orderBy=latency.desc");

    expect(reply.data.map((trace) => trace.id)).toEqual([d, b, ...byIdDescending([a, c, e])]);
    expect(reply.data.map((trace) => trace.latency)).toEqual([0.5, 0.2, 0.1, 0.1, 0.1]);
  });

  it("should page an ascending order through equal values without gaps or repeats", async () => {
    expect(await listAllPages("latency.asc", 2)).toEqual([...byIdAscending([a, c, e]), b, d]);
  });

  it("should order by total cost with traces without cost last when descending", async () => {
    const expected = [d, ...byIdDescending([a, b]), e, c];
    const reply = await list("orderBy=totalCost.desc");

    expect(reply.data.map((trace) => trace.id)).toEqual(expected);
    expect(reply.data.map((trace) => trace.totalCost)).toEqual([2, 0.5, 0.5, 0.1, null]);
    expect(await listAllPages("totalCost.desc", 1)).toEqual(expected);
  });

  it("should order by timestamp ascending and keep newest first by default", async () => {
    expect(await listAllPages("timestamp.asc", 3)).toEqual([a, b, c, d, e]);
    expect((await list("limit=5")).data.map((trace) => trace.id)).toEqual([e, d, c, b, a]);
  });

  it.each([
    ["an unknown field", "orderBy=price.desc"],
    ["an unknown direction", "orderBy=latency.sideways"],
    ["no direction", "orderBy=latency"],
    ["an empty value", "orderBy="],
  ])("should answer 400 naming orderBy for %s", async (_label, query) => {
    const { status, body } = await getJson<{ error: string }>(`/api/public/traces?${query}`);

    expect(status).toBe(400);
    expect(body.error).toContain("orderBy");
  });

  it("should refuse a cursor made under another order", async () => {
    const { meta } = await list("orderBy=latency.desc&limit=1");
    const cursor = encodeURIComponent(meta.nextCursor ?? "");

    const { status, body } = await getJson<{ error: string }>(
      `/api/public/traces?userId=${user}&orderBy=timestamp.asc&cursor=${cursor}`,
    );
    expect(status).toBe(400);
    expect(body.error).toContain("cursor");
  });
});
