import { describe, expect, it } from "vitest";

import { safeLinkHref } from "./safe-url";

describe("safeLinkHref", () => {
  it.each([
    ["https://example.com/a?b=1", "https://example.com/a?b=1"],
    ["http://example.com", "http://example.com/"],
    ["mailto:someone@example.com", "mailto:someone@example.com"],
    ["javascript:alert(1)", null],
    ["JaVaScRiPt:alert(1)", null],
    [" javascript:alert(1)", null],
    ["java\tscript:alert(1)", null],
    ["java\nscript:alert(1)", null],
    ["data:text/html;base64,PHNjcmlwdD4=", null],
    ["vbscript:msgbox(1)", null],
    ["file:///etc/passwd", null],
    ["/api/projects/p/traces", null],
    ["//evil.example.net/x", null],
    ["", null],
    [null, null],
  ])("should turn %j into %j", (raw, expected) => {
    expect(safeLinkHref(raw)).toBe(expected);
  });
});
