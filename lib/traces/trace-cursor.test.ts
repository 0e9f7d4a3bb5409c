import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/http/app-error";

import { decodeTraceCursor, encodeTraceCursor } from "./trace-cursor";

describe("trace cursor", () => {
  it("should round-trip a cursor through a URL-safe token", () => {
    const cursor = { value: "1700000000123456", traceId: "0af7651916cd43dd8448eb211c80319c" };

    const token = encodeTraceCursor(cursor);

    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeTraceCursor(token)).toEqual(cursor);
  });

  it("should keep microseconds beyond 2^53 exact", () => {
    const cursor = { value: "9007199254740993", traceId: "a" };

    expect(decodeTraceCursor(encodeTraceCursor(cursor)).value).toBe("9007199254740993");
  });

  it("should round-trip a cursor of another order", () => {
    const order = { field: "totalCost", direction: "desc" } as const;
    for (const cursor of [
      { value: "0.000125", traceId: "b" },
      { value: "-1", traceId: "c" },
    ]) {
      expect(decodeTraceCursor(encodeTraceCursor(cursor, order), order)).toEqual(cursor);
    }
  });

  it("should refuse a cursor made under another order", () => {
    const latency = { field: "latency", direction: "asc" } as const;
    const token = encodeTraceCursor({ value: "1500", traceId: "a" }, latency);

    expect(() => decodeTraceCursor(token)).toThrow(AppError);
    expect(() => decodeTraceCursor(token, { field: "latency", direction: "desc" })).toThrow(
      "same orderBy",
    );
    expect(() =>
      decodeTraceCursor(encodeTraceCursor({ value: "1", traceId: "a" }), latency),
    ).toThrow("cursor");
  });

  it("should refuse a numeric order's cursor whose value is not a number", () => {
    const order = { field: "totalTokens", direction: "asc" } as const;
    const token = Buffer.from('["1; DROP",  "a", "totalTokens.asc"]').toString("base64url");

    expect(() => decodeTraceCursor(token, order)).toThrow("cursor");
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
