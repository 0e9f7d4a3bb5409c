import { describe, expect, it } from "vitest";

import { encodeTraceResponse, formatRejectionMessage } from "./encode-response";
import { getTraceServiceTypes } from "./otlp-proto-schema";

function readJson(body: Uint8Array): unknown {
  return JSON.parse(new TextDecoder().decode(body));
}

describe("encodeTraceResponse", () => {
  it("should write an empty JSON object on full success", () => {
    const response = encodeTraceResponse("json", { count: 0, reasons: [] });
    expect(response.contentType).toBe("application/json");
    expect(readJson(response.body)).toEqual({});
  });

  it("should write partialSuccess with rejectedSpans as an int64 string in JSON", () => {
    const response = encodeTraceResponse("json", {
      count: 2,
      reasons: ["span a: traceId is missing"],
    });
    expect(readJson(response.body)).toEqual({
      partialSuccess: {
        rejectedSpans: "2",
        errorMessage: "2 span(s) rejected: span a: traceId is missing; and 1 more",
      },
    });
  });

  it("should write an empty protobuf message on full success", () => {
    const response = encodeTraceResponse("protobuf", { count: 0, reasons: [] });
    expect(response.contentType).toBe("application/x-protobuf");
    expect(response.body.byteLength).toBe(0);
  });

  it("should write partialSuccess in protobuf", () => {
    const response = encodeTraceResponse("protobuf", { count: 5, reasons: ["x"] });
    const { response: responseType } = getTraceServiceTypes();
    const decoded = responseType.toObject(responseType.decode(response.body), { longs: String });
    expect(decoded).toEqual({
      partialSuccess: { rejectedSpans: "5", errorMessage: "5 span(s) rejected: x; and 4 more" },
    });
  });
});

describe("formatRejectionMessage", () => {
  it("should bound the message length", () => {
    const reasons = Array.from({ length: 20 }, () => "r".repeat(500));
    const message = formatRejectionMessage({ count: 20, reasons });
    expect(message.length).toBeLessThanOrEqual(4000);
    expect(message.endsWith("…")).toBe(true);
  });
});
