import { describe, expect, it } from "vitest";

import { sanitizeCallbackUrl, signInPath } from "./callback-url";

describe("sanitizeCallbackUrl", () => {
  it.each([
    ["/project/p1/traces/abc?span=def", "/project/p1/traces/abc?span=def"],
    ["/project/p1/traces?q=weather&range=all#top", "/project/p1/traces?q=weather&range=all#top"],
    ["/", "/"],
    ["/invite/token%2Fwith%2Fslashes", "/invite/token%2Fwith%2Fslashes"],
    ["/project/../sign-up", "/sign-up"],
  ])("should keep the same-origin path %j as %j", (raw, expected) => {
    expect(sanitizeCallbackUrl(raw)).toBe(expected);
  });

  it.each([
    ["//evil.com"],
    ["//evil.com/project/p1"],
    ["https://evil.com"],
    ["http://evil.com/project/p1"],
    ["/\\evil.com"],
    ["\\\\evil.com"],
    ["/\t/evil.com"],
    ["/\n/evil.com"],
    ["/.//evil.com"],
    ["javascript:alert(1)"],
    ["evil.com"],
    ["project/p1"],
    [" /project/p1"],
    [""],
    [undefined],
    [null],
    [["/project/p1"]],
  ])("should fall back to the home for %j", (raw) => {
    expect(sanitizeCallbackUrl(raw)).toBe("/");
  });
});

describe("signInPath", () => {
  it("should carry the page to come back to as callbackUrl", () => {
    expect(signInPath("/project/p1/traces/abc?span=def")).toBe(
      "/sign-in?callbackUrl=%2Fproject%2Fp1%2Ftraces%2Fabc%3Fspan%3Ddef",
    );
  });

  it.each([["/"], [null], [undefined], ["//evil.com"]])(
    "should leave the callback out for %j",
    (raw) => {
      expect(signInPath(raw)).toBe("/sign-in");
    },
  );
});
