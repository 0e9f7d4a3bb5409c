import { gzipSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { OtlpRequestError } from "./errors";
import { DEFAULT_BODY_LIMITS, inflateBody } from "./inflate-body";

const MIB = 1024 * 1024;

describe("inflateBody", () => {
  it("should return an identity body unchanged", () => {
    const body = new Uint8Array([1, 2, 3]);
    expect(inflateBody(body, "identity", DEFAULT_BODY_LIMITS)).toBe(body);
  });

  it("should inflate gzip", () => {
    const body = gzipSync(Buffer.from("hello"));
    expect(Buffer.from(inflateBody(body, "gzip", DEFAULT_BODY_LIMITS)).toString()).toBe("hello");
  });

  it("should refuse a gzip bomb with 413 at the default 32 MiB cap", () => {
    // 64 MiB of zeros compress to about 64 KB.
    const bomb = gzipSync(Buffer.alloc(64 * MIB));
    expect(bomb.byteLength).toBeLessThan(MIB);

    const error = catchError(() => inflateBody(bomb, "gzip", DEFAULT_BODY_LIMITS));
    expect(error.status).toBe(413);
    expect(error.message).toContain(String(32 * MIB));
  });

  it("should honour a configured inflation cap", () => {
    const body = gzipSync(Buffer.alloc(2048));
    const limits = { maxBodyBytes: MIB, maxInflatedBytes: 1024 };
    expect(catchError(() => inflateBody(body, "gzip", limits)).status).toBe(413);
    expect(inflateBody(body, "gzip", { ...limits, maxInflatedBytes: 2048 }).byteLength).toBe(2048);
  });

  it.each([
    ["not gzip at all", Buffer.from("definitely not gzip")],
    ["a truncated stream", gzipSync(Buffer.alloc(10_000, 7)).subarray(0, 20)],
    [
      "a corrupted stream",
      corrupt(gzipSync(Buffer.from("some text that is long enough ".repeat(20)))),
    ],
  ])("should refuse %s with 400", (_label, body) => {
    const error = catchError(() => inflateBody(body, "gzip", DEFAULT_BODY_LIMITS));
    expect(error.status).toBe(400);
    expect(error.message).toContain("gzip");
  });

  it.each([
    ["identity", new Uint8Array(2048)],
    ["gzip", gzipSync(Buffer.alloc(2048))],
  ] as const)("should refuse an over-limit %s body with 413", (encoding, body) => {
    const error = catchError(() =>
      inflateBody(body, encoding, { maxBodyBytes: 10, maxInflatedBytes: MIB }),
    );
    expect(error.status).toBe(413);
  });
});

function corrupt(body: Buffer): Buffer {
  const copy = Buffer.from(body);
  for (let index = 12; index < copy.length - 8; index += 3) copy[index] = (copy[index] ?? 0) ^ 0xff;
  return copy;
}

function catchError(run: () => unknown): OtlpRequestError {
  try {
    run();
  } catch (error) {
    if (error instanceof OtlpRequestError) return error;
    throw error;
  }
  throw new Error("expected an OtlpRequestError");
}
