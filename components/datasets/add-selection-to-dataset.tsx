"use client";

import { useState } from "react";
import { apiFetch } from "@/components/ui/api-fetch";
import { buttonClass, secondaryButtonClass } from "@/components/ui/styles";
import { datasetApiPath } from "./dataset-paths";
import { DatasetPicker, defaultChoice } from "./dataset-picker";
import { Dialog } from "./dialog";
import { NEW_DATASET, resolveDatasetChoice, useDatasets } from "./use-datasets";
import { countOf } from "@/lib/text/plural";

interface AddResult {
  added: number;
  skipped: number;
  missing: number;
}

/** One line saying what a bulk add did. */
export function describeAddResult(result: AddResult): string {
  const parts = [`${result.added} added`];
  if (result.skipped > 0) parts.push(`${result.skipped} already in the dataset`);
  if (result.missing > 0) parts.push(`${result.missing} not found`);
  return parts.join(", ");
}

/**
 * Adds the selected traces of the traces list to a dataset (input and expected output from each
 * trace); traces the dataset already holds are skipped and counted.
 */
export function AddSelectionToDataset({
  projectId,
  traceIds,
}: {
  projectId: string;
  traceIds: string[];
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={`${secondaryButtonClass} px-2 py-1 text-xs`}
        disabled={traceIds.length === 0}
        onClick={() => setOpen(true)}
        data-testid="add-selection-to-dataset"
      >
        Add {traceIds.length} to dataset
      </button>
      {open ? (
        <SelectionDialog projectId={projectId} traceIds={traceIds} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}

function SelectionDialog({
  projectId,
  traceIds,
  onClose,
}: {
  projectId: string;
  traceIds: string[];
  onClose: () => void;
}) {
  const { datasets } = useDatasets(projectId, true);
  const [choice, setChoice] = useState("");
  const [newName, setNewName] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = defaultChoice(datasets, choice);

  async function add() {
    setBusy(true);
    setError(null);
    try {
      const datasetId = await resolveDatasetChoice(projectId, chosen, newName.trim());
      const outcome = await apiFetch<AddResult>(
        `${datasetApiPath(projectId, datasetId)}/add-sources`,
        { method: "POST", body: { traceIds } },
      );
      setResult(describeAddResult(outcome));
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : "failed");
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={`Add ${countOf(traceIds.length, "trace")} to a dataset`}
      onClose={onClose}
      testId="add-selection-dialog"
    >
      <DatasetPicker
        datasets={datasets}
        choice={chosen}
        newName={newName}
        onChoice={setChoice}
        onNewName={setNewName}
      />
      {result ? (
        <p className="text-sm" data-testid="add-selection-result">
          {result}
        </p>
      ) : null}
      {error ? <p className="text-sm text-red-600">{error}</p> : null}
      <div className="flex justify-end gap-2">
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          Close
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={busy || !chosen || (chosen === NEW_DATASET && !newName.trim())}
          onClick={() => void add()}
        >
          {busy ? "Adding…" : "Add"}
        </button>
      </div>
    </Dialog>
  );
}
