import { buildTree, type TreeSpan } from "@/lib/traces/build-tree";

import type { SkeletonNode } from "./types";

/** A span row of the skeleton query: exact times as bigint nanoseconds. */
export interface SkeletonSpan extends TreeSpan {
  endNs: bigint;
  name: string;
  type: string;
  level: string;
  statusMessage: string | null;
  model: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  totalTokens: number | null;
  totalCost: string | null;
}

/** Milliseconds from nanoseconds, kept to the microsecond (what Postgres stores anyway). */
function toMillis(nanos: bigint | number): number {
  return Math.round(Number(nanos) / 1000) / 1000;
}

function ownTokens(span: SkeletonSpan): number | null {
  if (span.totalTokens !== null) return span.totalTokens;
  if (span.inputTokens === null && span.outputTokens === null) return null;
  return (span.inputTokens ?? 0) + (span.outputTokens ?? 0);
}

/**
 * The tree of a trace as a flat pre-order list with depth, subtree size, subtree totals and
 * self time per node. Iterative throughout (buildTree is too), so a 10k-deep chain needs no
 * deep stack.
 */
export function toSkeletonNodes(
  spans: readonly SkeletonSpan[],
  traceStartNs: bigint,
): SkeletonNode[] {
  const tree = buildTree(spans);
  const indexById = new Map<string, number>();
  tree.nodes.forEach((node, index) => indexById.set(node.span.spanId, index));

  const nodes = tree.nodes.map((treeNode): SkeletonNode => {
    const { span } = treeNode;
    const duration = span.endNs > span.startNs ? span.endNs - span.startNs : 0n;
    const node: SkeletonNode = {
      spanId: span.spanId,
      parentIndex:
        treeNode.parentSpanId === null ? -1 : (indexById.get(treeNode.parentSpanId) ?? -1),
      name: span.name,
      type: span.type,
      startMs: toMillis(span.startNs - traceStartNs),
      durationMs: toMillis(duration),
      selfMs: toMillis(
        selfTimeNs(
          span,
          treeNode.children.map((child) => child.span),
        ),
      ),
      depth: treeNode.depth,
      descendantCount: 0,
      childCount: treeNode.children.length,
    };
    if (span.level !== "DEFAULT") node.level = span.level;
    if (span.level !== "DEFAULT" && span.statusMessage) node.statusMessage = span.statusMessage;
    if (span.model) node.model = span.model;
    if (treeNode.parentMissing) node.parentMissing = true;
    if (treeNode.cycleBroken) node.cycleBroken = true;
    if (span.parentSpanId && span.parentSpanId !== treeNode.parentSpanId) {
      node.declaredParentSpanId = span.parentSpanId;
    }
    const tokens = ownTokens(span);
    if (tokens !== null) node.tokens = tokens;
    if (span.totalCost !== null) node.cost = span.totalCost;
    return node;
  });

  // In pre-order every node comes after its parent, so one backward pass sums subtrees.
  // Limitation: subtree costs are summed as floats; they are for display, totals stay exact.
  const tokens = nodes.map((node) => node.tokens ?? 0);
  const costs = nodes.map((node) => (node.cost === undefined ? null : Number(node.cost)));
  for (let index = nodes.length - 1; index >= 0; index--) {
    const node = nodes[index] as SkeletonNode;
    if (node.childCount > 0) {
      if ((tokens[index] as number) > 0) node.subtreeTokens = tokens[index];
      if (costs[index] !== null) node.subtreeCost = costs[index] as number;
    }
    const parent = node.parentIndex;
    if (parent < 0) continue;
    (nodes[parent] as SkeletonNode).descendantCount += node.descendantCount + 1;
    tokens[parent] = (tokens[parent] as number) + (tokens[index] as number);
    const cost = costs[index] as number | null;
    if (cost !== null) costs[parent] = (costs[parent] ?? 0) + cost;
  }
  return nodes;
}

/**
 * The part of a span's duration covered by none of its children. Children are clipped to the
 * parent (clock skew can put them outside it) and their overlaps counted once. Children arrive
 * sorted by start (buildTree orders them), so one sweep merges the intervals.
 */
export function selfTimeNs(
  span: { startNs: bigint; endNs: bigint },
  children: ReadonlyArray<{ startNs: bigint; endNs: bigint }>,
): number {
  const duration = span.endNs > span.startNs ? span.endNs - span.startNs : 0n;
  let covered = 0n;
  let runStart: bigint | null = null;
  let runEnd = 0n;

  for (const child of children) {
    const start = child.startNs < span.startNs ? span.startNs : child.startNs;
    const end = child.endNs > span.endNs ? span.endNs : child.endNs;
    if (end <= start) continue;

    if (runStart !== null && start <= runEnd) {
      if (end > runEnd) runEnd = end;
      continue;
    }
    if (runStart !== null) covered += runEnd - runStart;
    runStart = start;
    runEnd = end;
  }
  if (runStart !== null) covered += runEnd - runStart;
  return Number(duration - covered);
}
