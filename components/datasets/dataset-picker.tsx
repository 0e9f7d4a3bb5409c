"use client";

import { inputClass, labelClass } from "@/components/ui/styles";
import { NEW_DATASET, type DatasetChoice } from "./use-datasets";

/** Chooses an existing dataset or names a new one. */
export function DatasetPicker({
  datasets,
  choice,
  newName,
  onChoice,
  onNewName,
}: {
  datasets: DatasetChoice[] | null;
  choice: string;
  newName: string;
  onChoice: (choice: string) => void;
  onNewName: (name: string) => void;
}) {
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      <label className={labelClass}>
        Dataset
        <select
          className={`${inputClass} mt-1`}
          value={choice}
          onChange={(event) => onChoice(event.target.value)}
          data-testid="dataset-choice"
        >
          {datasets === null ? <option value="">Loading…</option> : null}
          {datasets?.map((dataset) => (
            <option key={dataset.id} value={dataset.id}>
              {dataset.name} ({dataset.activeItems})
            </option>
          ))}
          <option value={NEW_DATASET}>+ New dataset…</option>
        </select>
      </label>
      {choice === NEW_DATASET ? (
        <label className={labelClass}>
          New dataset name
          <input
            className={`${inputClass} mt-1`}
            value={newName}
            onChange={(event) => onNewName(event.target.value)}
            data-testid="new-dataset-name"
          />
        </label>
      ) : null}
    </div>
  );
}

/** The initial choice once datasets have loaded: the first one, or "new" when there are none. */
export function defaultChoice(datasets: DatasetChoice[] | null, current: string): string {
  if (current) return current;
  if (!datasets) return "";
  return datasets[0]?.id ?? NEW_DATASET;
}
