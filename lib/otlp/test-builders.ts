import { gzipSync } from "node:zlib";

import { getTraceServiceTypes } from "./otlp-proto-schema";
import type { WireAnyValue, WireKeyValue, WireSpan, WireTraceRequest } from "./otlp-wire-schema";

/** Typed builders for OTLP trace payloads in tests; defaults give one valid span. */

export const TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
export const SPAN_ID = "b7ad6b7169203331";
export const PARENT_SPAN_ID = "00f067aa0ba902b7";
export const START_NANOS = "1700000000000000000";
export const END_NANOS = "1700000001500000000";

export function stringValue(value: string): WireAnyValue {
  return { stringValue: value };
}

export function attribute(key: string, value: WireAnyValue): WireKeyValue {
  return { key, value };
}

export function stringAttribute(key: string, value: string): WireKeyValue {
  return { key, value: { stringValue: value } };
}

/** A span in OTLP/JSON form (hex ids, string times); override any field. */
export function buildWireSpan(overrides: Partial<WireSpan> = {}): WireSpan {
  return {
    traceId: TRACE_ID,
    spanId: SPAN_ID,
    parentSpanId: "",
    name: "chat gpt-4o",
    kind: 3,
    startTimeUnixNano: START_NANOS,
    endTimeUnixNano: END_NANOS,
    attributes: [stringAttribute("gen_ai.request.model", "gpt-4o")],
    status: { code: 0, message: "" },
    ...overrides,
  };
}

interface RequestOptions {
  spans?: WireSpan[];
  resourceAttributes?: WireKeyValue[];
  scopeName?: string;
  scopeAttributes?: WireKeyValue[];
}

/** One resource, one scope, the given spans. */
export function buildWireRequest(options: RequestOptions = {}): WireTraceRequest {
  return {
    resourceSpans: [
      {
        resource: {
          attributes: options.resourceAttributes ?? [stringAttribute("service.name", "app")],
        },
        scopeSpans: [
          {
            scope: {
              name: options.scopeName ?? "test-scope",
              version: "1.0.0",
              attributes: options.scopeAttributes ?? [],
            },
            spans: options.spans ?? [buildWireSpan()],
          },
        ],
      },
    ],
  };
}

export function encodeJsonBody(request: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(request));
}

/** Encodes a request as OTLP protobuf; hex ids become bytes as on the wire. */
export function encodeProtobufBody(request: WireTraceRequest): Uint8Array {
  const { request: requestType } = getTraceServiceTypes();
  const withBytes = {
    resourceSpans: (request.resourceSpans ?? []).map((resourceSpans) => ({
      ...resourceSpans,
      scopeSpans: (resourceSpans.scopeSpans ?? []).map((scopeSpans) => ({
        ...scopeSpans,
        spans: (scopeSpans.spans ?? []).map((span) => ({
          ...span,
          traceId: hexToBytes(span.traceId),
          spanId: hexToBytes(span.spanId),
          parentSpanId: hexToBytes(span.parentSpanId),
          links: (span.links ?? []).map((link) => ({
            ...link,
            traceId: hexToBytes(link.traceId),
            spanId: hexToBytes(link.spanId),
          })),
        })),
      })),
    })),
  };
  return requestType.encode(requestType.fromObject(withBytes)).finish();
}

export function gzip(body: Uint8Array): Uint8Array {
  return gzipSync(body);
}

function hexToBytes(hex: string | null | undefined): Uint8Array {
  return Buffer.from(hex ?? "", "hex");
}
