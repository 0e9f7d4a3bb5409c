import { describe, expect, it } from "vitest";

import { hasValidPathEncoding } from "./path-encoding";

describe("hasValidPathEncoding", () => {
  it.each([
    ["/project/p/sessions/trip%2F1", true],
    ["/project/p/sessions/caf%C3%A9", true],
    ["/project/p/sessions/plain", true],
    ["/project/p/sessions/%E0%A4%A", false],
    ["/api/public/sessions/%ED%A0%80", false],
    ["/api/public/traces/%zz", false],
  ])("should judge %s valid: %s", (path, valid) => {
    expect(hasValidPathEncoding(path)).toBe(valid);
  });
});
