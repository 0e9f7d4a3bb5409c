"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { apiFetch } from "@/components/ui/api-fetch";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import type { QueueSummary } from "@/lib/annotation-queues/queues";
import type { ScoringConfig } from "@/lib/scores/annotation-scores";

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

  const toggle = (id: string) =>
    setChosen((current) =>
      current.includes(id) ? current.filter((one) => one !== id) : [...current, id],
    );

  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      const { queue } = await apiFetch<{ queue: QueueSummary; added: number }>(
        `/api/projects/${projectId}/queues`,
        {
          method: "POST",
          body: {
            name,
            description: description || undefined,
            scoreConfigIds: chosen,
            filter: traceIds.length === 0 ? filter : undefined,
            traceIds: traceIds.length > 0 ? traceIds : undefined,
          },
        },
      );
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
          ? `Queues the ${traceIds.length} selected trace${traceIds.length === 1 ? "" : "s"}.`
          : filter !== null
            ? `Queues every trace matching the traces-list filter: ${filter || "(no filter: the list default, the last 7 days)"}`
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
            No score configs yet (POST /api/public/score-configs); reviewers can still add labels.
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
