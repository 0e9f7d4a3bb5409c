"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { sourceHref } from "@/components/datasets/source-link";
import { ScorePanel } from "@/components/scores/score-panel";
import { PayloadView } from "@/components/traces/payload-view";
import { apiFetch } from "@/components/ui/api-fetch";
import { buttonClass, secondaryButtonClass } from "@/components/ui/styles";
import type { ReviewState } from "@/lib/annotation-queues/review-item";
import { DeleteQueueButton } from "./delete-queue-button";
import { QueueProgress } from "./queue-progress";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * A reviewer stepping through a queue: the item's trace input and output, the queue's score
 * controls, and Next (n), Skip (s) and Done (d). Done marks the item and moves to the next one
 * still to review; Skip moves on and leaves it to do.
 */
export function QueueReview({
  projectId,
  state,
  canReview,
}: {
  projectId: string;
  state: ReviewState;
  canReview: boolean;
}) {
  const router = useRouter();
  const { queue, item } = state;
  const base = `/project/${projectId}/queues/${queue.id}`;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Marked data-ready once the keyboard shortcuts listen (after hydration).
  const root = useRef<HTMLDivElement>(null);

  const go = (itemId: string | null) => {
    router.push(itemId ? `${base}?item=${encodeURIComponent(itemId)}` : base);
  };

  const done = async () => {
    if (!item || !canReview) return;
    setBusy(true);
    try {
      const { nextPendingId } = await apiFetch<{ nextPendingId: string | null }>(
        `/api/projects/${projectId}/queues/${queue.id}/items/${item.id}`,
        { method: "PATCH", body: { status: "COMPLETED" } },
      );
      go(nextPendingId);
      router.refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const actions = useRef({ done: () => {}, next: () => {}, skip: () => {} });
  useEffect(() => {
    actions.current = {
      done: () => void done(),
      next: () => {
        if (state.nextItemId) go(state.nextItemId);
      },
      skip: () => {
        if (state.nextPendingId) go(state.nextPendingId);
      },
    };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      const action = { n: "next", s: "skip", d: "done" }[event.key] as
        "next" | "skip" | "done" | undefined;
      if (!action) return;
      event.preventDefault();
      actions.current[action]();
    };
    window.addEventListener("keydown", onKeyDown);
    root.current?.setAttribute("data-ready", "true");
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <div ref={root} className="space-y-4" data-testid="queue-review">
      <header className="flex flex-wrap items-center gap-3">
        <nav className="text-xs text-zinc-500" aria-label="Breadcrumb">
          <Link href={`/project/${projectId}/queues`} className="hover:text-zinc-900">
            Queues
          </Link>
          <span className="mx-1">/</span>
        </nav>
        <h1 className="text-lg font-semibold">{queue.name}</h1>
        <QueueProgress completed={queue.completed} total={queue.total} />
        {item ? (
          <span className="text-xs text-zinc-500" data-testid="queue-position">
            item {item.position} of {queue.total}
          </span>
        ) : null}
        {canReview ? (
          <span className="ml-auto">
            <DeleteQueueButton projectId={projectId} queueId={queue.id} />
          </span>
        ) : null}
      </header>
      {error ? (
        <p className="text-sm text-red-600" data-testid="queue-error">
          {error}
        </p>
      ) : null}

      {!item ? (
        <div
          className="rounded-lg border border-dashed border-zinc-300 p-8 text-center dark:border-zinc-700"
          data-testid="queue-finished"
        >
          <p className="text-sm font-medium">
            {queue.total === 0 ? "This queue is empty." : "Every item of this queue is done."}
          </p>
        </div>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <section
            className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
            data-testid="queue-item"
            data-trace-id={item.traceId}
            data-status={item.status}
          >
            <div className="flex flex-wrap items-center gap-2">
              <h2 className="text-sm font-semibold" data-testid="queue-item-name">
                {item.trace?.name ?? "Unnamed trace"}
              </h2>
              {item.status === "COMPLETED" ? (
                <span className="rounded bg-emerald-100 px-1.5 text-[10px] font-semibold text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
                  DONE
                </span>
              ) : null}
              {item.observationId ? (
                <span className="text-[11px] text-zinc-500" data-testid="queue-item-span">
                  span {item.observationId}
                </span>
              ) : null}
              <Link
                href={sourceHref(projectId, item.traceId, item.observationId)}
                className="ml-auto text-xs text-indigo-600 hover:underline dark:text-indigo-400"
              >
                Open trace →
              </Link>
            </div>
            {item.trace ? (
              <>
                <section className="space-y-1.5" aria-label="Input">
                  <h3 className="text-xs font-semibold text-zinc-500 uppercase">Input</h3>
                  <PayloadView value={item.trace.input} />
                </section>
                <section className="space-y-1.5" aria-label="Output">
                  <h3 className="text-xs font-semibold text-zinc-500 uppercase">Output</h3>
                  <PayloadView value={item.trace.output} />
                </section>
              </>
            ) : (
              <p className="text-xs text-zinc-500">
                This {item.observationId ? "span" : "trace"} has not been ingested (yet).
              </p>
            )}
          </section>
          <aside className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <ScorePanel
              key={item.id}
              projectId={projectId}
              traceId={item.traceId}
              observationId={item.observationId}
              queueId={queue.id}
              configIds={queue.scoreConfigIds}
              shortcuts
              title="Scores"
            />
            <div className="flex flex-wrap gap-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
              {canReview ? (
                <button
                  type="button"
                  className={buttonClass}
                  disabled={busy}
                  onClick={() => void done()}
                >
                  Done <kbd className="text-[10px] opacity-70">d</kbd>
                </button>
              ) : null}
              <button
                type="button"
                className={secondaryButtonClass}
                disabled={!state.nextPendingId}
                onClick={() => go(state.nextPendingId)}
              >
                Skip <kbd className="text-[10px] opacity-70">s</kbd>
              </button>
              <button
                type="button"
                className={secondaryButtonClass}
                disabled={!state.nextItemId}
                onClick={() => go(state.nextItemId)}
              >
                Next <kbd className="text-[10px] opacity-70">n</kbd>
              </button>
            </div>
            <p className="text-[11px] text-zinc-500">
              Done marks the item reviewed and opens the next one to do; Skip leaves it to do.
            </p>
          </aside>
        </div>
      )}
    </div>
  );
}
