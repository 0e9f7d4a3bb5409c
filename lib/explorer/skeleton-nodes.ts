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

const NANOS_PER_MILLI = 1_000_000;

/**
 * The tree of a trace as a flat pre-order list with depth, subtree size and self time per node.
 * Iterative throughout (buildTree is too), so a 10k-deep chain needs no deep stack.
 */
export function toSkeletonNodes(
  spans: readonly SkeletonSpan[],
  traceStartNs: bigint,
): SkeletonNode[] {
  const tree = buildTree(spans);
  const indexById = new Map<string, number>();
  tree.nodes.forEach((node, index) => indexById.set(node.span.spanId, index));

  const nodes = tree.nodes.map((node): SkeletonNode => {
    const { span } = node;
    const startOffset = Number(span.startNs - traceStartNs);
    const duration = Math.max(0, Number(span.endNs - span.startNs));
    return {
      spanId: span.spanId,
      parentSpanId: node.parentSpanId,
      declaredParentSpanId: span.parentSpanId || null,
      name: span.name,
      type: span.type,
      level: span.level,
      statusMessage: span.statusMessage,
      model: span.model,
      startMs: startOffset / NANOS_PER_MILLI,
      durationMs: duration / NANOS_PER_MILLI,
      selfMs: duration / NANOS_PER_MILLI,
      depth: node.depth,
      descendantCount: 0,
      childCount: node.children.length,
      parentMissing: node.parentMissing,
      cycleBroken: node.cycleBroken,
      inputTokens: span.inputTokens,
      outputTokens: span.outputTokens,
      totalTokens: ownTokens(span),
      totalCost: span.totalCost,
      subtreeTokens: ownTokens(span) ?? 0,
      subtreeCost: span.totalCost === null ? null : Number(span.totalCost),
    };
  });

  // In pre-order every node comes after its parent, so one backward pass sums subtree sizes.
  // Limitation: subtree costs are summed as floats; they are for display, totals stay exact.
  for (let index = nodes.length - 1; index >= 0; index--) {
    const node = nodes[index] as SkeletonNode;
    const parentIndex = node.parentSpanId === null ? undefined : indexById.get(node.parentSpanId);
    if (parentIndex !== undefined) {
      const parent = nodes[parentIndex] as SkeletonNode;
      parent.descendantCount += node.descendantCount + 1;
      parent.subtreeTokens += node.subtreeTokens;
      if (node.subtreeCost !== null)
        parent.subtreeCost = (parent.subtreeCost ?? 0) + node.subtreeCost;
    }
  }

  tree.nodes.forEach((node, index) => {
    const target = nodes[index] as SkeletonNode;
    target.selfMs =
      selfTimeNs(
        node.span,
        node.children.map((child) => child.span),
      ) / NANOS_PER_MILLI;
  });
  return nodes;
}

function ownTokens(span: SkeletonSpan): number | null {
  if (span.totalTokens !== null) return span.totalTokens;
  if (span.inputTokens === null && span.outputTokens === null) return null;
  return (span.inputTokens ?? 0) + (span.outputTokens ?? 0);
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
