"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { IdChip } from "@/components/traces/id-chip";
import { JsonView } from "@/components/traces/json-view";
import { apiFetch } from "@/components/ui/api-fetch";
import { buttonClass, cardClass, dangerButtonClass } from "@/components/ui/styles";
import { datasetApiPath, datasetPagePath } from "./dataset-paths";
import { JsonEditor, parseEditorText, toEditorText } from "./json-editor";
import { SourceLink } from "./source-link";

interface Item {
  id: string;
  status: "ACTIVE" | "ARCHIVED";
  input: unknown;
  expectedOutput: unknown;
  metadata: unknown;
  sourceTraceId: string | null;
  sourceObservationId: string | null;
  datasetId: string;
  datasetName: string;
  version: number;
  updatedAt: string;
}

interface Version {
  version: number;
  input: unknown;
  expectedOutput: unknown;
  metadata: unknown;
  status: string;
  changedByName: string | null;
  createdAt: string;
}

/** Edits one dataset item; every save is a new version, listed below with the older ones. */
export function DatasetItemEditor({
  projectId,
  item,
  canWrite,
}: {
  projectId: string;
  item: Item;
  canWrite: boolean;
}) {
  const router = useRouter();
  const url = `${datasetApiPath(projectId, item.datasetId)}/items/${encodeURIComponent(item.id)}`;
  const [input, setInput] = useState(toEditorText(item.input));
  const [expected, setExpected] = useState(toEditorText(item.expectedOutput));
  const [metadata, setMetadata] = useState(toEditorText(item.metadata));
  const [status, setStatus] = useState(item.status);
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The version these fields were loaded from: the server refuses a save over a newer one.
  const [editedVersion, setEditedVersion] = useState(item.version);

  // Reloaded whenever a save (here or elsewhere, seen through a refresh) makes a new version.
  useEffect(() => {
    apiFetch<{ data: Version[] }>(`${url}/versions`)
      .then((loaded) => setVersions(loaded.data))
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : "failed"));
  }, [url, item.version]);

  const parsed = [parseEditorText(input), parseEditorText(expected), parseEditorText(metadata)];
  const invalid = parsed.some((value) => "error" in value);

  async function save() {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const [inputValue, expectedValue, metadataValue] = parsed.map((value) =>
        "value" in value ? value.value : null,
      );
      const saved = await apiFetch<Item>(url, {
        method: "PATCH",
        body: {
          input: inputValue,
          expectedOutput: expectedValue,
          metadata: metadataValue,
          status,
          expectedVersion: editedVersion,
        },
      });
      setEditedVersion(saved.version);
      setMessage(`Saved as version ${saved.version}.`);
      router.refresh();
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : "failed");
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!window.confirm("Delete this item and its version history?")) return;
    try {
      await apiFetch(url, { method: "DELETE" });
      router.push(datasetPagePath(projectId, item.datasetId));
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : "failed");
    }
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
      <div className={`${cardClass} space-y-3`} data-testid="item-editor">
        <div className="flex flex-wrap items-center gap-2">
          <IdChip label="Item" value={item.id} />
          <span className="text-xs text-zinc-500" data-testid="item-version">
            version {item.version}
          </span>
          <span className="text-xs text-zinc-500">Source</span>
          <SourceLink
            projectId={projectId}
            traceId={item.sourceTraceId}
            observationId={item.sourceObservationId}
          />
        </div>
        <JsonEditor
          label="Input"
          text={input}
          onChange={setInput}
          testId="edit-input"
          rows={8}
          readOnly={!canWrite}
        />
        <JsonEditor
          label="Expected output"
          text={expected}
          onChange={setExpected}
          testId="edit-expected"
          rows={8}
          readOnly={!canWrite}
        />
        <JsonEditor
          label="Metadata"
          text={metadata}
          onChange={setMetadata}
          testId="edit-metadata"
          rows={3}
          readOnly={!canWrite}
        />
        {canWrite ? (
          <div className="flex flex-wrap items-center gap-3">
            <label className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={status === "ARCHIVED"}
                onChange={(event) => setStatus(event.target.checked ? "ARCHIVED" : "ACTIVE")}
                data-testid="edit-archived"
              />
              Archived
            </label>
            <button
              type="button"
              className={buttonClass}
              disabled={busy || invalid}
              onClick={() => void save()}
              data-testid="save-item"
            >
              {busy ? "Saving…" : "Save"}
            </button>
            <button
              type="button"
              className={`${dangerButtonClass} ml-auto`}
              onClick={() => void remove()}
            >
              Delete item
            </button>
          </div>
        ) : (
          <p className="text-xs text-zinc-500">Viewers can read items but not change them.</p>
        )}
        {message ? (
          <p className="text-sm text-green-700 dark:text-green-400" data-testid="item-saved">
            {message}
          </p>
        ) : null}
        {error ? (
          <p className="text-sm text-red-600" data-testid="item-error">
            {error}
          </p>
        ) : null}
      </div>
      <section className={`${cardClass} space-y-2`} aria-label="Version history">
        <h2 className="text-sm font-semibold">Version history</h2>
        {versions === null ? <p className="text-xs text-zinc-500">Loading…</p> : null}
        <ol className="space-y-2" data-testid="item-versions">
          {versions?.map((version) => (
            <li key={version.version} className="text-xs" data-testid="item-version-entry">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-medium">v{version.version}</span>{" "}
                  <span className="text-zinc-500">
                    {version.createdAt.replace("T", " ").slice(0, 19)} UTC
                    {version.changedByName ? ` · ${version.changedByName}` : ""} ·{" "}
                    {version.status.toLowerCase()}
                  </span>
                </summary>
                <div className="mt-1 space-y-1">
                  <JsonView
                    value={{
                      input: version.input,
                      expectedOutput: version.expectedOutput,
                      metadata: version.metadata,
                    }}
                    defaultOpenDepth={2}
                  />
                </div>
              </details>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
