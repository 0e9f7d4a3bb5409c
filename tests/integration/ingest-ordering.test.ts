// How stored traces come out whatever order, repetition or oddity the spans arrive with:
// re-sends, children before parents, missing parents, cycles, several roots, clamped times,
// text Postgres cannot store as is, and values too large to keep whole.
import { describe, expect, it } from "vitest";

import { stringAttribute } from "../../lib/otlp/test-builders";
import {
  getJson,
  getTrace,
  nanos,
  newSpanId,
  newTraceId,
  postBody,
  postSpans,
  span,
  AUTH,
} from "./ingest-helpers";

/** A full success: `{}` in JSON, an empty ExportTraceServiceResponse (no bytes) in protobuf. */
async function expectAccepted(response: Response) {
  expect(response.status).toBe(200);
  if (response.headers.get("content-type") === "application/x-protobuf") {
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  } else {
    expect(await response.json()).toEqual({});
  }
}

function generation(traceId: string, spanId: string, parentSpanId: string, startMs: number) {
  return span(traceId, spanId, parentSpanId, "chat", startMs, startMs + 100, {
    attributes: [
      stringAttribute("gen_ai.operation.name", "chat"),
      stringAttribute("gen_ai.request.model", "gpt-4o"),
      { key: "gen_ai.usage.input_tokens", value: { intValue: "100" } },
      { key: "gen_ai.usage.output_tokens", value: { intValue: "7" } },
      stringAttribute("gen_ai.usage.cost", "0.0015"),
    ],
  });
}

describe("re-sending spans", () => {
  it("should not duplicate spans, tokens or cost when a batch is sent twice", async () => {
    const traceId = newTraceId();
    const rootId = newSpanId();
    const batch = [
      span(traceId, rootId, "", "root", 0, 1000),
      generation(traceId, newSpanId(), rootId, 10),
      generation(traceId, newSpanId(), rootId, 20),
    ];

    await expectAccepted(await postSpans(batch));
    const first = await getTrace(traceId);
    await expectAccepted(await postSpans(batch, { format: "protobuf" }));
    const second = await getTrace(traceId);

    expect(first).toMatchObject({
      observationCount: 3,
      usageDetails: { input: 200, output: 14, total: 214 },
      totalCost: 0.003,
    });
    expect(second.observationCount).toBe(3);
    expect(second.usageDetails).toEqual(first.usageDetails);
    expect(second.totalCost).toBe(first.totalCost);
    expect(second.observations.map((item) => item.id)).toEqual(
      first.observations.map((item) => item.id),
    );
  });

  it("should accept concurrent duplicate sends of one batch without errors", async () => {
    const traceId = newTraceId();
    const rootId = newSpanId();
    const batch = [
      span(traceId, rootId, "", "root", 0, 1000),
      ...Array.from({ length: 20 }, (_, index) => generation(traceId, newSpanId(), rootId, index)),
    ];

    const responses = await Promise.all(Array.from({ length: 8 }, () => postSpans(batch)));

    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200));
    const trace = await getTrace(traceId);
    expect(trace.observationCount).toBe(21);
    expect(trace.usageDetails.input).toBe(2000);
    expect(trace.totalCost).toBe(0.03);
  });

  it("should replace a span re-sent with another start time", async () => {
    const traceId = newTraceId();
    const spanId = newSpanId();

    await expectAccepted(await postSpans([span(traceId, spanId, "", "first", 0, 10)]));
    await expectAccepted(await postSpans([span(traceId, spanId, "", "second", 500, 900)]));
    const trace = await getTrace(traceId);

    expect(trace.observationCount).toBe(1);
    expect(trace.observations[0]).toMatchObject({
      name: "second",
      startTimeNanos: nanos(500),
      endTimeNanos: nanos(900),
      latency: 0.4,
    });
  });

  it("should keep stored values a re-send leaves out (partial updates)", async () => {
    const traceId = newTraceId();
    const spanId = newSpanId();
    const withInput = span(traceId, spanId, "", "step", 0, 10, {
      attributes: [
        stringAttribute("langfuse.observation.input", '{"question":"why"}'),
        stringAttribute("user.id", "user-1"),
      ],
    });
    const withOutput = span(traceId, spanId, "", "step", 0, 20, {
      attributes: [stringAttribute("langfuse.observation.output", '{"answer":"because"}')],
    });

    await expectAccepted(await postSpans([withInput]));
    await expectAccepted(await postSpans([withOutput]));
    const [observation] = (await getTrace(traceId)).observations;

    expect(observation).toMatchObject({
      input: { question: "why" },
      output: { answer: "because" },
      userId: "user-1",
      endTimeNanos: nanos(20),
    });
  });
});

describe("arrival order and tree shape", () => {
  it("should re-parent a child sent before its parent once the parent arrives", async () => {
    const traceId = newTraceId();
    const parentId = newSpanId();
    const childId = newSpanId();

    await expectAccepted(await postSpans([span(traceId, childId, parentId, "child", 10, 20)]));
    const before = await getTrace(traceId);
    await expectAccepted(await postSpans([span(traceId, parentId, "", "parent", 0, 30)]));
    const after = await getTrace(traceId);

    expect(before).toMatchObject({ name: "child", missingParentCount: 1 });
    expect(before.observations[0]).toMatchObject({
      parentMissing: true,
      parentObservationId: null,
    });
    expect(after).toMatchObject({ name: "parent", missingParentCount: 0, observationCount: 2 });
    expect(after.observations.map((item) => [item.id, item.parentObservationId])).toEqual([
      [parentId, null],
      [childId, parentId],
    ]);
    expect(after.observations[1]?.parentMissing).toBe(false);
  });

  it("should flag a span whose parent never arrives", async () => {
    const traceId = newTraceId();
    const rootId = newSpanId();
    const ghostId = newSpanId();

    await postSpans([
      span(traceId, rootId, "", "root", 0, 100),
      span(traceId, newSpanId(), ghostId, "orphan", 10, 20),
    ]);
    const trace = await getTrace(traceId);

    expect(trace).toMatchObject({ name: "root", missingParentCount: 1 });
    const orphan = trace.observations.find((item) => item.name === "orphan");
    expect(orphan).toMatchObject({ parentMissing: true, parentObservationId: null, depth: 0 });
    expect(orphan?.warnings.join(" ")).toContain(ghostId);
  });

  it("should break a parent cycle at its earliest span", async () => {
    const traceId = newTraceId();
    const [a, b, c] = [newSpanId(), newSpanId(), newSpanId()];

    await postSpans([
      span(traceId, b, a, "b", 20, 30),
      span(traceId, c, b, "c", 30, 40),
      span(traceId, a, c, "a", 10, 50),
    ]);
    const trace = await getTrace(traceId);

    expect(trace.name).toBe("a");
    expect(trace.observations.map((item) => [item.name, item.parentObservationId])).toEqual([
      ["a", null],
      ["b", a],
      ["c", b],
    ]);
    expect(trace.observations[0]?.cycleBroken).toBe(true);
    expect(trace.observations.filter((item) => item.cycleBroken)).toHaveLength(1);
  });

  it("should name a trace with several roots after the earliest, in any send order", async () => {
    const traceId = newTraceId();

    await postSpans([span(traceId, newSpanId(), "", "late root", 50, 60)]);
    await postSpans([span(traceId, newSpanId(), "", "early root", 5, 70)]);
    await postSpans([span(traceId, newSpanId(), "", "middle root", 20, 30)]);
    const trace = await getTrace(traceId);

    expect(trace.name).toBe("early root");
    expect(trace.observations.map((item) => item.name)).toEqual([
      "early root",
      "middle root",
      "late root",
    ]);
    expect(trace.latency).toBeCloseTo(0.065, 9);
  });
});

describe("odd values", () => {
  it("should store NUL characters and lone surrogates as replacement characters", async () => {
    const traceId = newTraceId();
    const name = "nul\u0000 lone\ud800 end";
    // JSON text whose escapes decode to a NUL and a lone low surrogate.
    const input = '{"text":"a\\u0000b\\udc00c"}';

    const response = await postSpans(
      [
        span(traceId, newSpanId(), "", name, 0, 1, {
          attributes: [
            stringAttribute("langfuse.observation.input", input),
            stringAttribute("note\u0000", "x\udfff"),
          ],
        }),
      ],
      { format: "protobuf" },
    );
    await expectAccepted(response);
    const [observation] = (await getTrace(traceId)).observations;

    expect(observation?.name).toBe("nul\ufffd lone\ufffd end");
    expect(observation?.input).toEqual({ text: "a\ufffdb\ufffdc" });
  });

  it("should clamp an end before the start to zero duration and keep the sent times", async () => {
    const traceId = newTraceId();
    const spanId = newSpanId();

    await expectAccepted(await postSpans([span(traceId, spanId, "", "backwards", 100, 40)]));
    const [observation] = (await getTrace(traceId)).observations;
    const exported = await getJson<{
      resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<Record<string, unknown>> }> }>;
    }>(`/api/public/traces/${traceId}/otlp`);

    expect(observation).toMatchObject({ latency: 0, endTimeNanos: nanos(100) });
    expect(observation?.warnings.join(" ")).toContain("before startTimeUnixNano");
    expect(exported.body.resourceSpans[0]?.scopeSpans[0]?.spans[0]).toMatchObject({
      startTimeUnixNano: nanos(100),
      endTimeUnixNano: nanos(40),
    });
  });

  it("should accept times as JSON numbers as well as strings", async () => {
    const traceId = newTraceId();
    const start = Number(nanos(0).slice(0, -6)) * 1_000_000;
    const body = JSON.stringify({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId,
                  spanId: newSpanId(),
                  name: "number times",
                  startTimeUnixNano: start,
                  endTimeUnixNano: String(start + 2_000_000),
                },
              ],
            },
          ],
        },
      ],
    });

    await expectAccepted(
      await postBody(body, { "content-type": "application/json", authorization: AUTH }),
    );
    const [observation] = (await getTrace(traceId)).observations;

    expect(observation).toMatchObject({ startTimeNanos: String(start), latency: 0.002 });
  });

  it("should keep exact nanoseconds beyond 2^53", async () => {
    const traceId = newTraceId();
    const start = `${nanos(0).slice(0, -9)}123456789`;
    const end = `${nanos(0).slice(0, -9)}987654321`;

    await postSpans([
      span(traceId, newSpanId(), "", "exact", 0, 0, {
        startTimeUnixNano: start,
        endTimeUnixNano: end,
      }),
    ]);
    const [observation] = (await getTrace(traceId)).observations;

    expect(observation).toMatchObject({ startTimeNanos: start, endTimeNanos: end });
    expect(observation?.latency).toBeCloseTo(0.864197532, 9);
  });

  it("should truncate an input over the size limit with an explicit marker", async () => {
    const traceId = newTraceId();
    const big = JSON.stringify({ document: "é".repeat(700_000) });

    await expectAccepted(
      await postSpans([
        span(traceId, newSpanId(), "", "big", 0, 1, {
          attributes: [stringAttribute("langfuse.observation.input", big)],
        }),
      ]),
    );
    const [observation] = (await getTrace(traceId)).observations;
    const input = observation?.input as {
      __truncated: boolean;
      originalSize: number;
      preview: string;
    };

    expect(input.__truncated).toBe(true);
    expect(input.originalSize).toBe(Buffer.byteLength(big, "utf8"));
    expect(input.preview.startsWith('{"document":"ééé')).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(input), "utf8")).toBeLessThanOrEqual(1024 * 1024);
  });

  it("should cut a very long span name and say so", async () => {
    const traceId = newTraceId();

    await postSpans([span(traceId, newSpanId(), "", "n".repeat(5000), 0, 1)]);
    const trace = await getTrace(traceId);

    expect(trace.name).toHaveLength(2000);
    expect(trace.observations[0]?.warnings).toContain("name is 5000 bytes; truncated to 2000");
  });
});
