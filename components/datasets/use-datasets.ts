"use client";

import { useCallback, useEffect, useState } from "react";
import { apiFetch } from "@/components/ui/api-fetch";

export interface DatasetChoice {
  id: string;
  name: string;
  activeItems: number;
}

/** The project's datasets for a picker, loaded when `enabled` turns true. */
export function useDatasets(projectId: string, enabled: boolean) {
  const [datasets, setDatasets] = useState<DatasetChoice[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    apiFetch<{ data: DatasetChoice[] }>(
      `/api/projects/${encodeURIComponent(projectId)}/datasets?limit=100`,
    )
      .then((page) => setDatasets(page.data))
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : "failed"));
  }, [projectId]);

  useEffect(() => {
    if (enabled) reload();
  }, [enabled, reload]);

  return { datasets, error, reload };
}

/**
 * The id of the chosen dataset: an existing one, or a new one created now under `newName`.
 */
export async function resolveDatasetChoice(
  projectId: string,
  choice: string,
  newName: string,
): Promise<string> {
  if (choice !== NEW_DATASET) return choice;
  const created = await apiFetch<{ id: string }>(
    `/api/projects/${encodeURIComponent(projectId)}/datasets`,
    { method: "POST", body: { name: newName } },
  );
  return created.id;
}

export const NEW_DATASET = "__new__";
