import type { SkeletonNode } from "./types";

/**
 * The rows shown for a pre-order node list when some nodes are collapsed: a collapsed node's
 * subtree is the contiguous range after it (descendantCount long), so it is skipped in one step.
 * Linear, no recursion, whatever the depth.
 */
export function visibleRowIndexes(
  nodes: ReadonlyArray<Pick<SkeletonNode, "descendantCount">>,
  collapsed: ReadonlySet<number>,
): number[] {
  const rows: number[] = [];
  let index = 0;
  while (index < nodes.length) {
    rows.push(index);
    const node = nodes[index] as Pick<SkeletonNode, "descendantCount">;
    index += collapsed.has(index) ? node.descendantCount + 1 : 1;
  }
  return rows;
}

/** Indexes of the node's ancestors (nearest first), following tree parents by span id. */
export function ancestorIndexes(
  nodes: ReadonlyArray<Pick<SkeletonNode, "parentSpanId">>,
  indexById: ReadonlyMap<string, number>,
  index: number,
): number[] {
  const ancestors: number[] = [];
  const seen = new Set<number>([index]);
  let parentId = nodes[index]?.parentSpanId ?? null;
  while (parentId !== null) {
    const parentIndex = indexById.get(parentId);
    if (parentIndex === undefined || seen.has(parentIndex)) break;
    ancestors.push(parentIndex);
    seen.add(parentIndex);
    parentId = nodes[parentIndex]?.parentSpanId ?? null;
  }
  return ancestors;
}
