"use client";

import { useRef, useState } from "react";
import { apiFetch } from "@/components/ui/api-fetch";
import { buttonClass, secondaryButtonClass } from "@/components/ui/styles";
import { describeAddResult } from "./add-selection-to-dataset";
import { datasetApiPath } from "./dataset-paths";
import { DatasetPicker, defaultChoice } from "./dataset-picker";
import { Dialog } from "./dialog";
import { NEW_DATASET, resolveDatasetChoice, useDatasets } from "./use-datasets";
import { countOf } from "@/lib/text/plural";

interface Step {
  added: number;
  skipped: number;
  missing: number;
  totalMatching: number | null;
  cursor: string | null;
  asOf: string;
}

interface Progress {
  done: number;
  total: number;
  added: number;
  skipped: number;
  missing: number;
  finished: boolean;
}

// Limitation: the button shows for viewers too (the traces page does not load the role); the
// first step then answers 403 "…requires the member role…", shown in the dialog.

/**
 * "Add all matching to dataset": every trace matching the traces list's current filter (its
 * URL query) is added, step by step with a progress bar; a run can be stopped between steps.
 */
export function AddMatchingToDataset({ projectId, filter }: { projectId: string; filter: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={`${secondaryButtonClass} px-2 py-1 text-xs`}
        onClick={() => setOpen(true)}
        data-testid="add-matching-to-dataset"
      >
        Add all matching to dataset
      </button>
      {open ? (
        <MatchingDialog projectId={projectId} filter={filter} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}

function MatchingDialog({
  projectId,
  filter,
  onClose,
}: {
  projectId: string;
  filter: string;
  onClose: () => void;
}) {
  const { datasets } = useDatasets(projectId, true);
  const [choice, setChoice] = useState("");
  const [newName, setNewName] = useState("");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const stopped = useRef(false);
  const chosen = defaultChoice(datasets, choice);

  async function run() {
    setRunning(true);
    setError(null);
    stopped.current = false;
    try {
      const datasetId = await resolveDatasetChoice(projectId, chosen, newName.trim());
      const url = `${datasetApiPath(projectId, datasetId)}/add-matching`;
      let state: Progress = {
        done: 0,
        total: 0,
        added: 0,
        skipped: 0,
        missing: 0,
        finished: false,
      };
      let cursor: string | null = null;
      let asOf: string | null = null;
      do {
        const step: Step = await apiFetch<Step>(url, {
          method: "POST",
          body: { filter, cursor, asOf },
        });
        cursor = step.cursor;
        asOf = step.asOf;
        state = {
          total: step.totalMatching ?? state.total,
          done: state.done + step.added + step.skipped + step.missing,
          added: state.added + step.added,
          skipped: state.skipped + step.skipped,
          missing: state.missing + step.missing,
          finished: cursor === null,
        };
        setProgress(state);
      } while (cursor && !stopped.current);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : "failed");
    } finally {
      setRunning(false);
    }
  }

  const percent =
    progress && progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : 0;
  return (
    <Dialog
      title="Add all matching traces to a dataset"
      onClose={onClose}
      testId="add-matching-dialog"
    >
      <p className="text-xs text-zinc-500">
        Every trace that matches the current filter and time range is added; traces already in the
        dataset are skipped.
      </p>
      <DatasetPicker
        datasets={datasets}
        choice={chosen}
        newName={newName}
        onChoice={setChoice}
        onNewName={setNewName}
      />
      {progress ? (
        <div className="space-y-1" data-testid="add-matching-progress">
          <div className="h-2 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800">
            <div className="h-full bg-indigo-600" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm" data-testid="add-matching-result">
            {progress.done} of {countOf(progress.total, "trace")}: {describeAddResult(progress)}
            {progress.finished ? " — done." : running ? "…" : " — stopped."}
          </p>
        </div>
      ) : null}
      {error ? <p className="text-sm text-red-600">{error}</p> : null}
      <div className="flex justify-end gap-2">
        {running ? (
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => {
              stopped.current = true;
            }}
          >
            Stop
          </button>
        ) : (
          <button type="button" className={secondaryButtonClass} onClick={onClose}>
            Close
          </button>
        )}
        <button
          type="button"
          className={buttonClass}
          disabled={running || !chosen || (chosen === NEW_DATASET && !newName.trim())}
          onClick={() => void run()}
          data-testid="add-matching-start"
        >
          {running ? "Adding…" : "Add"}
        </button>
      </div>
    </Dialog>
  );
}
