import { describe, expect, it } from "vitest";

import { ancestorIndexes, visibleRowIndexes } from "./visible-rows";

// root(0) → a(1) → a1(2), a2(3); b(4) → b1(5)
const nodes = [
  { spanId: "root", parentSpanId: null, descendantCount: 5 },
  { spanId: "a", parentSpanId: "root", descendantCount: 2 },
  { spanId: "a1", parentSpanId: "a", descendantCount: 0 },
  { spanId: "a2", parentSpanId: "a", descendantCount: 0 },
  { spanId: "b", parentSpanId: "root", descendantCount: 1 },
  { spanId: "b1", parentSpanId: "b", descendantCount: 0 },
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
    const indexById = new Map(nodes.map((node, index) => [node.spanId, index]));
    expect(ancestorIndexes(nodes, indexById, 3)).toEqual([1, 0]);
    expect(ancestorIndexes(nodes, indexById, 0)).toEqual([]);
  });
});
