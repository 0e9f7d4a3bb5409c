"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/ui/api-fetch";
import {
  buttonClass,
  cardClass,
  dangerButtonClass,
  inputClass,
  labelClass,
  secondaryButtonClass,
} from "@/components/ui/styles";
import { datasetApiPath } from "./dataset-paths";
import { JsonEditor, parseEditorText, toEditorText } from "./json-editor";

/** Renames a dataset, changes its description and metadata, or deletes it with its items. */
export function DatasetSettings({
  projectId,
  dataset,
}: {
  projectId: string;
  dataset: { id: string; name: string; description: string | null; metadata: unknown };
}) {
  const router = useRouter();
  const url = datasetApiPath(projectId, dataset.id);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(dataset.name);
  const [description, setDescription] = useState(dataset.description ?? "");
  const [metadata, setMetadata] = useState(toEditorText(dataset.metadata));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const parsedMetadata = parseEditorText(metadata);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(url, {
        method: "PATCH",
        body: {
          name,
          description: description || null,
          metadata: "value" in parsedMetadata ? parsedMetadata.value : null,
        },
      });
      setOpen(false);
      router.refresh();
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : "failed");
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!window.confirm(`Delete the dataset "${dataset.name}" with all its items and versions?`)) {
      return;
    }
    try {
      await apiFetch(url, { method: "DELETE" });
      router.push(`/project/${projectId}/datasets`);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : "failed");
    }
  }

  if (!open) {
    return (
      <button
        type="button"
        className={`${secondaryButtonClass} px-2 py-1 text-xs`}
        onClick={() => setOpen(true)}
        data-testid="edit-dataset"
      >
        Edit dataset
      </button>
    );
  }
  return (
    <div className={`${cardClass} space-y-3`} data-testid="dataset-settings">
      <div className="grid gap-3 sm:grid-cols-2">
        <label className={labelClass}>
          Name
          <input
            className={`${inputClass} mt-1`}
            value={name}
            onChange={(event) => setName(event.target.value)}
            data-testid="dataset-settings-name"
          />
        </label>
        <label className={labelClass}>
          Description
          <input
            className={`${inputClass} mt-1`}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            data-testid="dataset-settings-description"
          />
        </label>
      </div>
      <JsonEditor
        label="Metadata"
        text={metadata}
        onChange={setMetadata}
        testId="dataset-settings-metadata"
        rows={3}
      />
      {error ? (
        <p className="text-sm text-red-600" data-testid="dataset-settings-error">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass}
          disabled={busy || !name.trim() || "error" in parsedMetadata}
          onClick={() => void save()}
          data-testid="dataset-settings-save"
        >
          Save
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
          Cancel
        </button>
        <button
          type="button"
          className={`${dangerButtonClass} ml-auto`}
          onClick={() => void remove()}
          data-testid="delete-dataset"
        >
          Delete dataset
        </button>
      </div>
    </div>
  );
}
