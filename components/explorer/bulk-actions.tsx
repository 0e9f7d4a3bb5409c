"use client";

import Link from "next/link";
import type { ComponentType } from "react";

import { AddSelectionToDataset } from "@/components/datasets/add-selection-to-dataset";
import { secondaryButtonClass } from "@/components/ui/styles";
import { AddToQueue } from "./add-to-queue";
import { DeleteSelectedTraces } from "./delete-selected-traces";

/** What every action on selected traces receives. */
export interface SelectionActionProps {
  projectId: string;
  traceIds: string[];
  /** Tells the list that these traces are gone (after a deletion). */
  onTracesDeleted: (traceIds: string[]) => void;
}

/**
 * The actions offered for selected traces, in order. A new one is one more entry here: a
 * component taking {projectId, traceIds}.
 */
const SELECTION_ACTIONS: ReadonlyArray<{
  id: string;
  Action: ComponentType<SelectionActionProps>;
}> = [
  { id: "add-to-queue", Action: AddToQueue },
  { id: "add-to-dataset", Action: AddSelectionToDataset },
  { id: "delete", Action: DeleteSelectedTraces },
];

/**
 * The bar above the traces list: actions on the selected traces, and queueing every trace that
 * matches the current filter (not only this page).
 */
export function BulkActions({
  projectId,
  traceIds,
  filterQuery,
  canWrite,
  onClear,
  onTracesDeleted,
}: {
  projectId: string;
  traceIds: string[];
  /** The list's filter as a URL query, without cursor. */
  filterQuery: string;
  canWrite: boolean;
  onClear: () => void;
  onTracesDeleted: (traceIds: string[]) => void;
}) {
  if (!canWrite) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="bulk-actions">
      {traceIds.length > 0 ? (
        <>
          <span className="text-xs font-medium" data-testid="selected-count">
            {traceIds.length} selected
          </span>
          {SELECTION_ACTIONS.map(({ id, Action }) => (
            <Action
              key={id}
              projectId={projectId}
              traceIds={traceIds}
              onTracesDeleted={onTracesDeleted}
            />
          ))}
          <button type="button" className="text-xs text-zinc-500 hover:underline" onClick={onClear}>
            Clear selection
          </button>
        </>
      ) : null}
      <Link
        href={`/project/${projectId}/queues?filter=${encodeURIComponent(filterQuery)}`}
        className={secondaryButtonClass}
        data-testid="queue-all-matching"
      >
        Queue all matching
      </Link>
    </div>
  );
}
