"use client";

import Link from "next/link";
import { useState } from "react";

import { apiFetch } from "@/components/ui/api-fetch";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { QueueSummary } from "@/lib/annotation-queues/queues";

/** Adds the selected traces to an annotation queue, or starts a new queue with them. */
export function AddToQueue({ projectId, traceIds }: { projectId: string; traceIds: string[] }) {
  const [queues, setQueues] = useState<QueueSummary[] | null>(null);
  const [queueId, setQueueId] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  const openMenu = async () => {
    setOpen(true);
    setMessage(null);
    try {
      const { data } = await apiFetch<{ data: QueueSummary[] }>(
        `/api/projects/${projectId}/queues`,
      );
      setQueues(data);
      setQueueId(data[0]?.id ?? "");
    } catch (failure) {
      setMessage(failure instanceof Error ? failure.message : String(failure));
    }
  };

  const add = async () => {
    try {
      const { added } = await apiFetch<{ added: number }>(
        `/api/projects/${projectId}/queues/${queueId}/items`,
        { method: "POST", body: { traceIds } },
      );
      const skipped = traceIds.length - added;
      setMessage(`Added ${added}${skipped > 0 ? ` (${skipped} already queued)` : ""}`);
    } catch (failure) {
      setMessage(failure instanceof Error ? failure.message : String(failure));
    }
  };

  const tracesParam = traceIds.map(encodeURIComponent).join(",");
  const newQueueHref = `/project/${projectId}/queues?traces=${tracesParam}`;

  if (!open) {
    return (
      <button type="button" className={secondaryButtonClass} onClick={() => void openMenu()}>
        Add to queue
      </button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2" data-testid="add-to-queue">
      {queues && queues.length > 0 ? (
        <>
          <select
            aria-label="Queue"
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
          <button type="button" className={secondaryButtonClass} onClick={() => void add()}>
            Add
          </button>
        </>
      ) : null}
      <Link href={newQueueHref} className="text-sm text-indigo-600 hover:underline">
        New queue with these
      </Link>
      {message ? (
        <span className="text-xs text-zinc-600" data-testid="add-to-queue-result">
          {message}
        </span>
      ) : null}
    </span>
  );
}
