"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { apiFetch } from "@/components/ui/api-fetch";
import { buttonClass, secondaryButtonClass } from "@/components/ui/styles";
import { datasetApiPath, datasetPagePath } from "./dataset-paths";
import { DatasetPicker, defaultChoice } from "./dataset-picker";
import { Dialog } from "./dialog";
import { JsonEditor, parseEditorText, toEditorText } from "./json-editor";
import { NEW_DATASET, resolveDatasetChoice, useDatasets } from "./use-datasets";

interface SourcePreview {
  name: string | null;
  input: unknown;
  output: unknown;
  inDatasets: Array<{ datasetId: string; datasetName: string; itemId: string }>;
  canWrite: boolean;
}

interface Saved {
  datasetId: string;
  itemId: string;
}

/** Where an item of a dataset is edited. */
export function itemHref(projectId: string, datasetId: string, itemId: string): string {
  return `${datasetPagePath(projectId, datasetId)}/items/${encodeURIComponent(itemId)}`;
}

/**
 * "Add to dataset" for a trace (no observationId) or a span: a dialog with the input and, as the
 * expected output, the actual output, both editable, saved as a new item of a chosen dataset.
 */
export function AddToDataset({
  projectId,
  traceId,
  observationId = null,
}: {
  projectId: string;
  traceId: string;
  observationId?: string | null;
}) {
  const [open, setOpen] = useState(false);
  const label = observationId ? "Add span to dataset" : "Add to dataset";
  return (
    <>
      <button
        type="button"
        className={`${secondaryButtonClass} px-2 py-1 text-xs`}
        onClick={() => setOpen(true)}
        data-testid={observationId ? "add-span-to-dataset" : "add-trace-to-dataset"}
      >
        {label}
      </button>
      {open ? (
        <AddToDatasetDialog
          key={`${traceId}:${observationId ?? ""}`}
          projectId={projectId}
          traceId={traceId}
          observationId={observationId}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

function AddToDatasetDialog({
  projectId,
  traceId,
  observationId,
  onClose,
}: {
  projectId: string;
  traceId: string;
  observationId: string | null;
  onClose: () => void;
}) {
  const { datasets } = useDatasets(projectId, true);
  const [choice, setChoice] = useState("");
  const [newName, setNewName] = useState("");
  const [source, setSource] = useState<SourcePreview | null>(null);
  const [input, setInput] = useState("");
  const [expected, setExpected] = useState("");
  const [metadata, setMetadata] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<Saved | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = defaultChoice(datasets, choice);

  useEffect(() => {
    const params = new URLSearchParams({ traceId });
    if (observationId) params.set("observationId", observationId);
    apiFetch<SourcePreview>(
      `/api/projects/${encodeURIComponent(projectId)}/dataset-sources?${params}`,
    )
      .then((preview) => {
        setSource(preview);
        setInput(toEditorText(preview.input));
        setExpected(toEditorText(preview.output));
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : "failed"));
  }, [projectId, traceId, observationId]);

  const already = source?.inDatasets.find((entry) => entry.datasetId === chosen) ?? null;
  const parsed = [parseEditorText(input), parseEditorText(expected), parseEditorText(metadata)];
  const invalid = parsed.some((value) => "error" in value);

  async function save() {
    setBusy(true);
    setError(null);
    setDuplicate(null);
    try {
      const datasetId = await resolveDatasetChoice(projectId, chosen, newName.trim());
      const [inputValue, expectedValue, metadataValue] = parsed.map((value) =>
        "value" in value ? value.value : null,
      );
      const response = await fetch(`${datasetApiPath(projectId, datasetId)}/items`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          input: inputValue,
          expectedOutput: expectedValue,
          metadata: metadataValue,
          sourceTraceId: traceId,
          sourceObservationId: observationId,
        }),
      });
      const body = (await response.json().catch(() => ({}))) as {
        id?: string;
        error?: string;
        details?: { existingItemId?: string };
      };
      if (response.status === 409 && body.details?.existingItemId) {
        setDuplicate({ datasetId, itemId: body.details.existingItemId });
      } else if (!response.ok || !body.id) {
        throw new Error(body.error ?? `Request failed (${response.status})`);
      } else {
        setSaved({ datasetId, itemId: body.id });
      }
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : "failed");
    } finally {
      setBusy(false);
    }
  }

  const title = observationId ? "Add span to dataset" : "Add trace to dataset";
  return (
    <Dialog title={title} onClose={onClose} testId="add-to-dataset-dialog">
      {saved ? (
        <div className="space-y-3" data-testid="add-to-dataset-saved">
          <p className="text-sm">Added to the dataset.</p>
          <div className="flex gap-2">
            <Link
              className={secondaryButtonClass}
              href={itemHref(projectId, saved.datasetId, saved.itemId)}
            >
              Open the item
            </Link>
            <button type="button" className={buttonClass} onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <DatasetPicker
            datasets={datasets}
            choice={chosen}
            newName={newName}
            onChoice={setChoice}
            onNewName={setNewName}
          />
          {already || duplicate ? (
            <p
              className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
              data-testid="add-to-dataset-duplicate"
            >
              This {observationId ? "span" : "trace"} is already in this dataset.{" "}
              <Link
                className="font-medium underline"
                href={itemHref(
                  projectId,
                  duplicate?.datasetId ?? chosen,
                  duplicate?.itemId ?? already?.itemId ?? "",
                )}
              >
                Open the existing item
              </Link>
            </p>
          ) : null}
          {source === null && !error ? <p className="text-xs text-zinc-500">Loading…</p> : null}
          {source && !source.canWrite ? (
            <p
              className="text-sm text-zinc-600 dark:text-zinc-400"
              data-testid="add-to-dataset-read-only"
            >
              Viewers can read datasets but not add to them; ask a member of the project.
            </p>
          ) : null}
          <JsonEditor label="Input" text={input} onChange={setInput} testId="item-input" />
          <JsonEditor
            label="Expected output"
            text={expected}
            onChange={setExpected}
            testId="item-expected"
          />
          <JsonEditor
            label="Metadata"
            text={metadata}
            onChange={setMetadata}
            testId="item-metadata"
            rows={2}
          />
          {error ? (
            <p className="text-sm text-red-600" data-testid="add-to-dataset-error">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={onClose}>
              Cancel
            </button>
            <button
              type="submit"
              className={buttonClass}
              disabled={
                busy ||
                invalid ||
                source === null ||
                !source.canWrite ||
                !chosen ||
                (chosen === NEW_DATASET && !newName.trim())
              }
              data-testid="add-to-dataset-save"
            >
              {busy ? "Adding…" : "Add item"}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
