import { describe, expect, it } from "vitest";

import { buildTree, type TreeSpan } from "./build-tree";

function span(spanId: string, parentSpanId: string | null, start: number): TreeSpan {
  return { spanId, parentSpanId, startNs: BigInt(start) };
}

function shape(spans: TreeSpan[]) {
  const tree = buildTree(spans);
  return tree.nodes.map((node) => ({
    id: node.span.spanId,
    parent: node.parentSpanId,
    depth: node.depth,
    ...(node.parentMissing ? { parentMissing: true } : {}),
    ...(node.cycleBroken ? { cycleBroken: true } : {}),
  }));
}

describe("buildTree", () => {
  it("should nest children under parents ordered by start then span id", () => {
    const spans = [
      span("c2", "root", 30),
      span("c1b", "root", 20),
      span("c1a", "root", 20),
      span("g1", "c1a", 25),
      span("root", null, 10),
    ];

    expect(shape(spans)).toEqual([
      { id: "root", parent: null, depth: 0 },
      { id: "c1a", parent: "root", depth: 1 },
      { id: "g1", parent: "c1a", depth: 2 },
      { id: "c1b", parent: "root", depth: 1 },
      { id: "c2", parent: "root", depth: 1 },
    ]);
  });

  it("should treat an empty parent id as no parent", () => {
    expect(shape([span("a", "", 1)])).toEqual([{ id: "a", parent: null, depth: 0 }]);
  });

  it("should flag a span whose parent is absent as a provisional root", () => {
    const tree = buildTree([span("root", null, 1), span("orphan", "gone", 2)]);

    const orphan = tree.byId.get("orphan");
    expect(orphan?.parentMissing).toBe(true);
    expect(orphan?.parentSpanId).toBeNull();
    expect(orphan?.warnings[0]).toContain("gone");
    expect(tree.roots.map((node) => node.span.spanId)).toEqual(["root", "orphan"]);
    expect(tree.byId.get("root")?.parentMissing).toBe(false);
  });

  it("should break self-parenting and flag it", () => {
    expect(shape([span("self", "self", 5), span("kid", "self", 6)])).toEqual([
      { id: "self", parent: null, depth: 0, cycleBroken: true },
      { id: "kid", parent: "self", depth: 1 },
    ]);
  });

  it("should break a cycle at its earliest span, whatever the input order", () => {
    const cycle = [span("b", "a", 20), span("c", "b", 30), span("a", "c", 10)];
    const expected = [
      { id: "a", parent: null, depth: 0, cycleBroken: true },
      { id: "b", parent: "a", depth: 1 },
      { id: "c", parent: "b", depth: 2 },
    ];

    expect(shape(cycle)).toEqual(expected);
    expect(shape([...cycle].reverse())).toEqual(expected);
  });

  it("should break a cycle by span id when the starts are equal", () => {
    const nodes = shape([span("y", "x", 7), span("x", "y", 7)]);

    expect(nodes[0]).toEqual({ id: "x", parent: null, depth: 0, cycleBroken: true });
    expect(nodes[1]).toEqual({ id: "y", parent: "x", depth: 1 });
  });

  it("should keep a tail hanging off a cycle under the cycle", () => {
    const tree = buildTree([
      span("a", "b", 1),
      span("b", "a", 2),
      span("tail", "b", 3),
      span("root", null, 0),
    ]);

    expect(tree.roots.map((node) => node.span.spanId)).toEqual(["root", "a"]);
    expect(tree.byId.get("tail")?.parentSpanId).toBe("b");
    expect(tree.byId.get("tail")?.cycleBroken).toBe(false);
    expect(tree.byId.get("b")?.cycleBroken).toBe(false);
  });

  it("should keep the earliest occurrence of a duplicated span id", () => {
    const tree = buildTree([span("a", null, 5), span("a", "x", 1)]);

    expect(tree.nodes).toHaveLength(1);
    expect(tree.nodes[0]?.span.startNs).toBe(1n);
  });

  it("should handle a 10k-deep chain without recursion", () => {
    const depth = 10_000;
    const spans = Array.from({ length: depth }, (_, index) =>
      span(`s${index}`, index === 0 ? null : `s${index - 1}`, depth - index),
    );

    const tree = buildTree(spans);

    expect(tree.roots).toHaveLength(1);
    expect(tree.nodes).toHaveLength(depth);
    expect(tree.nodes[depth - 1]?.depth).toBe(depth - 1);
    expect(tree.nodes.map((node) => node.span.spanId)).toEqual(spans.map((item) => item.spanId));
  });

  it("should handle a 10k-deep cycle without recursion", () => {
    const depth = 10_000;
    const spans = Array.from({ length: depth }, (_, index) =>
      span(`s${index}`, `s${(index + 1) % depth}`, index),
    );

    const tree = buildTree(spans);

    expect(tree.roots.map((node) => node.span.spanId)).toEqual(["s0"]);
    expect(tree.nodes.filter((node) => node.cycleBroken)).toHaveLength(1);
    expect(tree.nodes[depth - 1]?.depth).toBe(depth - 1);
  });

  it("should handle a 10k-wide fan-out in start order", () => {
    const width = 10_000;
    const children = Array.from({ length: width }, (_, index) =>
      span(`c${String(index).padStart(5, "0")}`, "root", width - index),
    );

    const tree = buildTree([...children, span("root", null, 0)]);

    const root = tree.roots[0];
    expect(root?.children).toHaveLength(width);
    expect(root?.children[0]?.span.spanId).toBe("c09999");
    expect(root?.children[width - 1]?.span.spanId).toBe("c00000");
    expect(tree.nodes.every((node) => node.depth <= 1)).toBe(true);
  });
});
