import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/http/app-error";

import { decodeCursor, encodeCursor } from "./keyset-cursor";

describe("keyset cursors", () => {
  it("should round-trip the exact sort value text and the tie-breaking id", () => {
    const cursor = { sort: "time", value: "2026-12-03 18:04:05.123456+00", id: "abc" };
    expect(decodeCursor(encodeCursor(cursor), "time")).toEqual(cursor);
  });

  it.each([
    ["a cursor of another sort", encodeCursor({ sort: "cost", value: "1", id: "x" })],
    ["damaged text", "%%%"],
    ["a JSON object", Buffer.from('{"a":1}').toString("base64url")],
  ])("should refuse %s with a 400", (_name, text) => {
    expect(() => decodeCursor(text, "time")).toThrow(AppError);
  });
});
