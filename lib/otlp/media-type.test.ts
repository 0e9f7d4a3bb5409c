import { describe, expect, it } from "vitest";

import { OtlpRequestError } from "./errors";
import { parseContentEncoding, parseOtlpMediaType } from "./media-type";

describe("parseOtlpMediaType", () => {
  it.each([
    ["application/x-protobuf", "protobuf"],
    ["application/json", "json"],
    ["application/json; charset=utf-8", "json"],
    ["Application/JSON;charset=UTF-8", "json"],
    ["  application/x-protobuf ; foo=bar", "protobuf"],
    ["APPLICATION/X-PROTOBUF", "protobuf"],
  ])("should read %j as %s", (contentType, expected) => {
    expect(parseOtlpMediaType(contentType)).toBe(expected);
  });

  it.each([
    ["text/plain"],
    ["application/protobuf"],
    ["application/grpc"],
    ["application/jsonl"],
    ["multipart/form-data; boundary=x"],
    [""],
    [null],
  ])("should refuse %j with 415", (contentType) => {
    const error = catchError(() => parseOtlpMediaType(contentType));
    expect(error).toBeInstanceOf(OtlpRequestError);
    expect(error.status).toBe(415);
    expect(error.message).toContain("Content-Type");
  });
});

describe("parseContentEncoding", () => {
  it.each([
    [null, "identity"],
    ["", "identity"],
    ["identity", "identity"],
    ["gzip", "gzip"],
    ["GZIP", "gzip"],
    [" gzip ", "gzip"],
    ["x-gzip", "gzip"],
  ])("should read %j as %s", (encoding, expected) => {
    expect(parseContentEncoding(encoding)).toBe(expected);
  });

  it.each([["br"], ["deflate"], ["zstd"], ["gzip, br"]])(
    "should refuse %j with 415",
    (encoding) => {
      const error = catchError(() => parseContentEncoding(encoding));
      expect(error.status).toBe(415);
      expect(error.message).toContain("Content-Encoding");
    },
  );
});

function catchError(run: () => unknown): OtlpRequestError {
  try {
    run();
  } catch (error) {
    if (error instanceof OtlpRequestError) return error;
    throw error;
  }
  throw new Error("expected an OtlpRequestError");
}
