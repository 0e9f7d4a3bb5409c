import { describe, expect, it } from "vitest";

import { selfTimeNs, toSkeletonNodes, type SkeletonSpan } from "./skeleton-nodes";

const MS = 1_000_000n;

function span(
  spanId: string,
  parentSpanId: string | null,
  startMs: number,
  endMs: number,
  extra: Partial<SkeletonSpan> = {},
): SkeletonSpan {
  return {
    spanId,
    parentSpanId,
    startNs: BigInt(startMs) * MS,
    endNs: BigInt(endMs) * MS,
    name: spanId,
    type: "SPAN",
    level: "DEFAULT",
    statusMessage: null,
    model: null,
    inputTokens: null,
    outputTokens: null,
    totalTokens: null,
    totalCost: null,
    ...extra,
  };
}

describe("toSkeletonNodes", () => {
  it("should list spans in pre-order with depth, subtree sizes and trace-start offsets", () => {
    const nodes = toSkeletonNodes(
      [
        span("tool", "root", 40, 60),
        span("root", null, 10, 110),
        span("llm", "root", 20, 30),
        span("embed", "llm", 21, 25),
      ],
      10n * MS,
    );

    expect(
      nodes.map((node) => [node.spanId, node.parentIndex, node.depth, node.descendantCount]),
    ).toEqual([
      ["root", -1, 0, 3],
      ["llm", 0, 1, 1],
      ["embed", 1, 2, 0],
      ["tool", 0, 1, 0],
    ]);
    expect(nodes[0]).toMatchObject({ startMs: 0, durationMs: 100, childCount: 2 });
    expect(nodes[3]).toMatchObject({ startMs: 30, durationMs: 20 });
  });

  it("should make a span with a missing parent a provisional root that keeps its parent id", () => {
    const nodes = toSkeletonNodes([span("orphan", "gone", 0, 5)], 0n);
    expect(nodes[0]).toMatchObject({
      parentIndex: -1,
      declaredParentSpanId: "gone",
      parentMissing: true,
    });
  });

  it("should send only what a row shows: no level for DEFAULT, no nulls", () => {
    const [node] = toSkeletonNodes([span("only", null, 0, 1)], 0n);
    expect(Object.keys(node ?? {}).sort()).toEqual(
      [
        "childCount",
        "depth",
        "descendantCount",
        "durationMs",
        "name",
        "parentIndex",
        "selfMs",
        "spanId",
        "startMs",
        "type",
      ].sort(),
    );
  });

  it("should sum a subtree's tokens and cost, taking input + output when no total is given", () => {
    const nodes = toSkeletonNodes(
      [
        span("root", null, 0, 10),
        span("a", "root", 1, 2, { inputTokens: 100, outputTokens: 20, totalCost: "0.25" }),
        span("b", "root", 3, 4, { totalTokens: 30, totalCost: "0.5" }),
      ],
      0n,
    );
    expect(nodes[1]).toMatchObject({ tokens: 120, cost: "0.25" });
    expect(nodes[0]?.tokens).toBeUndefined();
    expect(nodes[0]).toMatchObject({ subtreeTokens: 150, subtreeCost: 0.75 });
  });

  it("should handle a 10,000-deep chain and a 10,000-wide fan-out without recursion", () => {
    const chain = Array.from({ length: 10_000 }, (_, index) =>
      span(`s${index}`, index === 0 ? null : `s${index - 1}`, index, 20_000 - index),
    );
    const deep = toSkeletonNodes(chain, 0n);
    expect(deep.at(-1)?.depth).toBe(9_999);
    expect(deep[0]?.descendantCount).toBe(9_999);

    const fan = [
      span("root", null, 0, 20_000),
      ...Array.from({ length: 10_000 }, (_, index) => span(`c${index}`, "root", index, index + 1)),
    ];
    const wide = toSkeletonNodes(fan, 0n);
    expect(wide[0]).toMatchObject({ childCount: 10_000, descendantCount: 10_000 });
    expect(wide[0]?.selfMs).toBe(10_000);
  });
});

describe("selfTimeNs", () => {
  it.each([
    { name: "no children", children: [], self: 100 },
    { name: "one child", children: [[10, 30]], self: 80 },
    {
      name: "overlapping children count once",
      children: [
        [10, 30],
        [20, 40],
      ],
      self: 70,
    },
    {
      name: "a child inside another",
      children: [
        [10, 50],
        [20, 30],
      ],
      self: 60,
    },
    {
      name: "children clipped to the parent",
      children: [
        [-20, 10],
        [90, 150],
      ],
      self: 80,
    },
    { name: "a child wholly outside", children: [[200, 300]], self: 100 },
  ])("should give the uncovered duration with $name", ({ children, self }) => {
    const toNs = ([start, end]: number[]) => ({
      startNs: BigInt(start as number) * MS,
      endNs: BigInt(end as number) * MS,
    });
    const result = selfTimeNs(toNs([0, 100]), children.map(toNs));
    expect(result / 1e6).toBe(self);
  });
});
