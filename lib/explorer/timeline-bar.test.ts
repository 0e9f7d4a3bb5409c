import { describe, expect, it } from "vitest";

import { timelineBar } from "./timeline-bar";

describe("timelineBar", () => {
  it.each([
    ["a short early bar: label after it", 0, 100, 1000, { left: 0, width: 10, label: "after" }],
    ["a late bar: label before it", 600, 300, 1000, { left: 60, width: 30, label: "before" }],
    [
      "a bar over the whole row: label inside",
      0,
      1000,
      1000,
      { left: 0, width: 100, label: "inside" },
    ],
    ["a long bar from 20 %: inside", 200, 700, 1000, { left: 20, width: 70, label: "inside" }],
    [
      "a bar past the end is cut at 100 %",
      900,
      500,
      1000,
      { left: 90, width: 10, label: "before" },
    ],
    ["a zero-length trace", 0, 0, 0, { left: 0, width: 0, label: "after" }],
    ["negative start clamps to 0", -50, 10, 100, { left: 0, width: 10, label: "after" }],
  ])("%s", (_name, start, duration, trace, expected) => {
    expect(timelineBar(start, duration, trace)).toEqual(expected);
  });
});
