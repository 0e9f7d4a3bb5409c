import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/http/app-error";

import { decodeTraceCursor, encodeTraceCursor } from "./trace-cursor";

describe("trace cursor", () => {
  it("should round-trip a cursor through a URL-safe token", () => {
    const cursor = { startMicros: "1700000000123456", traceId: "0af7651916cd43dd8448eb211c80319c" };

    const token = encodeTraceCursor(cursor);

    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeTraceCursor(token)).toEqual(cursor);
  });

  it("should keep microseconds beyond 2^53 exact", () => {
    const cursor = { startMicros: "9007199254740993", traceId: "a" };

    expect(decodeTraceCursor(encodeTraceCursor(cursor)).startMicros).toBe("9007199254740993");
  });

  it.each([
    ["not base64 JSON", "%%%"],
    ["JSON of the wrong shape", Buffer.from('{"a":1}').toString("base64url")],
    ["a non-numeric time", Buffer.from('["soon","abc"]').toString("base64url")],
    ["an empty trace id", Buffer.from('["1",""]').toString("base64url")],
    ["empty", ""],
  ])("should refuse %s with a 400 naming the cursor", (_case, token) => {
    let error: unknown;
    try {
      decodeTraceCursor(token);
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).message).toContain("cursor");
  });
});
