"use client";

import Link from "next/link";
import { useSyncExternalStore, type ReactNode } from "react";
import { formatCost, formatDuration, formatTokens } from "@/lib/explorer/format";
import type { TraceSortKey } from "@/lib/explorer/trace-list-query";
import type { TraceListRow } from "@/lib/explorer/types";
import { DisplayTime } from "./time-zone";
import { countOf } from "@/lib/text/plural";

/** The columns of the traces list, which of them are shown, and the reader's choice of them. */

export interface ColumnContext {
  /** A link to the list filtered by one more value (keeps the other filters). */
  filterHref: (key: string, value: string) => string;
  sessionHref: (sessionId: string) => string;
}

export interface TraceColumn {
  id: string;
  label: string;
  sortKey?: TraceSortKey;
  align?: "right";
  className?: string;
  render: (row: TraceListRow, context: ColumnContext) => ReactNode;
}

const muted = <span className="text-zinc-400">–</span>;

function FilterLink({
  href,
  children,
  title,
}: {
  href: string;
  children: ReactNode;
  title?: string;
}) {
  return (
    <Link
      href={href}
      title={title}
      onClick={(event) => event.stopPropagation()}
      className="block truncate font-mono hover:text-indigo-600 hover:underline dark:hover:text-indigo-400"
    >
      {children}
    </Link>
  );
}

export const TRACE_COLUMNS: readonly TraceColumn[] = [
  {
    id: "time",
    label: "Time",
    sortKey: "time",
    className: "w-40 whitespace-nowrap",
    render: (row) => <DisplayTime iso={row.startTime} short />,
  },
  {
    id: "name",
    label: "Name",
    className: "min-w-32 max-w-56",
    render: (row) => (
      <span className="block truncate font-medium" title={row.name ?? undefined}>
        {row.name ?? <span className="text-zinc-400 italic">unnamed</span>}
      </span>
    ),
  },
  {
    id: "status",
    label: "Status",
    render: (row) =>
      row.errorCount > 0 ? (
        <span
          className="rounded bg-red-100 px-1.5 py-px text-[11px] font-semibold whitespace-nowrap text-red-700 dark:bg-red-950 dark:text-red-300"
          data-testid="status-error"
        >
          {countOf(row.errorCount, "error")}
        </span>
      ) : row.level === "WARNING" ? (
        <span className="rounded bg-amber-100 px-1.5 py-px text-[11px] font-semibold whitespace-nowrap text-amber-800 dark:bg-amber-950 dark:text-amber-300">
          warning
        </span>
      ) : (
        <span className="text-[11px] text-emerald-700 dark:text-emerald-400">ok</span>
      ),
  },
  {
    id: "input",
    label: "Input",
    className: "min-w-48 max-w-80",
    render: (row) => (
      <span
        className="line-clamp-2 text-zinc-600 dark:text-zinc-400"
        title={row.inputPreview ?? undefined}
      >
        {row.inputPreview ?? muted}
      </span>
    ),
  },
  {
    id: "output",
    label: "Output",
    className: "min-w-48 max-w-80",
    render: (row) => (
      <span
        className="line-clamp-2 text-zinc-600 dark:text-zinc-400"
        title={row.outputPreview ?? undefined}
      >
        {row.outputPreview ?? muted}
      </span>
    ),
  },
  {
    id: "user",
    label: "User",
    className: "max-w-32",
    render: (row, context) =>
      row.userId ? (
        <FilterLink
          href={context.filterHref("user", row.userId)}
          title={`Only traces of ${row.userId}`}
        >
          {row.userId}
        </FilterLink>
      ) : (
        muted
      ),
  },
  {
    id: "session",
    label: "Session",
    className: "max-w-32",
    render: (row, context) =>
      row.sessionId ? (
        <FilterLink href={context.sessionHref(row.sessionId)} title="Open the session">
          {row.sessionId}
        </FilterLink>
      ) : (
        muted
      ),
  },
  {
    id: "feature",
    label: "Feature",
    className: "max-w-32",
    render: (row, context) =>
      row.feature ? (
        <FilterLink href={context.filterHref("feature", row.feature)}>{row.feature}</FilterLink>
      ) : (
        muted
      ),
  },
  {
    id: "tags",
    label: "Tags",
    className: "max-w-40",
    render: (row, context) =>
      row.tags.length > 0 ? (
        <span className="flex flex-wrap gap-1">
          {row.tags.slice(0, 4).map((tag) => (
            <Link
              key={tag}
              href={context.filterHref("tag", tag)}
              onClick={(event) => event.stopPropagation()}
              className="max-w-28 truncate rounded bg-zinc-100 px-1.5 text-[11px] hover:bg-indigo-100 dark:bg-zinc-800 dark:hover:bg-indigo-950"
            >
              {tag}
            </Link>
          ))}
          {row.tags.length > 4 ? (
            <span className="text-[11px] text-zinc-500">+{row.tags.length - 4}</span>
          ) : null}
        </span>
      ) : (
        muted
      ),
  },
  {
    id: "models",
    label: "Models",
    className: "max-w-40",
    render: (row) =>
      row.models.length > 0 ? (
        <span className="block truncate font-mono text-[11px]" title={row.models.join(", ")}>
          {row.models.join(", ")}
        </span>
      ) : (
        muted
      ),
  },
  {
    id: "environment",
    label: "Env",
    render: (row) => row.environment ?? muted,
  },
  {
    id: "release",
    label: "Release",
    render: (row) => row.release ?? muted,
  },
  {
    id: "latency",
    label: "Latency",
    sortKey: "latency",
    align: "right",
    render: (row) => (
      <span className="font-mono tabular-nums">{formatDuration(row.latencyMs)}</span>
    ),
  },
  {
    id: "tokens",
    label: "Tokens",
    sortKey: "tokens",
    align: "right",
    render: (row) => (
      <span
        className="font-mono tabular-nums"
        title={
          `${row.inputTokens.toLocaleString("en-US")} in → ` +
          `${row.outputTokens.toLocaleString("en-US")} out`
        }
      >
        {row.totalTokens > 0 ? formatTokens(row.totalTokens) : muted}
      </span>
    ),
  },
  {
    id: "cost",
    label: "Cost",
    sortKey: "cost",
    align: "right",
    render: (row) => (
      <span className="font-mono tabular-nums" title={row.totalCost ?? "No price"}>
        {row.totalCost !== null ? formatCost(row.totalCost) : muted}
      </span>
    ),
  },
  {
    id: "spans",
    label: "Spans",
    align: "right",
    render: (row) => (
      <span className="font-mono tabular-nums">{row.spanCount.toLocaleString("en-US")}</span>
    ),
  },
  {
    id: "traceId",
    label: "Trace id",
    render: (row) => <span className="font-mono text-[11px]">{row.traceId}</span>,
  },
];

export const DEFAULT_VISIBLE_COLUMNS = [
  "time",
  "name",
  "status",
  "input",
  "user",
  "tags",
  "latency",
  "tokens",
  "cost",
  "spans",
  "status",
];

const STORAGE_KEY = "sightline-trace-columns";
const CHANGE_EVENT = "sightline-trace-columns-change";
const DEFAULT_SNAPSHOT = DEFAULT_VISIBLE_COLUMNS.join(",");

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

function readSnapshot(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? DEFAULT_SNAPSHOT;
  } catch {
    return DEFAULT_SNAPSHOT;
  }
}

/** The visible column ids, remembered in this browser; the defaults while server-rendering. */
export function useVisibleColumns(): [string[], (ids: string[]) => void] {
  const snapshot = useSyncExternalStore(subscribe, readSnapshot, () => DEFAULT_SNAPSHOT);
  const known = new Set(TRACE_COLUMNS.map((column) => column.id));
  const ids = snapshot.split(",").filter((id) => known.has(id));
  const save = (next: string[]) => {
    try {
      localStorage.setItem(STORAGE_KEY, next.join(","));
    } catch {
      // Without storage (e.g. blocked by the browser) the choice cannot be kept.
    }
    window.dispatchEvent(new Event(CHANGE_EVENT));
  };
  return [ids.length > 0 ? ids : DEFAULT_VISIBLE_COLUMNS, save];
}
