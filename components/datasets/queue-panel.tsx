"use client";

import { useState } from "react";
import { apiFetch } from "@/components/ui/api-fetch";
import { buttonClass, cardClass, inputClass, labelClass } from "@/components/ui/styles";
import { describeAddResult } from "./add-selection-to-dataset";

/**
 * Adds the items of an annotation queue: optionally only completed ones, optionally only those a
 * reviewer labelled with a score of the given name and value (e.g. quality = good).
 */
export function QueuePanel({
  addUrl,
  queues,
  onAdded,
}: {
  addUrl: string;
  queues: Array<{ id: string; name: string }>;
  onAdded: () => void;
}) {
  const [queueId, setQueueId] = useState(queues[0]?.id ?? "");
  const [onlyCompleted, setOnlyCompleted] = useState(true);
  const [scoreName, setScoreName] = useState("");
  const [scoreValue, setScoreValue] = useState("");
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (queues.length === 0) {
    return (
      <p className={`${cardClass} text-sm text-zinc-500`} data-testid="queue-panel">
        This project has no annotation queues yet.
      </p>
    );
  }

  async function add() {
    setBusy(true);
    setError(null);
    try {
      const outcome = await apiFetch<{
        matched: number;
        added: number;
        skipped: number;
        missing: number;
      }>(addUrl, {
        method: "POST",
        body: {
          queueId,
          onlyCompleted,
          scoreName: scoreName.trim() || null,
          scoreValue: scoreValue.trim() || null,
        },
      });
      setResult(`${outcome.matched} queue items matched: ${describeAddResult(outcome)}`);
      onAdded();
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : "failed");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={`${cardClass} space-y-3`} data-testid="queue-panel">
      <div className="grid gap-2 sm:grid-cols-3">
        <label className={labelClass}>
          Queue
          <select
            className={`${inputClass} mt-1`}
            value={queueId}
            onChange={(event) => setQueueId(event.target.value)}
          >
            {queues.map((queue) => (
              <option key={queue.id} value={queue.id}>
                {queue.name}
              </option>
            ))}
          </select>
        </label>
        <label className={labelClass}>
          Label name (optional)
          <input
            className={`${inputClass} mt-1`}
            placeholder="quality"
            value={scoreName}
            onChange={(event) => setScoreName(event.target.value)}
          />
        </label>
        <label className={labelClass}>
          Label value (optional)
          <input
            className={`${inputClass} mt-1`}
            placeholder="good"
            value={scoreValue}
            onChange={(event) => setScoreValue(event.target.value)}
          />
        </label>
      </div>
      <label className="flex items-center gap-1 text-sm">
        <input
          type="checkbox"
          checked={onlyCompleted}
          onChange={(event) => setOnlyCompleted(event.target.checked)}
        />
        Only completed items
      </label>
      {result ? (
        <p className="text-sm" data-testid="queue-result">
          {result}
        </p>
      ) : null}
      {error ? <p className="text-sm text-red-600">{error}</p> : null}
      <button
        type="button"
        className={buttonClass}
        disabled={busy || !queueId}
        onClick={() => void add()}
      >
        Add queue items
      </button>
    </div>
  );
}
