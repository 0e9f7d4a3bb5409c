import { describe, expect, it } from "vitest";

import {
  cutUtf8Prefix,
  limitIndexedText,
  serializeJsonWithLimit,
  type TruncationMarker,
} from "./truncate-json";

function parseMarker(text: string | null): TruncationMarker {
  return JSON.parse(text ?? "null") as TruncationMarker;
}

describe("serializeJsonWithLimit", () => {
  it("should keep a value whose JSON fits, byte for byte", () => {
    const value = { messages: [{ role: "user", content: "héllo 👋" }] };

    expect(serializeJsonWithLimit(value, 1000)).toBe(JSON.stringify(value));
  });

  it("should give null for null and undefined", () => {
    expect(serializeJsonWithLimit(null, 10)).toBeNull();
    expect(serializeJsonWithLimit(undefined, 10)).toBeNull();
  });

  it("should keep a value exactly at the limit and truncate one byte over", () => {
    const atLimit = "x".repeat(98); // 100 bytes with the quotes

    expect(serializeJsonWithLimit(atLimit, 100)).toBe(JSON.stringify(atLimit));
    expect(parseMarker(serializeJsonWithLimit(`${atLimit}x`, 100)).__truncated).toBe(true);
  });

  it("should count UTF-8 bytes, not characters", () => {
    const text = "é".repeat(300); // 300 characters, 600 bytes

    const marker = parseMarker(serializeJsonWithLimit(text, 400));

    expect(marker.originalSize).toBe(602);
    expect(marker.preview.startsWith('"éé')).toBe(true);
  });

  it("should replace a large value by a marker that fits the limit", () => {
    const value = { text: "a".repeat(5000), quotes: '"'.repeat(5000) };
    const serialized = JSON.stringify(value);

    const stored = serializeJsonWithLimit(value, 1024);
    const marker = parseMarker(stored);

    expect(Buffer.byteLength(stored ?? "", "utf8")).toBeLessThanOrEqual(1024);
    expect(marker).toMatchObject({ __truncated: true, originalSize: serialized.length });
    expect(serialized.startsWith(marker.preview)).toBe(true);
    expect(marker.preview.length).toBeGreaterThan(100);
  });

  it("should never split a surrogate pair in the preview", () => {
    const value = "👋".repeat(1000);

    for (const limit of [200, 201, 202, 203, 204]) {
      const marker = parseMarker(serializeJsonWithLimit(value, limit));
      const last = marker.preview.charCodeAt(marker.preview.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
      expect(Buffer.from(marker.preview, "utf8").toString("utf8")).toBe(marker.preview);
    }
  });
});

describe("cutUtf8Prefix", () => {
  it.each([
    ["abc", 2, "ab"],
    ["aé", 2, "a"],
    ["aé", 3, "aé"],
    ["a👋b", 4, "a"],
    ["a👋b", 5, "a👋"],
    ["€x", 3, "€"],
    ["", 5, ""],
  ])("should cut %j to %d bytes as %j", (text, bytes, expected) => {
    expect(cutUtf8Prefix(text, bytes)).toBe(expected);
  });
});

describe("limitIndexedText", () => {
  it("should leave short text alone without a warning", () => {
    const warnings: string[] = [];

    expect(limitIndexedText("chat", "name", 2000, warnings)).toBe("chat");
    expect(warnings).toEqual([]);
  });

  it("should cut long text and warn naming the field", () => {
    const warnings: string[] = [];

    const cut = limitIndexedText("n".repeat(2500), "name", 2000, warnings);

    expect(cut).toHaveLength(2000);
    expect(warnings).toEqual(["name is 2500 bytes; truncated to 2000"]);
  });
});
