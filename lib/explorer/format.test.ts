import { describe, expect, it } from "vitest";

import {
  formatCost,
  formatDateTime,
  formatDuration,
  formatShortDateTime,
  formatTokens,
  fromDateTimeLocalValue,
  toDateTimeLocalValue,
} from "./format";

describe("explorer formatting", () => {
  it.each([
    [0, "0ms"],
    [0.42, "0.42ms"],
    [850, "850ms"],
    [2400, "2.40s"],
    [125_000, "2m 05s"],
    [3 * 3_600_000 + 120_000, "3h 02m"],
  ])("should show %d ms as %s", (millis, text) => {
    expect(formatDuration(millis)).toBe(text);
  });

  it.each([
    [null, "–"],
    ["0", "$0"],
    ["0.003550000000", "$0.00355"],
    ["0.0095", "$0.0095"],
    ["0.00000024", "$0.00000024"],
    ["1.5", "$1.5"],
    ["123.456", "$123.46"],
  ])("should show cost %s as %s", (cost, text) => {
    expect(formatCost(cost)).toBe(text);
  });

  it("should group tokens and go compact past 100k", () => {
    expect(formatTokens(3012)).toBe("3,012");
    expect(formatTokens(1_250_000)).toBe("1.3M");
  });

  it("should show times in the chosen zone and read datetime-local values back in it", () => {
    const iso = "2026-12-03T18:04:05.123Z";
    expect(formatDateTime(iso, "UTC")).toBe("2026-12-03 18:04:05.123");
    expect(formatDateTime(iso, "Asia/Tokyo")).toBe("2026-12-04 03:04:05.123");
    expect(toDateTimeLocalValue(iso, "America/New_York")).toBe("2026-12-03T13:04");
    expect(fromDateTimeLocalValue("2026-12-03T13:04", "America/New_York")).toBe(
      "2026-12-03T18:04:00.000Z",
    );
  });

  it.each([
    ["2026-12-03T18:04:05Z", "UTC", "Dec 3, 18:04:05"],
    ["1970-01-01T00:00:00Z", "UTC", "Jan 1 1970, 00:00:00"],
    ["2200-01-01T00:00:00Z", "UTC", "Jan 1 2200, 00:00:00"],
    // New Year's Eve in UTC is already next year in Tokyo.
    ["2026-12-31T20:00:00Z", "Asia/Tokyo", "Jan 1 2027, 05:00:00"],
  ])("should show %s short in %s, with the year only when not this year", (iso, zone, text) => {
    expect(formatShortDateTime(iso, zone, new Date("2026-12-04T12:00:00Z"))).toBe(text);
  });
});
