"use client";

import { useRouter } from "next/navigation";

import { apiFetch } from "@/components/ui/api-fetch";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { countOf } from "@/lib/text/plural";

/** Deletes the trace with its spans, scores and queue items, then returns to the traces list. */
export function DeleteTraceButton({
  projectId,
  traceId,
  spanCount,
}: {
  projectId: string;
  traceId: string;
  spanCount: number;
}) {
  const router = useRouter();
  const base = `/api/projects/${encodeURIComponent(projectId)}`;
  const question =
    `Delete this trace, its ${countOf(spanCount, "span")}, scores and queue items? ` +
    "This cannot be undone.";
  return (
    <ConfirmButton
      label="Delete trace"
      question={question}
      confirmLabel="Delete for good"
      testId="delete-trace"
      onConfirm={async () => {
        // The bulk route: a trace someone else deleted meanwhile is simply gone, not an error.
        await apiFetch(`${base}/traces`, { method: "DELETE", body: { traceIds: [traceId] } });
        router.push(`/project/${projectId}/traces`);
        router.refresh();
      }}
    />
  );
}
