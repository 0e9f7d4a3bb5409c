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

/** Indexes of the node's ancestors, nearest first. */
export function ancestorIndexes(
  nodes: ReadonlyArray<Pick<SkeletonNode, "parentIndex">>,
  index: number,
): number[] {
  const ancestors: number[] = [];
  // Pre-order puts every parent before its child, so the walk always ends.
  let current = index;
  let parent = nodes[current]?.parentIndex ?? -1;
  while (parent >= 0 && parent < current) {
    ancestors.push(parent);
    current = parent;
    parent = nodes[current]?.parentIndex ?? -1;
  }
  return ancestors;
}
