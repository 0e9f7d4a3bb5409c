"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/ui/api-fetch";
import { buttonClass, cardClass, inputClass, labelClass } from "@/components/ui/styles";

interface DatasetRow {
  id: string;
  name: string;
  description: string | null;
  activeItems: number;
  archivedItems: number;
  createdAt: string;
}

/** The project's datasets with their item counts, and a form to create one. */
export function DatasetList({
  projectId,
  datasets,
  canWrite,
}: {
  projectId: string;
  datasets: DatasetRow[];
  canWrite: boolean;
}) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const created = await apiFetch<{ id: string }>(
        `/api/projects/${encodeURIComponent(projectId)}/datasets`,
        { method: "POST", body: { name, description: description || null } },
      );
      router.push(`/project/${projectId}/datasets/${encodeURIComponent(created.id)}`);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : "failed");
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      {canWrite ? (
        <form
          className={`${cardClass} grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end`}
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <label className={labelClass}>
            Name
            <input
              className={`${inputClass} mt-1`}
              value={name}
              onChange={(event) => setName(event.target.value)}
              data-testid="create-dataset-name"
            />
          </label>
          <label className={labelClass}>
            Description
            <input
              className={`${inputClass} mt-1`}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
            />
          </label>
          <button
            type="submit"
            className={buttonClass}
            disabled={busy || !name.trim()}
            data-testid="create-dataset"
          >
            New dataset
          </button>
          {error ? <p className="text-sm text-red-600 sm:col-span-3">{error}</p> : null}
        </form>
      ) : null}
      {datasets.length === 0 ? (
        <p
          className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-500 dark:border-zinc-700"
          data-testid="datasets-empty"
        >
          No datasets yet. Create one here, or use “Add to dataset” on a trace or span.
        </p>
      ) : (
        <table className="w-full text-sm" data-testid="datasets-table">
          <thead className="text-left text-xs text-zinc-500">
            <tr>
              <th className="py-2 pr-3 font-medium">Name</th>
              <th className="py-2 pr-3 font-medium">Description</th>
              <th className="py-2 pr-3 text-right font-medium">Items</th>
              <th className="py-2 pr-3 text-right font-medium">Archived</th>
              <th className="py-2 font-medium">Created</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {datasets.map((dataset) => (
              <tr key={dataset.id} data-testid="dataset-row">
                <td className="py-2 pr-3">
                  <Link
                    href={`/project/${projectId}/datasets/${encodeURIComponent(dataset.id)}`}
                    className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    {dataset.name}
                  </Link>
                </td>
                <td className="max-w-md truncate py-2 pr-3 text-zinc-600 dark:text-zinc-400">
                  {dataset.description}
                </td>
                <td className="py-2 pr-3 text-right font-mono tabular-nums">
                  {dataset.activeItems}
                </td>
                <td className="py-2 pr-3 text-right font-mono text-zinc-500 tabular-nums">
                  {dataset.archivedItems}
                </td>
                <td className="py-2 text-xs text-zinc-500">{dataset.createdAt.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
