"use client";

import { apiFetch } from "@/components/ui/api-fetch";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { countOf } from "@/lib/text/plural";

import type { SelectionActionProps } from "./bulk-actions";

/** Deletes the selected traces with their spans, scores and queue items, after a confirmation. */
export function DeleteSelectedTraces({
  projectId,
  traceIds,
  onTracesDeleted,
}: SelectionActionProps) {
  const question =
    `Delete ${countOf(traceIds.length, "trace")} with their spans, scores and queue items? ` +
    "This cannot be undone.";
  return (
    <ConfirmButton
      label="Delete"
      question={question}
      confirmLabel="Delete for good"
      testId="delete-selected-traces"
      onConfirm={async () => {
        await apiFetch(`/api/projects/${encodeURIComponent(projectId)}/traces`, {
          method: "DELETE",
          body: { traceIds },
        });
        onTracesDeleted(traceIds);
      }}
    />
  );
}
