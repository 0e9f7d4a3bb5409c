"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { SkeletonNode } from "@/lib/explorer/types";
import { ancestorIndexes, visibleRowIndexes } from "@/lib/explorer/visible-rows";
import { FindSpan } from "./find-span";
import { SpanPanel } from "./span-panel";
import { ROW_HEIGHT, TimelineAxis, TimelineRow, TreeRow } from "./span-rows";
import type { SpanDetailCache } from "./use-span-detail";
import { plural } from "@/lib/text/plural";

export type TraceView = "tree" | "timeline";

const EMPTY_SET: ReadonlySet<number> = new Set();

/** Keeps ?span= and ?view= in the address bar without a server round trip (Next syncs them). */
function writeUrlState(spanId: string | null, view: TraceView) {
  const url = new URL(window.location.href);
  if (spanId) url.searchParams.set("span", spanId);
  else url.searchParams.delete("span");
  if (view === "timeline") url.searchParams.set("view", "timeline");
  else url.searchParams.delete("view");
  // State null, not history.state: Next leaves its own state objects out of the
  // useSearchParams sync.
  window.history.replaceState(null, "", url);
}

function segmentClass(active: boolean): string {
  return `px-2.5 py-1 text-xs font-medium ${active ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"}`;
}

/**
 * The trace's spans as a collapsible tree or a timeline (one virtualized list either way, so
 * 10k spans stay responsive) beside the selected span's panel. The selection survives a switch
 * of view and is kept in the URL, so a link can open a given span.
 */
export function TraceExplorer({
  projectId,
  traceId,
  nodes,
  traceDurationMs,
  initialSpanId,
  initialView,
  canWrite,
}: {
  projectId: string;
  traceId: string;
  nodes: SkeletonNode[];
  traceDurationMs: number;
  initialSpanId: string | null;
  initialView: TraceView;
  canWrite: boolean;
}) {
  const indexById = useMemo(() => {
    const map = new Map<string, number>();
    nodes.forEach((node, index) => map.set(node.spanId, index));
    return map;
  }, [nodes]);

  const initialIndex = initialSpanId !== null ? (indexById.get(initialSpanId) ?? null) : null;
  const [selected, setSelected] = useState<number | null>(
    initialIndex ?? (nodes.length > 0 ? 0 : null),
  );
  const [view, setView] = useState<TraceView>(initialView);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(EMPTY_SET);
  const [cache] = useState<SpanDetailCache>(() => new Map());

  const rows = useMemo(() => visibleRowIndexes(nodes, collapsed), [nodes, collapsed]);
  const rowOfNode = useMemo(() => {
    const map = new Map<number, number>();
    rows.forEach((nodeIndex, rowIndex) => map.set(nodeIndex, rowIndex));
    return map;
  }, [rows]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer hands out new functions each render by design; React Compiler skips this.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Lets the server render the first rows, so the tree is visible before hydration.
    initialRect: { width: 900, height: 720 },
  });

  const select = useCallback(
    (index: number) => {
      setSelected(index);
      writeUrlState(nodes[index]?.spanId ?? null, view);
    },
    [nodes, view],
  );

  const toggle = useCallback((index: number) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  }, []);

  const switchView = (next: TraceView) => {
    setView(next);
    writeUrlState(selected !== null ? (nodes[selected]?.spanId ?? null) : null, next);
  };

  // Set when the selection must be scrolled into view once the rows are laid out: a deep link,
  // a found span, a jump to the parent.
  const scrollToSelection = useRef(initialIndex !== null);
  useEffect(() => {
    if (!scrollToSelection.current || selected === null) return;
    scrollToSelection.current = false;
    const row = rowOfNode.get(selected);
    if (row !== undefined) virtualizer.scrollToIndex(row, { align: "center" });
  }, [selected, rowOfNode, virtualizer]);

  /** Selects a span, opening any collapsed parent that hides it, and scrolls to it. */
  const reveal = (index: number) => {
    const ancestors = ancestorIndexes(nodes, index);
    if (ancestors.some((ancestor) => collapsed.has(ancestor))) {
      const next = new Set(collapsed);
      for (const ancestor of ancestors) next.delete(ancestor);
      setCollapsed(next);
    }
    scrollToSelection.current = true;
    select(index);
  };

  const moveSelection = (delta: number) => {
    const currentRow = selected !== null ? (rowOfNode.get(selected) ?? 0) : -1;
    const nextRow = Math.max(0, Math.min(rows.length - 1, currentRow + delta));
    const nodeIndex = rows[nextRow];
    if (nodeIndex === undefined) return;
    select(nodeIndex);
    virtualizer.scrollToIndex(nextRow, { align: "auto" });
  };

  /** Arrows move and fold like a file tree (j/k too); true when the key was used. */
  const handleKey = (key: string): boolean => {
    const node = selected !== null ? nodes[selected] : undefined;
    const folded = selected !== null && collapsed.has(selected);
    switch (key) {
      case "ArrowDown":
      case "j":
        moveSelection(1);
        return true;
      case "ArrowUp":
      case "k":
        moveSelection(-1);
        return true;
      case "PageDown":
        moveSelection(20);
        return true;
      case "PageUp":
        moveSelection(-20);
        return true;
      case "ArrowRight":
        if (selected === null || !node || node.childCount === 0 || !folded) return false;
        toggle(selected);
        return true;
      case "ArrowLeft": {
        if (selected === null || !node) return false;
        if (node.childCount > 0 && !folded) toggle(selected);
        else if (node.parentIndex >= 0) reveal(node.parentIndex);
        return true;
      }
      default:
        return false;
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (handleKey(event.key)) event.preventDefault();
  };

  const collapseAll = () => {
    const all = new Set<number>();
    nodes.forEach((node, index) => {
      if (node.childCount > 0) all.add(index);
    });
    setCollapsed(all);
    // Keep the selection visible: select the root it lives under.
    if (selected !== null) {
      const ancestors = ancestorIndexes(nodes, selected);
      const root = ancestors.at(-1);
      if (root !== undefined) select(root);
    }
  };

  const selectedNode = selected !== null ? (nodes[selected] ?? null) : null;

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,11fr)_minmax(0,9fr)]">
      <section
        className="flex h-[calc(100vh-16rem)] min-h-[28rem] flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
        aria-label="Spans"
      >
        <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-2 py-1.5 dark:border-zinc-800">
          <div
            className="inline-flex overflow-hidden rounded-md border border-zinc-300 dark:border-zinc-700"
            role="group"
            aria-label="View"
          >
            <button
              type="button"
              className={segmentClass(view === "tree")}
              aria-pressed={view === "tree"}
              onClick={() => switchView("tree")}
            >
              Tree
            </button>
            <button
              type="button"
              className={segmentClass(view === "timeline")}
              aria-pressed={view === "timeline"}
              onClick={() => switchView("timeline")}
            >
              Timeline
            </button>
          </div>
          <button
            type="button"
            className="rounded px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            onClick={() => setCollapsed(EMPTY_SET)}
          >
            Expand all
          </button>
          <button
            type="button"
            className="rounded px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            onClick={collapseAll}
          >
            Collapse all
          </button>
          <FindSpan nodes={nodes} selected={selected} onFound={reveal} />
          <span className="ml-auto text-[11px] text-zinc-500">
            {nodes.length.toLocaleString("en-US")} {plural(nodes.length, "span")} · ↑↓ to move, ←→
            to fold
          </span>
        </div>
        {view === "timeline" ? <TimelineAxis traceDurationMs={traceDurationMs} /> : null}
        <div
          ref={scrollRef}
          role="tree"
          aria-label={view === "tree" ? "Span tree" : "Span timeline"}
          tabIndex={0}
          onKeyDown={onKeyDown}
          className="min-h-0 flex-1 overflow-auto outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-inset"
          data-testid="span-list"
          data-view={view}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
            {virtualizer.getVirtualItems().map((item) => {
              const nodeIndex = rows[item.index] as number;
              const node = nodes[nodeIndex] as SkeletonNode;
              return (
                <div
                  key={node.spanId}
                  style={{
                    position: "absolute",
                    top: 0,
                    left: 0,
                    width: "100%",
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  {view === "tree" ? (
                    <TreeRow
                      node={node}
                      index={nodeIndex}
                      selected={nodeIndex === selected}
                      collapsed={collapsed.has(nodeIndex)}
                      onSelect={select}
                      onToggle={toggle}
                    />
                  ) : (
                    <TimelineRow
                      node={node}
                      index={nodeIndex}
                      selected={nodeIndex === selected}
                      collapsed={collapsed.has(nodeIndex)}
                      onSelect={select}
                      onToggle={toggle}
                      traceDurationMs={traceDurationMs}
                    />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </section>
      <section
        className="h-[calc(100vh-16rem)] min-h-[28rem] overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
        aria-label="Selected span"
      >
        <SpanPanel
          projectId={projectId}
          traceId={traceId}
          node={selectedNode}
          cache={cache}
          canWrite={canWrite}
        />
      </section>
    </div>
  );
}
