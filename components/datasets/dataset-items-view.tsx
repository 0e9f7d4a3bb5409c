"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { apiFetch } from "@/components/ui/api-fetch";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { itemHref } from "./add-to-dataset";
import { datasetApiPath } from "./dataset-paths";
import { ImportPanel } from "./import-panel";
import { QueuePanel } from "./queue-panel";
import { SourceLink } from "./source-link";
import { countOf } from "@/lib/text/plural";
import { previewItemValue } from "@/lib/datasets/item-preview";

interface Item {
  id: string;
  status: "ACTIVE" | "ARCHIVED";
  input: unknown;
  expectedOutput: unknown;
  sourceTraceId: string | null;
  sourceObservationId: string | null;
  version: number;
  updatedAt: string;
}

interface ItemPage {
  data: Item[];
  meta: { page: number; limit: number; totalItems: number; totalPages: number };
}

const PAGE_SIZE = 50;

/** A dataset's items: search, status filter, archive, export, import and adding from a queue. */
export function DatasetItemsView({
  projectId,
  datasetId,
  canWrite,
  queues,
}: {
  projectId: string;
  datasetId: string;
  canWrite: boolean;
  queues: Array<{ id: string; name: string }>;
}) {
  const base = datasetApiPath(projectId, datasetId);
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<"" | "ACTIVE" | "ARCHIVED">("");
  const [page, setPage] = useState(1);
  const [items, setItems] = useState<ItemPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [panel, setPanel] = useState<"import" | "queue" | null>(null);
  const [version, setVersion] = useState(0);

  const reload = useCallback(() => setVersion((current) => current + 1), []);

  useEffect(() => {
    const params = new URLSearchParams({ page: String(page), limit: String(PAGE_SIZE) });
    if (query) params.set("q", query);
    if (status) params.set("status", status);
    let current = true;
    apiFetch<ItemPage>(`${base}/items?${params}`)
      .then((loaded) => {
        if (current) setItems(loaded);
      })
      .catch((reason: unknown) => {
        if (current) setError(reason instanceof Error ? reason.message : "failed");
      });
    return () => {
      current = false;
    };
  }, [base, query, status, page, version]);

  async function setItemStatus(item: Item, next: Item["status"]) {
    try {
      await apiFetch(`${base}/items/${encodeURIComponent(item.id)}`, {
        method: "PATCH",
        body: { status: next },
      });
      reload();
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : "failed");
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <form
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            setPage(1);
            setQuery(search.trim());
          }}
        >
          <input
            className={`${inputClass} w-64!`}
            placeholder="Search input and expected output"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            data-testid="items-search"
          />
          <button type="submit" className={secondaryButtonClass}>
            Search
          </button>
        </form>
        <select
          className={`${inputClass} w-auto!`}
          value={status}
          aria-label="Status"
          onChange={(event) => {
            setPage(1);
            setStatus(event.target.value as typeof status);
          }}
          data-testid="items-status"
        >
          <option value="">All statuses</option>
          <option value="ACTIVE">Active</option>
          <option value="ARCHIVED">Archived</option>
        </select>
        <span className="ml-auto flex flex-wrap gap-2">
          <a className={secondaryButtonClass} href={`${base}/export?format=jsonl`} download>
            Export JSONL
          </a>
          <a className={secondaryButtonClass} href={`${base}/export?format=csv`} download>
            Export CSV
          </a>
          {canWrite ? (
            <>
              <button
                type="button"
                className={secondaryButtonClass}
                onClick={() => setPanel(panel === "import" ? null : "import")}
                data-testid="open-import"
              >
                Import
              </button>
              <button
                type="button"
                className={secondaryButtonClass}
                onClick={() => setPanel(panel === "queue" ? null : "queue")}
                data-testid="open-queue"
              >
                Add from queue
              </button>
            </>
          ) : null}
        </span>
      </div>

      {panel === "import" ? <ImportPanel importUrl={`${base}/import`} onImported={reload} /> : null}
      {panel === "queue" ? (
        <QueuePanel addUrl={`${base}/add-from-queue`} queues={queues} onAdded={reload} />
      ) : null}
      {error ? (
        <p className="text-sm text-red-600" data-testid="items-error">
          {error}
        </p>
      ) : null}

      {items === null ? <p className="text-sm text-zinc-500">Loading items…</p> : null}
      {items && items.data.length === 0 ? (
        <p
          className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-500 dark:border-zinc-700"
          data-testid="items-empty"
        >
          {query || status ? "No items match." : "No items yet."}
        </p>
      ) : null}
      {items && items.data.length > 0 ? (
        <table className="w-full table-fixed text-sm" data-testid="items-table">
          <thead className="text-left text-xs text-zinc-500">
            <tr>
              <th className="w-28 py-2 pr-3 font-medium">Item</th>
              <th className="py-2 pr-3 font-medium">Input</th>
              <th className="py-2 pr-3 font-medium">Expected output</th>
              <th className="w-28 py-2 pr-3 font-medium">Source</th>
              <th className="w-20 py-2 pr-3 font-medium">Status</th>
              <th className="w-24 py-2 font-medium" />
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {items.data.map((item) => (
              <tr key={item.id} data-testid="item-row" data-item-id={item.id}>
                <td className="py-2 pr-3 align-top">
                  <Link
                    href={itemHref(projectId, datasetId, item.id)}
                    className="font-mono text-xs text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    {item.id.slice(0, 8)}
                  </Link>
                  <div className="text-[11px] text-zinc-500">v{item.version}</div>
                </td>
                <td className="truncate py-2 pr-3 align-top font-mono text-xs">
                  {previewItemValue(item.input)}
                </td>
                <td className="truncate py-2 pr-3 align-top font-mono text-xs">
                  {previewItemValue(item.expectedOutput)}
                </td>
                <td className="py-2 pr-3 align-top">
                  <SourceLink
                    projectId={projectId}
                    traceId={item.sourceTraceId}
                    observationId={item.sourceObservationId}
                  />
                </td>
                <td className="py-2 pr-3 align-top text-xs">{item.status.toLowerCase()}</td>
                <td className="py-2 align-top">
                  {canWrite ? (
                    <button
                      type="button"
                      className="text-xs text-indigo-600 hover:underline dark:text-indigo-400"
                      onClick={() =>
                        void setItemStatus(item, item.status === "ACTIVE" ? "ARCHIVED" : "ACTIVE")
                      }
                      data-testid="toggle-archive"
                    >
                      {item.status === "ACTIVE" ? "Archive" : "Unarchive"}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {items && items.meta.totalPages > 1 ? (
        <div className="flex items-center gap-2 text-sm">
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={page <= 1}
            onClick={() => setPage(page - 1)}
          >
            Previous
          </button>
          <span className="text-zinc-500">
            Page {items.meta.page} of {items.meta.totalPages} ·{" "}
            {countOf(items.meta.totalItems, "item")}
          </span>
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={page >= items.meta.totalPages}
            onClick={() => setPage(page + 1)}
          >
            Next
          </button>
        </div>
      ) : items ? (
        <p className="text-xs text-zinc-500" data-testid="items-count">
          {countOf(items.meta.totalItems, "item")}
        </p>
      ) : null}
    </div>
  );
}
