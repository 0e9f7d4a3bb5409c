import { describe, expect, it } from "vitest";

import { INT64_MAX, resolveSpanTimes } from "./span-times";

describe("resolveSpanTimes", () => {
  it("should keep exact nanoseconds beyond 2^53", () => {
    const times = resolveSpanTimes("1700000000123456789", "1700000001987654321");

    expect(times).toEqual({
      startNs: 1700000000123456789n,
      endNs: 1700000001987654321n,
      durationNs: 1864197532n,
      rawTimes: null,
      warning: null,
    });
  });

  it("should place a span whose start is 0 (unset) at its end, with a warning", () => {
    const times = resolveSpanTimes("0", "1700000001987654321");

    expect(times).toMatchObject({
      startNs: 1700000001987654321n,
      endNs: 1700000001987654321n,
      durationNs: 0n,
      rawTimes: { startTimeUnixNano: "0", endTimeUnixNano: "1700000001987654321" },
    });
    expect("warning" in times && times.warning).toContain("startTimeUnixNano is 0");
    expect(resolveSpanTimes("0", "0")).toMatchObject({ startNs: 0n, durationNs: 0n });
  });

  it.each([
    ["end before start", "2000", "1000", "is before startTimeUnixNano"],
    ["end zero", "2000", "0", "is 0"],
  ])("should clamp %s to duration 0 and keep the raw times", (_case, start, end, problem) => {
    const times = resolveSpanTimes(start, end);

    expect(times).toMatchObject({
      startNs: 2000n,
      endNs: 2000n,
      durationNs: 0n,
      rawTimes: { startTimeUnixNano: start, endTimeUnixNano: end },
    });
    expect("warning" in times && times.warning).toContain(problem);
  });

  it("should accept a zero-length span without a warning", () => {
    expect(resolveSpanTimes("5", "5")).toMatchObject({ durationNs: 0n, warning: null });
  });

  it.each([
    ["start", (INT64_MAX + 1n).toString(), "1"],
    ["end", "1", (INT64_MAX + 1n).toString()],
  ])("should reject a %s time beyond int64", (field, start, end) => {
    const times = resolveSpanTimes(start, end);

    expect(times).toEqual({ rejection: expect.stringContaining(`${field}TimeUnixNano`) });
  });

  it("should accept int64's largest value", () => {
    const max = INT64_MAX.toString();

    expect(resolveSpanTimes(max, max)).toMatchObject({ startNs: INT64_MAX });
  });
});
