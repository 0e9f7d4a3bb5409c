"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { apiFetch } from "@/components/ui/api-fetch";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { QueueSummary } from "@/lib/annotation-queues/queues";
import { countOf } from "@/lib/text/plural";

/** Adds the traces-list filter's traces (or a selection) to a queue that already exists. */
export function AddToExistingQueue({
  projectId,
  queues,
  filter,
  traceIds,
}: {
  projectId: string;
  queues: QueueSummary[];
  filter: string | null;
  traceIds: string[];
}) {
  const router = useRouter();
  const [queueId, setQueueId] = useState(queues[0]?.id ?? "");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (queues.length === 0 || (filter === null && traceIds.length === 0)) return null;

  const add = async () => {
    setPending(true);
    try {
      const { added } = await apiFetch<{ added: number }>(
        `/api/projects/${projectId}/queues/${queueId}/items`,
        {
          method: "POST",
          body: traceIds.length > 0 ? { traceIds } : { filter },
        },
      );
      setMessage(`Added ${countOf(added, "trace")} (already queued ones skipped)`);
      router.refresh();
    } catch (failure) {
      setMessage(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <h2 className="text-sm font-semibold">Or add them to a queue</h2>
      <div className="flex flex-wrap items-center gap-2">
        <select
          aria-label="Existing queue"
          value={queueId}
          onChange={(event) => setQueueId(event.target.value)}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          {queues.map((queue) => (
            <option key={queue.id} value={queue.id}>
              {queue.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={pending || !queueId}
          onClick={() => void add()}
        >
          {pending ? "Adding…" : "Add to queue"}
        </button>
      </div>
      {message ? (
        <p className="text-xs text-zinc-600" data-testid="add-to-existing-result">
          {message}
        </p>
      ) : null}
    </div>
  );
}
