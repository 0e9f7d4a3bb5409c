// Time to first token end to end: every form a convention reports the completion start in is sent
// over OTLP, stored as exact nanoseconds, and read back as Langfuse's completionStartTime and
// timeToFirstToken; a partial update that leaves it out keeps it.
import { beforeAll, describe, expect, inject, it } from "vitest";

import { getSpanDetail } from "../../lib/explorer/get-span-detail";
import type { WireKeyValue, WireSpan } from "../../lib/otlp/otlp-wire-schema";
import { stringAttribute } from "../../lib/otlp/test-builders";
import {
  getJson,
  getTrace,
  nanos,
  newSpanId,
  newTraceId,
  postSpans,
  span,
  type TraceDetail,
} from "./ingest-helpers";

const double = (key: string, value: number): WireKeyValue => ({
  key,
  value: { doubleValue: value },
});
const int = (key: string, value: number): WireKeyValue => ({
  key,
  value: { intValue: String(value) },
});

/** ISO-8601 of `offsetMs` after the helpers' base instant, with extra fraction digits. */
function isoAt(offsetMs: number, extraDigits = ""): string {
  const iso = new Date(Number(BigInt(nanos(offsetMs)) / 1_000_000n)).toISOString();
  return `${iso.slice(0, -1)}${extraDigits}Z`;
}

type Observation = TraceDetail["observations"][number];

/** A generation of one second at the base instant, with the given attributes. */
function generation(
  traceId: string,
  name: string,
  attributes: WireKeyValue[],
  overrides: Partial<WireSpan> = {},
): WireSpan {
  return span(traceId, newSpanId(), "", name, 0, 1000, {
    attributes: [stringAttribute("gen_ai.operation.name", "chat"), ...attributes],
    ...overrides,
  });
}

describe("completion start (time to first token)", () => {
  const traceId = newTraceId();
  let byName: Map<string, Observation>;

  beforeAll(async () => {
    const spans = [
      generation(traceId, "langfuse", [
        stringAttribute(
          "langfuse.observation.completion_start_time",
          JSON.stringify(isoAt(250, "123")),
        ),
      ]),
      generation(traceId, "ai-response", [double("ai.response.msToFirstChunk", 120.5)]),
      generation(traceId, "ai-stream", [int("ai.stream.msToFirstChunk", 80)]),
      generation(traceId, "ai-event", [], {
        events: [{ name: "ai.stream.firstChunk", timeUnixNano: nanos(60), attributes: [] }],
      }),
      generation(traceId, "gen-ai", [double("gen_ai.response.time_to_first_chunk", 0.3)]),
      generation(traceId, "gen-ai-metric", [
        double("gen_ai.client.operation.time_to_first_chunk", 0.45),
      ]),
      generation(traceId, "beyond-end", [int("ai.response.msToFirstChunk", 5000)]),
      generation(traceId, "not-streamed", []),
    ];
    const response = await postSpans(spans, { format: "protobuf" });
    expect(response.status).toBe(200);

    const { observations } = await getTrace(traceId);
    byName = new Map(observations.map((observation) => [observation.name, observation]));
  });

  it.each<[string, number]>([
    ["ai-response", 0.1205],
    ["ai-stream", 0.08],
    ["ai-event", 0.06],
    ["gen-ai", 0.3],
    ["gen-ai-metric", 0.45],
  ])("should read the first chunk of %s as %s s after the start", (name, seconds) => {
    const offsetMs = seconds * 1000;
    expect(byName.get(name)).toMatchObject({
      timeToFirstToken: seconds,
      completionStartTime: isoAt(Math.floor(offsetMs)),
      completionStartTimeNanos: (BigInt(nanos(0)) + BigInt(Math.round(offsetMs * 1e6))).toString(),
      warnings: [],
    });
  });

  it("should keep a Langfuse timestamp's microseconds in the exact nanoseconds", () => {
    expect(byName.get("langfuse")).toMatchObject({
      timeToFirstToken: 0.250123,
      completionStartTime: isoAt(250),
      completionStartTimeNanos: (BigInt(nanos(250)) + 123_000n).toString(),
    });
  });

  it("should store none, with a warning, for a first chunk after the span's end", () => {
    const observation = byName.get("beyond-end");
    expect(observation).toMatchObject({ completionStartTime: null, timeToFirstToken: null });
    expect(observation?.warnings).toContain(
      "ai.response.msToFirstChunk is after the span's end; ignored",
    );
  });

  it("should give null fields for a generation that did not stream", () => {
    expect(byName.get("not-streamed")).toMatchObject({
      completionStartTime: null,
      completionStartTimeNanos: null,
      timeToFirstToken: null,
      warnings: [],
    });
  });

  it("should carry the fields to the observation endpoint and the span panel", async () => {
    const observation = byName.get("ai-response");
    if (!observation) throw new Error("ai-response was not stored");

    const { status, body } = await getJson<Observation>(
      `/api/public/observations/${observation.id}`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ timeToFirstToken: 0.1205 });

    process.env.DATABASE_URL ??= inject("databaseUrl");
    const projects = await getJson<{ data: Array<{ id: string }> }>("/api/public/projects");
    const projectId = projects.body.data[0]?.id ?? "";
    const detail = await getSpanDetail(projectId, traceId, observation.id);
    expect(detail?.timeToFirstTokenMs).toBe(120.5);
  });
});

describe("completion start in partial updates", () => {
  it.each<["separate requests" | "one request"]>([["separate requests"], ["one request"]])(
    "should keep the stored completion start when a re-send leaves it out (%s)",
    async (mode) => {
      const traceId = newTraceId();
      const spanId = newSpanId();
      const first = span(traceId, spanId, "", "stream", 0, 500, {
        attributes: [double("ai.response.msToFirstChunk", 40.25)],
      });
      const update = span(traceId, spanId, "", "stream", 0, 600, {
        attributes: [stringAttribute("langfuse.observation.output", '"done"')],
      });

      if (mode === "one request") {
        expect((await postSpans([first, update])).status).toBe(200);
      } else {
        expect((await postSpans([first])).status).toBe(200);
        expect((await postSpans([update], { format: "protobuf" })).status).toBe(200);
      }
      const [observation] = (await getTrace(traceId)).observations;

      expect(observation).toMatchObject({
        output: "done",
        endTimeNanos: nanos(600),
        timeToFirstToken: 0.04025,
        completionStartTimeNanos: (BigInt(nanos(0)) + 40_250_000n).toString(),
      });
    },
  );

  it("should take a re-sent completion start over the stored one", async () => {
    const traceId = newTraceId();
    const spanId = newSpanId();
    const at = (ms: number) =>
      span(traceId, spanId, "", "stream", 0, 500, {
        attributes: [int("ai.response.msToFirstChunk", ms)],
      });

    expect((await postSpans([at(100)])).status).toBe(200);
    expect((await postSpans([at(200)])).status).toBe(200);
    const [observation] = (await getTrace(traceId)).observations;

    expect(observation?.timeToFirstToken).toBe(0.2);
  });
});
