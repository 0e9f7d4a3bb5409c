"use client";

import { secondaryButtonClass } from "@/components/ui/styles";
import { ScoreColumnChoices } from "./score-column-choices";
import { DEFAULT_VISIBLE_COLUMNS, TRACE_COLUMNS } from "./trace-columns";

/** A menu of checkboxes choosing the list's columns (kept in this browser). */
export function ColumnPicker({
  visibleIds,
  onChange,
  scoreNames = [],
  visibleScores = [],
  onScoresChange,
}: {
  visibleIds: string[];
  onChange: (ids: string[]) => void;
  /** Score names that can be shown as columns (each trace's average of that score). */
  scoreNames?: string[];
  visibleScores?: string[];
  onScoresChange?: (names: string[]) => void;
}) {
  const toggle = (id: string) => {
    const next = visibleIds.includes(id)
      ? visibleIds.filter((visible) => visible !== id)
      : TRACE_COLUMNS.map((column) => column.id).filter(
          (columnId) => columnId === id || visibleIds.includes(columnId),
        );
    if (next.length > 0) onChange(next);
  };

  return (
    <details className="relative">
      <summary className={`${secondaryButtonClass} cursor-pointer list-none`}>Columns</summary>
      <div
        className="absolute right-0 z-20 mt-1 w-52 rounded-lg border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        role="group"
        aria-label="Visible columns"
      >
        {TRACE_COLUMNS.map((column) => (
          <label
            key={column.id}
            className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-xs hover:bg-zinc-50 dark:hover:bg-zinc-800"
          >
            <input
              type="checkbox"
              checked={visibleIds.includes(column.id)}
              onChange={() => toggle(column.id)}
            />
            {column.label}
          </label>
        ))}
        {scoreNames.length > 0 && onScoresChange ? (
          <ScoreColumnChoices
            scoreNames={scoreNames}
            visibleScores={visibleScores}
            onChange={onScoresChange}
          />
        ) : null}
        <button
          type="button"
          className="mt-1 w-full rounded px-1.5 py-1 text-left text-xs text-indigo-600 hover:bg-zinc-50 dark:text-indigo-400 dark:hover:bg-zinc-800"
          onClick={() => onChange(DEFAULT_VISIBLE_COLUMNS)}
        >
          Reset to defaults
        </button>
      </div>
    </details>
  );
}
