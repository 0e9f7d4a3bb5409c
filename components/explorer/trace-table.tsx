"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { toTraceListSearchParams, type TraceListQuery } from "@/lib/explorer/trace-list-query";
import type { TraceListRow } from "@/lib/explorer/types";
import { secondaryButtonClass } from "@/components/ui/styles";
import { BulkActions } from "./bulk-actions";
import { ScoreCell, useVisibleScoreColumns } from "./score-columns";
import { ColumnPicker } from "./column-picker";
import { TRACE_COLUMNS, useVisibleColumns, type ColumnContext } from "./trace-columns";
import { useListHref } from "./use-list-href";
import { countOf } from "@/lib/text/plural";

const LIVE_POLL_MS = 4000;
const HIGHLIGHT_MS = 4000;

function compareNewestFirst(left: TraceListRow, right: TraceListRow): number {
  if (left.startTime !== right.startTime) return left.startTime < right.startTime ? 1 : -1;
  return left.traceId < right.traceId ? 1 : left.traceId > right.traceId ? -1 : 0;
}

// Limitation: live mode re-reads the first page of the current filters, so it sees new traces
// only while sorted newest first and on the first page; a trace that arrives late with an old
// start time appears only if it still falls within that first page.
/**
 * Merges a fresh first page into the shown rows: rows already shown take their new values (a
 * trace grows as spans arrive), new ones are added, and the list stays newest first.
 */
function mergeLiveRows(shown: TraceListRow[], fresh: TraceListRow[]): TraceListRow[] {
  const freshById = new Map(fresh.map((row) => [row.traceId, row]));
  const shownIds = new Set(shown.map((row) => row.traceId));
  const updated = shown.map((row) => freshById.get(row.traceId) ?? row);
  const added = fresh.filter((row) => !shownIds.has(row.traceId));
  return [...added, ...updated].sort(compareNewestFirst);
}

function LiveToggle({ live, allowed }: { live: boolean; allowed: boolean }) {
  return (
    <button
      type="button"
      aria-pressed={live}
      disabled={!allowed}
      title={
        allowed
          ? "Poll for new traces every few seconds"
          : "Live mode needs the first page sorted by newest time"
      }
      className={`${secondaryButtonClass} ${live ? "border-emerald-500 text-emerald-700 dark:text-emerald-400" : ""}`}
      onClick={() => {
        const url = new URL(window.location.href);
        if (live) url.searchParams.delete("live");
        else url.searchParams.set("live", "1");
        // State null, not history.state: Next leaves its own state objects out of the
        // useSearchParams sync.
        window.history.replaceState(null, "", url);
      }}
    >
      <span
        className={`h-2 w-2 rounded-full ${live ? "animate-pulse bg-emerald-500" : "bg-zinc-400"}`}
        aria-hidden
      />
      Live
    </button>
  );
}

/** The traces list: chosen columns, sortable headers, live updates and keyset page links. */
export function TraceTable({
  projectId,
  query,
  initialRows,
  nextCursor,
  canWrite = false,
  scoreNames = [],
}: {
  projectId: string;
  query: TraceListQuery;
  initialRows: TraceListRow[];
  nextCursor: string | null;
  /** Members and up get row selection and the bulk actions. */
  canWrite?: boolean;
  /** The project's score names, offered as columns. */
  scoreNames?: string[];
}) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const listHref = useListHref(query);
  const [visibleIds, setVisibleIds] = useVisibleColumns();
  const [chosenScores, setChosenScores] = useVisibleScoreColumns();
  const scoreColumns = chosenScores.filter((name) => scoreNames.includes(name));
  const [rows, setRows] = useState(initialRows);
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(new Set());
  const [liveError, setLiveError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggleSelected = (traceId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(traceId)) next.delete(traceId);
      else next.add(traceId);
      return next;
    });
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.traceId));
  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  }, [rows]);

  const live = searchParams.get("live") === "1";
  const liveAllowed = query.sort === "time" && query.order === "desc" && !query.cursor;
  const base = `/project/${projectId}`;

  useEffect(() => {
    if (!live || !liveAllowed) return;
    const listParams = toTraceListSearchParams({ ...query, cursor: undefined });
    const url = `/api/projects/${encodeURIComponent(projectId)}/traces?${listParams.toString()}`;
    let stopped = false;

    const poll = async () => {
      if (document.hidden) return;
      try {
        const response = await fetch(url);
        const body = (await response.json()) as { data?: TraceListRow[]; error?: string };
        if (!response.ok || !body.data) throw new Error(body.error ?? `HTTP ${response.status}`);
        if (stopped) return;
        const fresh = body.data;
        setLiveError(null);
        const shownIds = new Set(rowsRef.current.map((row) => row.traceId));
        const added = fresh.filter((row) => !shownIds.has(row.traceId)).map((row) => row.traceId);
        setRows((shown) => mergeLiveRows(shown, fresh));
        if (added.length > 0) {
          setHighlighted(new Set(added));
          setTimeout(() => setHighlighted(new Set()), HIGHLIGHT_MS);
        }
      } catch (error) {
        if (!stopped) setLiveError(error instanceof Error ? error.message : String(error));
      }
    };

    const timer = setInterval(() => void poll(), LIVE_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [live, liveAllowed, projectId, query]);

  const context: ColumnContext = useMemo(
    () => ({
      filterHref: (key, value) =>
        key === "tag"
          ? listHref({ tag: [...new Set([...query.tag, value])] })
          : listHref({ [key]: value }),
      sessionHref: (sessionId) => `${base}/sessions/${encodeURIComponent(sessionId)}`,
    }),
    [listHref, query.tag, base],
  );

  const columns = TRACE_COLUMNS.filter((column) => visibleIds.includes(column.id));
  const traceHref = (traceId: string) => `${base}/traces/${encodeURIComponent(traceId)}`;
  const firstPageHref = listHref({});
  const nextHref = nextCursor ? listHref({ cursor: nextCursor }) : null;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-xs text-zinc-500" data-testid="row-count">
          {countOf(rows.length, "trace")} on this page
          {query.cursor ? " (not the first page)" : ""}
        </p>
        {liveError ? <p className="text-xs text-red-600">Live update failed: {liveError}</p> : null}
        <BulkActions
          projectId={projectId}
          traceIds={rows.filter((row) => selected.has(row.traceId)).map((row) => row.traceId)}
          filterQuery={toTraceListSearchParams({ ...query, cursor: undefined }).toString()}
          canWrite={canWrite}
          onClear={() => setSelected(new Set())}
          onTracesDeleted={(traceIds) => {
            const gone = new Set(traceIds);
            setRows((shown) => shown.filter((row) => !gone.has(row.traceId)));
            setSelected(new Set());
            router.refresh();
          }}
        />
        <div className="ml-auto flex items-center gap-2">
          <LiveToggle live={live} allowed={liveAllowed} />
          <ColumnPicker
            visibleIds={visibleIds}
            onChange={setVisibleIds}
            scoreNames={scoreNames}
            visibleScores={scoreColumns}
            onScoresChange={setChosenScores}
          />
        </div>
      </div>

      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-left text-xs" data-testid="trace-table">
          <thead className="border-b border-zinc-200 bg-zinc-50 text-[11px] text-zinc-500 uppercase dark:border-zinc-800 dark:bg-zinc-900/60">
            <tr>
              {canWrite ? (
                <th scope="col" className="w-8 px-2.5 py-2">
                  <input
                    type="checkbox"
                    aria-label="Select all traces on this page"
                    checked={allSelected}
                    onChange={() =>
                      setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.traceId)))
                    }
                  />
                </th>
              ) : null}
              {columns.map((column) => {
                const active = column.sortKey === query.sort;
                const nextOrder = active && query.order === "desc" ? "asc" : "desc";
                return (
                  <th
                    key={column.id}
                    scope="col"
                    aria-sort={
                      active ? (query.order === "desc" ? "descending" : "ascending") : undefined
                    }
                    className={`px-2.5 py-2 font-medium tracking-wide whitespace-nowrap ${column.align === "right" ? "text-right" : ""}`}
                  >
                    {column.sortKey ? (
                      <Link
                        href={listHref({ sort: column.sortKey, order: nextOrder })}
                        className={`inline-flex items-center gap-1 hover:text-zinc-900 dark:hover:text-zinc-100 ${active ? "text-zinc-900 dark:text-zinc-100" : ""}`}
                        data-testid={`sort-${column.sortKey}`}
                      >
                        {column.label}
                        <span aria-hidden>
                          {active ? (query.order === "desc" ? "↓" : "↑") : "↕"}
                        </span>
                      </Link>
                    ) : (
                      column.label
                    )}
                  </th>
                );
              })}
              {scoreColumns.map((name) => (
                <th
                  key={`score:${name}`}
                  scope="col"
                  className="px-2.5 py-2 text-right font-medium tracking-wide whitespace-nowrap normal-case"
                  data-testid="score-column"
                >
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.traceId}
                data-testid="trace-row"
                data-trace-id={row.traceId}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey) window.open(traceHref(row.traceId), "_blank");
                  else router.push(traceHref(row.traceId));
                }}
                className={`cursor-pointer border-t border-zinc-100 align-top transition-colors hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-800/50 ${highlighted.has(row.traceId) ? "bg-emerald-50 dark:bg-emerald-950/30" : ""} ${row.errorCount > 0 ? "shadow-[inset_2px_0_0_0_rgb(239_68_68)]" : ""}`}
              >
                {canWrite ? (
                  <td className="px-2.5 py-2" onClick={(event) => event.stopPropagation()}>
                    <input
                      type="checkbox"
                      aria-label={`Select trace ${row.traceId}`}
                      data-testid="select-trace"
                      checked={selected.has(row.traceId)}
                      onChange={() => toggleSelected(row.traceId)}
                    />
                  </td>
                ) : null}
                {columns.map((column) => (
                  <td
                    key={column.id}
                    className={`px-2.5 py-2 ${column.align === "right" ? "text-right" : ""} ${column.className ?? ""}`}
                  >
                    {column.id === "name" ? (
                      <Link
                        href={traceHref(row.traceId)}
                        onClick={(event) => event.stopPropagation()}
                        className="block truncate font-medium hover:text-indigo-600 dark:hover:text-indigo-400"
                        data-testid="trace-link"
                      >
                        {row.name ?? <span className="text-zinc-400 italic">unnamed</span>}
                      </Link>
                    ) : (
                      column.render(row, context)
                    )}
                  </td>
                ))}
                {scoreColumns.map((name) => (
                  <td key={`score:${name}`} className="px-2.5 py-2 text-right">
                    <ScoreCell row={row} name={name} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <nav className="flex items-center justify-between text-sm" aria-label="Pages">
        {query.cursor ? (
          <Link href={firstPageHref} className={secondaryButtonClass}>
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {nextHref ? (
          <Link href={nextHref} className={secondaryButtonClass} data-testid="next-page" scroll>
            Next page →
          </Link>
        ) : (
          <span className="text-xs text-zinc-500" data-testid="last-page">
            {rows.length > 0 ? "End of the list" : ""}
          </span>
        )}
      </nav>
    </div>
  );
}
