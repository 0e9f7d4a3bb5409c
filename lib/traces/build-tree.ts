/**
 * Assembles a trace's spans into a tree. Pure and iterative (no recursion), so a 10k-deep chain
 * or a 10k-wide fan-out costs memory proportional to the spans, not stack frames.
 */

/** The fields tree assembly needs from a span. */
export interface TreeSpan {
  spanId: string;
  /** Null or "" for a span that names no parent. */
  parentSpanId: string | null;
  startNs: bigint;
}

export interface TreeNode<T extends TreeSpan> {
  span: T;
  /** The parent in the assembled tree; null for a root (real, provisional or cycle-broken). */
  parentSpanId: string | null;
  /** The span names a parent that is not in the trace: shown as a provisional root. */
  parentMissing: boolean;
  /** The span was made a root to break a parent cycle (or it named itself as its parent). */
  cycleBroken: boolean;
  depth: number;
  children: TreeNode<T>[];
  warnings: string[];
}

export interface SpanTree<T extends TreeSpan> {
  roots: TreeNode<T>[];
  /** Every node in depth-first pre-order: roots by start, children by start then span id. */
  nodes: TreeNode<T>[];
  byId: ReadonlyMap<string, TreeNode<T>>;
}

/** Orders spans by start time, then span id, so every choice below is deterministic. */
export function compareSpans(left: TreeSpan, right: TreeSpan): number {
  if (left.startNs !== right.startNs) return left.startNs < right.startNs ? -1 : 1;
  return left.spanId < right.spanId ? -1 : left.spanId > right.spanId ? 1 : 0;
}

/**
 * Builds the tree. A span whose parent is absent becomes a root flagged parentMissing; a cycle
 * (including a span naming itself) is broken at its earliest span (start, then span id), which
 * becomes a root flagged cycleBroken. A span id seen twice keeps its earliest occurrence.
 */
export function buildTree<T extends TreeSpan>(spans: readonly T[]): SpanTree<T> {
  const byId = new Map<string, TreeNode<T>>();
  for (const span of [...spans].sort(compareSpans)) {
    if (byId.has(span.spanId)) continue;
    byId.set(span.spanId, createNode(span));
  }

  const sorted = [...byId.values()];
  for (const node of sorted) linkToParent(node, byId);
  breakCycles(sorted, byId);

  const roots: TreeNode<T>[] = [];
  for (const node of sorted) {
    const parent = node.parentSpanId === null ? undefined : byId.get(node.parentSpanId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return { roots, nodes: orderDepthFirst(roots), byId };
}

function createNode<T extends TreeSpan>(span: T): TreeNode<T> {
  return {
    span,
    parentSpanId: null,
    parentMissing: false,
    cycleBroken: false,
    depth: 0,
    children: [],
    warnings: [],
  };
}

function linkToParent<T extends TreeSpan>(node: TreeNode<T>, byId: Map<string, TreeNode<T>>) {
  const parentId = node.span.parentSpanId;
  if (parentId === null || parentId === "") return;

  if (parentId === node.span.spanId) {
    node.cycleBroken = true;
    node.warnings.push("span names itself as its parent; shown as a root");
  } else if (!byId.has(parentId)) {
    node.parentMissing = true;
    node.warnings.push(`parent span ${parentId} is not in the trace; shown as a root`);
  } else {
    node.parentSpanId = parentId;
  }
}

/**
 * Each node has at most one parent, so following parents from any node either reaches a root or
 * loops. Walks start from every node in order; a node already settled ends the walk, a node seen
 * in the current walk closes a cycle, which is cut at its earliest member.
 */
function breakCycles<T extends TreeSpan>(sorted: TreeNode<T>[], byId: Map<string, TreeNode<T>>) {
  const walkOf = new Map<TreeNode<T>, number>();
  sorted.forEach((start, walk) => {
    const path: TreeNode<T>[] = [];
    let current: TreeNode<T> | undefined = start;
    while (current && !walkOf.has(current)) {
      walkOf.set(current, walk);
      path.push(current);
      current = current.parentSpanId === null ? undefined : byId.get(current.parentSpanId);
    }
    if (!current || walkOf.get(current) !== walk) return;

    const cycle = path.slice(path.indexOf(current));
    const earliest = cycle.reduce((best, node) =>
      compareSpans(node.span, best.span) < 0 ? node : best,
    );
    earliest.cycleBroken = true;
    earliest.warnings.push(
      `parent cycle through ${cycle.length} spans broken here ` +
        `(parent was ${earliest.parentSpanId})`,
    );
    earliest.parentSpanId = null;
  });
}

function orderDepthFirst<T extends TreeSpan>(roots: TreeNode<T>[]): TreeNode<T>[] {
  const ordered: TreeNode<T>[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode<T>;
    ordered.push(node);
    for (let index = node.children.length - 1; index >= 0; index--) {
      const child = node.children[index] as TreeNode<T>;
      child.depth = node.depth + 1;
      stack.push(child);
    }
  }
  return ordered;
}
