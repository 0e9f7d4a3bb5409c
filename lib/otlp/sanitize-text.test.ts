import { describe, expect, it } from "vitest";

import { sanitizeJsonValue, sanitizeText } from "./sanitize-text";

describe("sanitizeText", () => {
  it.each([
    ["plain text", "hello", "hello"],
    ["a NUL", "a\u0000b", "a\uFFFDb"],
    ["several NULs", "\u0000\u0000", "\uFFFD\uFFFD"],
    ["a lone high surrogate", "x\uD83Dy", "x\uFFFDy"],
    ["a lone high surrogate at the end", "x\uD83D", "x\uFFFD"],
    ["a lone low surrogate", "x\uDE00y", "x\uFFFDy"],
    ["a reversed pair", "\uDE00\uD83D", "\uFFFD\uFFFD"],
    ["a valid pair (emoji)", "ok 😀", "ok 😀"],
    ["a valid pair next to a lone one", "😀\uD83D", "😀\uFFFD"],
  ])("should handle %s", (_label, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });
});

describe("sanitizeJsonValue", () => {
  it("should sanitize keys and values at depth", () => {
    const value = { "k\u0000": [{ deep: ["\uD800", { "\uDC00": 1 }] }], n: 1, b: true, z: null };
    expect(sanitizeJsonValue(value)).toEqual({
      "k\uFFFD": [{ deep: ["\uFFFD", { "\uFFFD": 1 }] }],
      n: 1,
      b: true,
      z: null,
    });
  });

  it("should cut values nested too deeply instead of exhausting the stack", () => {
    let value: unknown = "leaf";
    for (let depth = 0; depth < 10_000; depth++) value = [value];
    expect(() => sanitizeJsonValue(value)).not.toThrow();
    expect(JSON.stringify(sanitizeJsonValue(value))).toContain("truncated");
  });
});
