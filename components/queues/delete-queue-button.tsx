"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { apiFetch } from "@/components/ui/api-fetch";
import { dangerButtonClass } from "@/components/ui/styles";

/** Deletes a queue and its items after a confirmation; the scores given through it stay. */
export function DeleteQueueButton({ projectId, queueId }: { projectId: string; queueId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className={dangerButtonClass}
        onClick={() => {
          if (!window.confirm("Delete this queue? The scores given through it are kept.")) return;
          apiFetch(`/api/projects/${projectId}/queues/${queueId}`, { method: "DELETE" })
            .then(() => router.push(`/project/${projectId}/queues`))
            .catch((failure: unknown) =>
              setError(failure instanceof Error ? failure.message : String(failure)),
            );
        }}
      >
        Delete queue
      </button>
      {error ? <span className="text-xs text-red-600">{error}</span> : null}
    </span>
  );
}
