import { SpanKind, SpanStatusCode, context, trace } from "@opentelemetry/api";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";

import type { DecodedSpan } from "@/lib/ingest/types";

import { decodeTraceRequest } from "./decode-request";
import { encodeTraceResponse } from "./encode-response";

/**
 * Conformance with the official OpenTelemetry JS serializers: what they encode must decode into
 * the same spans, and our responses must read back with their deserializers.
 */

function recordSpans(): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "conformance", "service.version": "1.2.3" }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("conformance-scope", "9.9.9");

  const parent = tracer.startSpan("parent", {
    kind: SpanKind.SERVER,
    startTime: [1_700_000_000, 123_456_789],
  });
  const parentContext = trace.setSpan(context.active(), parent);
  const child = tracer.startSpan(
    "child",
    {
      kind: SpanKind.CLIENT,
      attributes: {
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.usage.input_tokens": 12,
        "gen_ai.request.temperature": 0.25,
        streaming: true,
        "tag.tags": ["a", "b"],
        ints: [1, -2],
      },
      links: [{ context: parent.spanContext(), attributes: { "link.kind": "follows" } }],
      startTime: [1_700_000_001, 5],
    },
    parentContext,
  );
  child.addEvent("gen_ai.user.message", { content: "hello" }, [1_700_000_001, 999]);
  child.setStatus({ code: SpanStatusCode.ERROR, message: "rate limited" });
  child.end([1_700_000_002, 1]);
  parent.end([1_700_000_003, 0]);

  return exporter.getFinishedSpans();
}

function findSpan(spans: DecodedSpan[], name: string): DecodedSpan {
  const found = spans.find((span) => span.name === name);
  if (!found) throw new Error(`span ${name} not decoded`);
  return found;
}

describe.each([
  ["protobuf", "application/x-protobuf", ProtobufTraceSerializer],
  ["json", "application/json", JsonTraceSerializer],
] as const)("official %s serializer", (_format, contentType, serializer) => {
  it("should decode every field it writes", () => {
    const recorded = recordSpans();
    const body = serializer.serializeRequest(recorded);
    if (!body) throw new Error("serializer returned nothing");

    const result = decodeTraceRequest(body, contentType, null);
    expect(result.rejected.count).toBe(0);
    expect(result.spans).toHaveLength(2);

    const parentRecord = recorded.find((span) => span.name === "parent");
    const childRecord = recorded.find((span) => span.name === "child");
    const parent = findSpan(result.spans, "parent");
    const child = findSpan(result.spans, "child");

    expect(parent).toMatchObject({
      traceId: parentRecord?.spanContext().traceId,
      spanId: parentRecord?.spanContext().spanId,
      parentSpanId: "",
      kind: 2,
      startTimeUnixNano: "1700000000123456789",
      endTimeUnixNano: "1700000003000000000",
    });
    expect(child).toMatchObject({
      traceId: parentRecord?.spanContext().traceId,
      spanId: childRecord?.spanContext().spanId,
      parentSpanId: parentRecord?.spanContext().spanId,
      kind: 3,
      startTimeUnixNano: "1700000001000000005",
      endTimeUnixNano: "1700000002000000001",
      status: { code: 2, message: "rate limited" },
    });
    expect(child.flags & 0xff).toBe(childRecord?.spanContext().traceFlags);
    expect(child.attributes).toEqual([
      { key: "gen_ai.request.model", value: { stringValue: "gpt-4o" } },
      { key: "gen_ai.usage.input_tokens", value: { intValue: "12" } },
      { key: "gen_ai.request.temperature", value: { doubleValue: 0.25 } },
      { key: "streaming", value: { boolValue: true } },
      {
        key: "tag.tags",
        value: { arrayValue: { values: [{ stringValue: "a" }, { stringValue: "b" }] } },
      },
      { key: "ints", value: { arrayValue: { values: [{ intValue: "1" }, { intValue: "-2" }] } } },
    ]);
    expect(child.events).toEqual([
      {
        name: "gen_ai.user.message",
        timeUnixNano: "1700000001000000999",
        attributes: [{ key: "content", value: { stringValue: "hello" } }],
        droppedAttributesCount: 0,
      },
    ]);
    expect(child.links).toMatchObject([
      {
        traceId: parentRecord?.spanContext().traceId,
        spanId: parentRecord?.spanContext().spanId,
        attributes: [{ key: "link.kind", value: { stringValue: "follows" } }],
      },
    ]);
    expect(child.resource.attributes).toEqual(
      expect.arrayContaining([
        { key: "service.name", value: { stringValue: "conformance" } },
        { key: "service.version", value: { stringValue: "1.2.3" } },
      ]),
    );
    expect(child.scope).toMatchObject({ name: "conformance-scope", version: "9.9.9" });
  });

  it("should write a response the official deserializer reads", () => {
    const format = contentType === "application/json" ? "json" : "protobuf";
    const partial = encodeTraceResponse(format, { count: 3, reasons: ["bad traceId"] });
    expect(serializer.deserializeResponse(partial.body)).toMatchObject({
      partialSuccess: { errorMessage: expect.stringContaining("bad traceId") },
    });
    const rejectedSpans = serializer.deserializeResponse(partial.body).partialSuccess
      ?.rejectedSpans;
    expect(Number(rejectedSpans)).toBe(3);

    const success = encodeTraceResponse(format, { count: 0, reasons: [] });
    expect(serializer.deserializeResponse(success.body)).toEqual({});
  });
});
