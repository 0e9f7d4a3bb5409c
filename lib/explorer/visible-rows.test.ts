import { describe, expect, it } from "vitest";

import { ancestorIndexes, visibleRowIndexes } from "./visible-rows";

// root(0) → a(1) → a1(2), a2(3); b(4) → b1(5)
const nodes = [
  { parentIndex: -1, descendantCount: 5 },
  { parentIndex: 0, descendantCount: 2 },
  { parentIndex: 1, descendantCount: 0 },
  { parentIndex: 1, descendantCount: 0 },
  { parentIndex: 0, descendantCount: 1 },
  { parentIndex: 4, descendantCount: 0 },
];

describe("visibleRowIndexes", () => {
  it.each([
    { collapsed: [], rows: [0, 1, 2, 3, 4, 5] },
    { collapsed: [1], rows: [0, 1, 4, 5] },
    { collapsed: [1, 4], rows: [0, 1, 4] },
    { collapsed: [0], rows: [0] },
    { collapsed: [2], rows: [0, 1, 2, 3, 4, 5] },
  ])("should skip the subtrees of collapsed nodes $collapsed", ({ collapsed, rows }) => {
    expect(visibleRowIndexes(nodes, new Set(collapsed))).toEqual(rows);
  });
});

describe("ancestorIndexes", () => {
  it("should list ancestors nearest first and stop at a root", () => {
    expect(ancestorIndexes(nodes, 3)).toEqual([1, 0]);
    expect(ancestorIndexes(nodes, 5)).toEqual([4, 0]);
    expect(ancestorIndexes(nodes, 0)).toEqual([]);
  });
});
