import { describe, expect, it } from "vitest";

import { escapeLikePattern, traceIdMatchOf } from "./trace-search";

describe("traceIdMatchOf", () => {
  it.each([
    { text: "abc", expected: { kind: "exact", traceId: "abc" } },
    { text: "abcd", expected: { kind: "prefix", pattern: "abcd%" } },
    { text: "0A1B2C3D", expected: { kind: "prefix", pattern: "0a1b2c3d%" } },
    { text: "f".repeat(31), expected: { kind: "prefix", pattern: `${"f".repeat(31)}%` } },
    { text: "F".repeat(32), expected: { kind: "exact", traceId: "f".repeat(32) } },
    { text: "a".repeat(33), expected: { kind: "exact", traceId: "a".repeat(33) } },
    { text: "abcg", expected: { kind: "exact", traceId: "abcg" } },
    { text: "ab%d", expected: { kind: "exact", traceId: "ab%d" } },
  ])("reads $text as $expected.kind", ({ text, expected }) => {
    expect(traceIdMatchOf(text)).toEqual(expected);
  });
});

describe("escapeLikePattern", () => {
  it.each([
    { text: "100%", expected: "100\\%" },
    { text: "a_b", expected: "a\\_b" },
    { text: "C:\\temp", expected: "C:\\\\temp" },
    { text: "<script>'x'</script>", expected: "<script>'x'</script>" },
  ])("escapes $text", ({ text, expected }) => {
    expect(escapeLikePattern(text)).toBe(expected);
  });
});
