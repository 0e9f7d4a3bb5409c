import { memo } from "react";
import { formatCost, formatDuration, formatTokens } from "@/lib/explorer/format";
import { timelineBar } from "@/lib/explorer/timeline-bar";
import type { SkeletonNode } from "@/lib/explorer/types";
import { SpanTypeBadge, TYPE_BAR_CLASS } from "./span-type-badge";

/** Rows of the trace tree and of the timeline; both are rendered inside a virtualized list. */

export const ROW_HEIGHT = 30;

/** Indentation stops growing here so that a deep chain stays readable; the depth is shown. */
const MAX_INDENT_LEVELS = 24;
const INDENT_PX = 14;
// The timeline's name column is narrow: past 8 levels the depth chip says how deep a span is.
const TIMELINE_MAX_INDENT_LEVELS = 8;
const TIMELINE_INDENT_PX = 8;

interface RowProps {
  node: SkeletonNode;
  index: number;
  selected: boolean;
  collapsed: boolean;
  onSelect: (index: number) => void;
  onToggle: (index: number) => void;
}

function Chevron({ node, index, collapsed, onToggle }: Omit<RowProps, "selected" | "onSelect">) {
  if (node.childCount === 0) return <span className="inline-block w-4 shrink-0" />;
  return (
    <button
      type="button"
      tabIndex={-1}
      aria-label={collapsed ? "Expand" : "Collapse"}
      className="inline-flex w-4 shrink-0 justify-center rounded text-zinc-400 hover:bg-zinc-200 hover:text-zinc-800 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
      onClick={(event) => {
        event.stopPropagation();
        onToggle(index);
      }}
    >
      {collapsed ? "▸" : "▾"}
    </button>
  );
}

function SpanName({ node }: { node: SkeletonNode }) {
  const error = node.level === "ERROR";
  return (
    <span
      className={`min-w-12 truncate ${error ? "font-medium text-red-700 dark:text-red-400" : ""}`}
      title={node.name}
      data-testid="span-name"
    >
      {node.name || "(unnamed span)"}
    </span>
  );
}

function Marks({ node }: { node: SkeletonNode }) {
  return (
    <>
      {node.level === "ERROR" ? (
        <span
          className="shrink-0 rounded bg-red-100 px-1 text-[10px] font-semibold text-red-700 dark:bg-red-950 dark:text-red-300"
          title={node.statusMessage ?? "Error"}
          data-testid="error-mark"
        >
          ERR
        </span>
      ) : node.level === "WARNING" ? (
        <span className="shrink-0 rounded bg-amber-100 px-1 text-[10px] font-semibold text-amber-800 dark:bg-amber-950 dark:text-amber-300">
          WARN
        </span>
      ) : null}
      {node.parentMissing ? (
        <span
          className="shrink-0 rounded border border-dashed border-amber-400 px-1 text-[10px] text-amber-700 dark:text-amber-400"
          title={`Parent span ${node.declaredParentSpanId ?? ""} is not in the trace`}
        >
          parent missing
        </span>
      ) : null}
      {node.cycleBroken ? (
        <span
          className="shrink-0 rounded border border-dashed border-amber-400 px-1 text-[10px] text-amber-700 dark:text-amber-400"
          title="The parent chain loops; cut here"
        >
          cycle
        </span>
      ) : null}
    </>
  );
}

function rowClass(selected: boolean): string {
  return `flex h-full w-full cursor-pointer items-center gap-1.5 border-l-2 px-2 text-left text-xs ${
    selected
      ? "border-indigo-600 bg-indigo-50 dark:bg-indigo-950/50"
      : "border-transparent hover:bg-zinc-50 dark:hover:bg-zinc-900"
  }`;
}

function DepthChip({ depth, maxLevels }: { depth: number; maxLevels: number }) {
  if (depth <= maxLevels) return null;
  return (
    <span
      className="shrink-0 rounded bg-zinc-100 px-1 font-mono text-[10px] text-zinc-500 dark:bg-zinc-800"
      title={`Depth ${depth}`}
    >
      L{depth}
    </span>
  );
}

/**
 * Tokens and cost of a row: a leaf's own; a parent's own plus its descendants', marked Σ, so a
 * folded agent still says what it cost.
 */
function RowFigures({ node }: { node: SkeletonNode }) {
  const aggregate = node.childCount > 0;
  const tokens = aggregate ? node.subtreeTokens : node.tokens;
  const cost = aggregate
    ? node.subtreeCost === undefined
      ? undefined
      : String(node.subtreeCost)
    : node.cost;
  const mark = aggregate ? "Σ " : "";
  const tone = aggregate ? "text-zinc-400 dark:text-zinc-500" : "";
  return (
    <>
      <span
        className={`hidden w-16 text-right whitespace-nowrap sm:block ${tone}`}
        title={aggregate ? "Tokens including children" : "Tokens"}
        data-testid="row-tokens"
      >
        {tokens !== undefined ? `${mark}${formatTokens(tokens)}` : ""}
      </span>
      <span
        className={`hidden w-24 text-right whitespace-nowrap sm:block ${tone}`}
        title={aggregate ? "Cost including children" : (node.cost ?? "Cost")}
        data-testid="row-cost"
      >
        {cost !== undefined ? `${mark}${formatCost(cost)}` : ""}
      </span>
    </>
  );
}

export const TreeRow = memo(function TreeRow(props: RowProps) {
  const { node, index, selected, collapsed, onSelect } = props;
  const indent = Math.min(node.depth, MAX_INDENT_LEVELS) * INDENT_PX;
  return (
    <div
      role="treeitem"
      aria-level={node.depth + 1}
      aria-selected={selected}
      aria-expanded={node.childCount > 0 ? !collapsed : undefined}
      data-testid="tree-row"
      data-span-id={node.spanId}
      className={rowClass(selected)}
      onClick={() => onSelect(index)}
    >
      <span className="shrink-0" style={{ width: indent }} />
      <Chevron {...props} />
      <DepthChip depth={node.depth} maxLevels={MAX_INDENT_LEVELS} />
      <SpanTypeBadge type={node.type} />
      <SpanName node={node} />
      <Marks node={node} />
      {collapsed && node.descendantCount > 0 ? (
        <span className="shrink-0 text-[10px] text-zinc-500">+{node.descendantCount}</span>
      ) : null}
      <span className="ml-auto flex shrink-0 items-center gap-3 pl-2 font-mono text-[11px] text-zinc-500 tabular-nums">
        {node.model ? (
          <span className="hidden max-w-32 truncate xl:inline" title={node.model}>
            {node.model}
          </span>
        ) : null}
        <RowFigures node={node} />
        <span
          className="w-14 text-right text-zinc-700 dark:text-zinc-300"
          data-testid="row-latency"
        >
          {formatDuration(node.durationMs)}
        </span>
      </span>
    </div>
  );
});

export const TimelineRow = memo(function TimelineRow(
  props: RowProps & { traceDurationMs: number },
) {
  const { node, index, selected, collapsed, onSelect, traceDurationMs } = props;
  const { left, width, label } = timelineBar(node.startMs, node.durationMs, traceDurationMs);
  const indent = Math.min(node.depth, TIMELINE_MAX_INDENT_LEVELS) * TIMELINE_INDENT_PX;
  const barColor =
    node.level === "ERROR" ? "bg-red-500" : (TYPE_BAR_CLASS[node.type] ?? "bg-zinc-400");

  return (
    <div
      role="treeitem"
      aria-level={node.depth + 1}
      aria-selected={selected}
      aria-expanded={node.childCount > 0 ? !collapsed : undefined}
      data-testid="timeline-row"
      data-span-id={node.spanId}
      className={rowClass(selected)}
      onClick={() => onSelect(index)}
    >
      <span className="flex w-36 shrink-0 items-center gap-1.5 overflow-hidden sm:w-64 xl:w-80">
        <span className="shrink-0" style={{ width: indent }} />
        <Chevron {...props} />
        <DepthChip depth={node.depth} maxLevels={TIMELINE_MAX_INDENT_LEVELS} />
        <SpanTypeBadge type={node.type} />
        <SpanName node={node} />
        <Marks node={node} />
      </span>
      <span className="relative h-full min-w-0 flex-1">
        <span
          className={`absolute top-1/2 h-3 -translate-y-1/2 rounded-sm ${barColor}`}
          style={{ left: `${left}%`, width: `max(2px, ${width}%)` }}
        />
        <span
          className={`absolute top-1/2 -translate-y-1/2 px-1 font-mono text-[10px] whitespace-nowrap text-zinc-600 tabular-nums dark:text-zinc-400 ${
            label === "inside" ? "rounded-sm bg-white/85 dark:bg-zinc-900/85" : ""
          }`}
          style={
            label === "after"
              ? { left: `${left + width}%` }
              : label === "before"
                ? { right: `${100 - left}%` }
                : { right: `${100 - left - width}%` }
          }
          data-testid="timeline-label"
        >
          {formatDuration(node.durationMs)}
          {node.childCount > 0 ? ` · self ${formatDuration(node.selfMs)}` : ""}
        </span>
      </span>
    </div>
  );
});

/** The shared time axis above the timeline rows: five ticks from the trace start to its end. */
export function TimelineAxis({ traceDurationMs }: { traceDurationMs: number }) {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <div className="flex h-7 items-end border-b border-zinc-200 px-2 text-[10px] text-zinc-500 dark:border-zinc-800">
      <span className="w-36 shrink-0 pb-1 sm:w-64 xl:w-80">Span</span>
      <span className="relative h-full flex-1">
        {ticks.map((tick) => (
          <span
            key={tick}
            className="absolute bottom-1 font-mono tabular-nums"
            style={
              tick === 1
                ? { right: 0 }
                : { left: `${tick * 100}%`, transform: tick === 0 ? undefined : "translateX(-50%)" }
            }
          >
            {formatDuration(traceDurationMs * tick)}
          </span>
        ))}
      </span>
    </div>
  );
}
