import { describe, expect, it } from "vitest";

import type { OtlpEvent } from "@/lib/ingest/types";

import { parseIsoTimestampNanos } from "./completion-start";
import { mapSpan } from "./map-span";
import { buildEvent, buildSpan, double, json, type AttributeInput } from "./test-builders";

// buildSpan's span runs from START for one second.
const START = 1_700_000_000_000_000_000n;
const START_ISO = "2023-11-14T22:13:20";

const LANGFUSE = "langfuse.observation.completion_start_time";
const AI_RESPONSE = "ai.response.msToFirstChunk";
const AI_STREAM = "ai.stream.msToFirstChunk";
const GEN_AI = "gen_ai.response.time_to_first_chunk";
const GEN_AI_METRIC = "gen_ai.client.operation.time_to_first_chunk";
const SERVER_FIRST_TOKEN = "gen_ai.server.time_to_first_token";

interface Case {
  attributes: Record<string, AttributeInput>;
  events?: OtlpEvent[];
  /** Nanoseconds after the span's start, or null when nothing is stored. */
  delayNs: bigint | null;
  source?: string;
  warning?: string;
}

function mapCompletionStart({ attributes, events = [] }: Case) {
  return mapSpan(buildSpan(attributes, { events }));
}

describe("completion start (time to first token)", () => {
  it.each<[string, Case]>([
    [
      "a Langfuse timestamp, JSON-quoted as the JS SDK sends a Date",
      { attributes: { [LANGFUSE]: json(`${START_ISO}.250Z`) }, delayNs: 250_000_000n },
    ],
    [
      "a Langfuse timestamp as a plain string",
      { attributes: { [LANGFUSE]: `${START_ISO}.250Z` }, delayNs: 250_000_000n },
    ],
    [
      "a Langfuse timestamp with microseconds and an offset (Python's isoformat)",
      {
        attributes: { [LANGFUSE]: json("2023-11-15T00:13:20.123456+02:00") },
        delayNs: 123_456_000n,
      },
    ],
    [
      "a Langfuse timestamp with nanoseconds and no offset (taken as UTC)",
      { attributes: { [LANGFUSE]: `${START_ISO}.000000007` }, delayNs: 7n },
    ],
    [
      "the AI SDK's ai.response.msToFirstChunk, a double",
      { attributes: { [AI_RESPONSE]: 123.456 }, delayNs: 123_456_000n, source: AI_RESPONSE },
    ],
    [
      "the AI SDK's ai.response.msToFirstChunk, a whole double",
      { attributes: { [AI_RESPONSE]: double(80) }, delayNs: 80_000_000n },
    ],
    [
      "the older ai.stream.msToFirstChunk",
      { attributes: { [AI_STREAM]: 40 }, delayNs: 40_000_000n, source: AI_STREAM },
    ],
    [
      "the delay carried by the ai.stream.firstChunk event",
      {
        attributes: {},
        events: [buildEvent("ai.stream.firstChunk", { [AI_RESPONSE]: 90.5 })],
        delayNs: 90_500_000n,
        source: `event:ai.stream.firstChunk.${AI_RESPONSE}`,
      },
    ],
    [
      "the time of an ai.stream.firstChunk event that carries no delay",
      {
        attributes: {},
        events: [buildEvent("ai.stream.firstChunk", {}, "1700000000300000000")],
        delayNs: 300_000_000n,
        source: "event:ai.stream.firstChunk",
      },
    ],
    [
      "the GenAI conventions' gen_ai.response.time_to_first_chunk (seconds)",
      { attributes: { [GEN_AI]: 0.5 }, delayNs: 500_000_000n, source: GEN_AI },
    ],
    [
      "the GenAI metric name the AI SDK v7 sets on its chat spans (seconds)",
      { attributes: { [GEN_AI_METRIC]: 0.125 }, delayNs: 125_000_000n, source: GEN_AI_METRIC },
    ],
    [
      "a first chunk at the span's very end",
      { attributes: { [AI_RESPONSE]: 1000 }, delayNs: 1_000_000_000n },
    ],
  ])("should store %s", (_name, testCase) => {
    const mapped = mapCompletionStart(testCase);

    expect(mapped.completionStartNs).toBe(START + (testCase.delayNs ?? 0n));
    expect(mapped.warnings).toEqual([]);
    const source = testCase.source ?? Object.keys(testCase.attributes)[0];
    expect(mapped.mappingReport).toContainEqual({ field: "completionStart", source });
  });

  it.each<[string, Case]>([
    [
      "a Langfuse timestamp before the span's start",
      {
        attributes: { [LANGFUSE]: json("2023-11-14T22:13:19.999Z") },
        delayNs: null,
        warning: `${LANGFUSE} is before the span's start; ignored`,
      },
    ],
    [
      "a Langfuse timestamp after the span's end",
      {
        attributes: { [LANGFUSE]: json("2023-11-14T22:13:21.001Z") },
        delayNs: null,
        warning: `${LANGFUSE} is after the span's end; ignored`,
      },
    ],
    [
      "an unparseable Langfuse timestamp",
      {
        attributes: { [LANGFUSE]: "yesterday" },
        delayNs: null,
        warning: `${LANGFUSE} is not an ISO-8601 timestamp ("yesterday"); ignored`,
      },
    ],
    [
      "an impossible Langfuse date",
      {
        attributes: { [LANGFUSE]: "2023-02-30T00:00:00Z" },
        delayNs: null,
        warning: `${LANGFUSE} is not an ISO-8601 timestamp ("2023-02-30T00:00:00Z"); ignored`,
      },
    ],
    [
      "a Langfuse timestamp that is a number",
      {
        attributes: { [LANGFUSE]: 1700000000250 },
        delayNs: null,
        warning: `${LANGFUSE} is not an ISO-8601 timestamp (1700000000250); ignored`,
      },
    ],
    [
      "a negative msToFirstChunk",
      {
        attributes: { [AI_RESPONSE]: -5 },
        delayNs: null,
        warning: `${AI_RESPONSE} is negative (-5); ignored`,
      },
    ],
    [
      "a NaN msToFirstChunk",
      {
        attributes: { [AI_RESPONSE]: { anyValue: { doubleValue: "NaN" } } },
        delayNs: null,
        warning: `${AI_RESPONSE} is not a finite number ("NaN"); ignored`,
      },
    ],
    [
      "a msToFirstChunk beyond the span's end",
      {
        attributes: { [AI_RESPONSE]: 1000.5 },
        delayNs: null,
        warning: `${AI_RESPONSE} is after the span's end; ignored`,
      },
    ],
    [
      "a time_to_first_chunk that is not a number",
      {
        attributes: { [GEN_AI]: "fast" },
        delayNs: null,
        warning: `${GEN_AI} is not a finite number ("fast"); ignored`,
      },
    ],
    [
      "an ai.stream.firstChunk event before the span's start",
      {
        attributes: {},
        events: [buildEvent("ai.stream.firstChunk", {}, "1699999999000000000")],
        delayNs: null,
        warning: "event:ai.stream.firstChunk is before the span's start; ignored",
      },
    ],
  ])("should store no completion start for %s, with a warning", (_name, testCase) => {
    const mapped = mapCompletionStart(testCase);

    expect(mapped.completionStartNs).toBeNull();
    expect(mapped.warnings).toEqual([testCase.warning]);
    expect(mapped.mappingReport.map((line) => line.field)).not.toContain("completionStart");
  });

  it("should store none for a span that reports none", () => {
    const mapped = mapSpan(buildSpan({ "gen_ai.operation.name": "chat" }));
    expect(mapped.completionStartNs).toBeNull();
    expect(mapped.warnings).toEqual([]);
  });

  it.each<[string, Record<string, AttributeInput>, bigint, string]>([
    [
      "Langfuse's timestamp over the AI SDK's delay",
      { [AI_RESPONSE]: 100, [LANGFUSE]: json(`${START_ISO}.200Z`) },
      200_000_000n,
      LANGFUSE,
    ],
    [
      "the AI SDK's delay over the GenAI conventions'",
      { [GEN_AI]: 0.3, [AI_RESPONSE]: 100 },
      100_000_000n,
      AI_RESPONSE,
    ],
    [
      "ai.response.msToFirstChunk over ai.stream.msToFirstChunk",
      { [AI_STREAM]: 50, [AI_RESPONSE]: 100 },
      100_000_000n,
      AI_RESPONSE,
    ],
    [
      "the GenAI attribute over the metric name",
      { [GEN_AI_METRIC]: 0.4, [GEN_AI]: 0.3 },
      300_000_000n,
      GEN_AI,
    ],
  ])("should prefer %s", (_name, attributes, delayNs, source) => {
    const mapped = mapSpan(buildSpan(attributes));
    expect(mapped.completionStartNs).toBe(START + delayNs);
    expect(mapped.mappingReport).toContainEqual({ field: "completionStart", source });
  });

  it("should fall back to a lower-precedence source when a higher one is unusable", () => {
    const mapped = mapSpan(buildSpan({ [LANGFUSE]: "soon", [AI_RESPONSE]: 100 }));
    expect(mapped.completionStartNs).toBe(START + 100_000_000n);
    expect(mapped.warnings).toEqual([`${LANGFUSE} is not an ISO-8601 timestamp ("soon"); ignored`]);
  });

  it("should not read the event when the span carries the AI SDK's delay", () => {
    // The event of v7 is added at the step's end: its time is no first-chunk time.
    const events = [
      buildEvent("ai.stream.firstChunk", { [AI_RESPONSE]: -1 }, "1700000000900000000"),
    ];
    const mapped = mapSpan(buildSpan({ [AI_RESPONSE]: 100 }, { events }));
    expect(mapped.completionStartNs).toBe(START + 100_000_000n);
    expect(mapped.warnings).toEqual([]);
  });

  it("should not use the event's time when the delay it carries is unusable", () => {
    const events = [
      buildEvent("ai.stream.firstChunk", { [AI_RESPONSE]: -1 }, "1700000000900000000"),
    ];
    const mapped = mapSpan(buildSpan({}, { events }));
    expect(mapped.completionStartNs).toBeNull();
    expect(mapped.warnings).toEqual([
      `event:ai.stream.firstChunk.${AI_RESPONSE} is negative (-1); ignored`,
    ]);
  });

  // Regression: Strands Agents reports its model's time to first byte as
  // gen_ai.server.time_to_first_token in milliseconds (strands-agents/sdk-python, tracer.py
  // _add_optional_usage_and_metrics_attributes); Sightline read no completion start from it. The
  // name is the conventions' server metric, in seconds elsewhere: only Strands' spans are read.
  it.each<[string, Record<string, AttributeInput>, string, bigint | null]>([
    ["a Strands chat span (gen_ai.system)", { "gen_ai.system": "strands-agents" }, "test", 250n],
    [
      "a Strands span of the newest conventions",
      { "gen_ai.provider.name": "strands-agents" },
      "test",
      250n,
    ],
    ["a span of Strands' tracer", {}, "strands.telemetry.tracer", 250n],
    ["another writer's span (unit unknown)", { "gen_ai.system": "openai" }, "test", null],
  ])("should read gen_ai.server.time_to_first_token of %s", (_name, attributes, scope, ms) => {
    const span = buildSpan(
      { "gen_ai.operation.name": "chat", ...attributes, [SERVER_FIRST_TOKEN]: 250 },
      {
        scope: {
          name: scope,
          version: "",
          attributes: [],
          droppedAttributesCount: 0,
          schemaUrl: "",
        },
      },
    );
    const mapped = mapSpan(span);
    expect(mapped.completionStartNs).toBe(ms === null ? null : START + ms * 1_000_000n);
    if (ms !== null)
      expect(mapped.mappingReport).toContainEqual({
        field: "completionStart",
        source: SERVER_FIRST_TOKEN,
      });
  });

  it("should prefer the GenAI conventions' first chunk over Strands' time to first token", () => {
    const attributes = {
      "gen_ai.system": "strands-agents",
      [SERVER_FIRST_TOKEN]: 250,
      [GEN_AI]: 0.1,
    };
    expect(mapSpan(buildSpan(attributes)).completionStartNs).toBe(START + 100_000_000n);
  });

  it("should accept any time after the start of a span that never ended", () => {
    const span = buildSpan({ [AI_RESPONSE]: 5000 }, { endTimeUnixNano: "0" });
    expect(mapSpan(span).completionStartNs).toBe(START + 5_000_000_000n);
  });
});

describe("parseIsoTimestampNanos", () => {
  it.each<[string, bigint | null]>([
    ["1970-01-01T00:00:00Z", 0n],
    ["1970-01-01T00:00:01.5Z", 1_500_000_000n],
    ["1970-01-01 00:00:01,000000001Z", 1_000_000_001n],
    ["1970-01-01T01:00:00+01:00", 0n],
    ["1970-01-01T00:00:00-0130", 5_400_000_000_000n],
    ["1970-01-01T00:00:00.1234567891Z", 123_456_789n],
    ["2024-02-29T00:00:00Z", 1_709_164_800_000_000_000n],
    ["2023-02-29T00:00:00Z", null],
    ["2023-13-01T00:00:00Z", null],
    ["2023-01-01T24:00:00Z", null],
    ["2023-01-01T00:00:00+25:00", null],
    ["2023-01-01", null],
    ["0050-01-01T00:00:00Z", null],
    ["not a time", null],
  ])("should read %s as %s", (text, nanos) => {
    expect(parseIsoTimestampNanos(text)).toBe(nanos);
  });
});
