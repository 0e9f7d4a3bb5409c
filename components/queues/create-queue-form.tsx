"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { apiFetch } from "@/components/ui/api-fetch";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import type { QueueSummary } from "@/lib/annotation-queues/queues";
import type { ScoringConfig } from "@/lib/scores/annotation-scores";
import { plural } from "@/lib/text/plural";

/** Traces queued per request when filling from a filter, so a large fill shows progress. */
const FILL_BATCH = 2000;

/**
 * Creates a review queue with the score configs reviewers fill in, filled from a traces-list
 * filter or a selection of traces when the page was opened from the list.
 */
export function CreateQueueForm({
  projectId,
  configs,
  filter,
  traceIds,
}: {
  projectId: string;
  configs: ScoringConfig[];
  filter: string | null;
  traceIds: string[];
}) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [chosen, setChosen] = useState<string[]>(configs.map((config) => config.id));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [filled, setFilled] = useState<{ done: number; of: number | null } | null>(null);

  const toggle = (id: string) =>
    setChosen((current) =>
      current.includes(id) ? current.filter((one) => one !== id) : [...current, id],
    );

  const submit = async () => {
    setPending(true);
    setError(null);
    const fromFilter = traceIds.length === 0 && filter !== null;
    try {
      const { queue, added, matching } = await apiFetch<{
        queue: QueueSummary;
        added: number;
        matching: number | null;
      }>(`/api/projects/${projectId}/queues`, {
        method: "POST",
        body: {
          name,
          description: description || undefined,
          scoreConfigIds: chosen,
          filter: fromFilter ? filter : undefined,
          limit: fromFilter ? FILL_BATCH : undefined,
          traceIds: traceIds.length > 0 ? traceIds : undefined,
        },
      });
      // A large filter is queued a batch at a time, each one INSERT that skips queued traces.
      let done = added;
      let last = added;
      while (fromFilter && last === FILL_BATCH) {
        setFilled({ done, of: matching });
        const next = await apiFetch<{ added: number }>(
          `/api/projects/${projectId}/queues/${queue.id}/items`,
          { method: "POST", body: { filter, limit: FILL_BATCH } },
        );
        last = next.added;
        done += last;
      }
      router.push(`/project/${projectId}/queues/${queue.id}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setPending(false);
    }
  };

  return (
    <form
      className="space-y-3"
      data-testid="create-queue-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 className="text-sm font-semibold">New queue</h2>
      <p className="text-xs text-zinc-500" data-testid="queue-source">
        {traceIds.length > 0
          ? `Queues the ${traceIds.length} selected ${plural(traceIds.length, "trace")}.`
          : filter !== null
            ? "Queues every trace matching the traces-list filter: " +
              (filter || "(no filter: the list default, the last 7 days)")
            : "Starts empty: add traces from the traces list (filter or selection)."}
      </p>
      <label className={labelClass}>
        Name
        <input
          className={inputClass}
          value={name}
          maxLength={100}
          required
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label className={labelClass}>
        Description
        <input
          className={inputClass}
          value={description}
          maxLength={2000}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      <fieldset className="space-y-1">
        <legend className={labelClass}>Score configs reviewers fill in</legend>
        {configs.length === 0 ? (
          <p className="text-xs text-zinc-500">
            No score configs yet (Settings → Score configs); reviewers can still add labels.
          </p>
        ) : null}
        {configs.map((config) => (
          <label key={config.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={chosen.includes(config.id)}
              onChange={() => toggle(config.id)}
            />
            {config.name}
            <span className="text-[11px] text-zinc-500">{config.dataType.toLowerCase()}</span>
          </label>
        ))}
      </fieldset>
      {filled ? (
        <p className="text-xs text-zinc-600" data-testid="queue-fill-progress">
          Queued {filled.done.toLocaleString("en-US")}
          {filled.of !== null ? ` of ${filled.of.toLocaleString("en-US")}` : ""}{" "}
          {plural(filled.of ?? filled.done, "trace")}…
        </p>
      ) : null}
      {error ? (
        <p className="text-sm text-red-600" data-testid="create-queue-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className={buttonClass} disabled={pending || !name.trim()}>
        {pending ? "Queuing traces…" : "Create queue"}
      </button>
    </form>
  );
}
