"use client";

import { useCallback, useEffect, useState } from "react";

import { apiFetch } from "@/components/ui/api-fetch";
import type { AnnotatedScore, ScoringConfig } from "@/lib/scores/annotation-scores";

export interface TargetScores {
  scores: AnnotatedScore[];
  configs: ScoringConfig[];
  userId: string;
  canScore: boolean;
  canDeleteAny: boolean;
}

export interface ScoreTarget {
  projectId: string;
  traceId: string;
  /** Null scores the whole trace. */
  observationId: string | null;
  /** The annotation queue the scores are given in, if any. */
  queueId?: string | null;
}

/** The scores and score configs of one trace or span, reloaded after every change. */
export function useTargetScores(target: ScoreTarget) {
  const { projectId, traceId, observationId, queueId = null } = target;
  const [data, setData] = useState<TargetScores | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const query = new URLSearchParams({ traceId });
    if (observationId) query.set("observationId", observationId);
    apiFetch<TargetScores>(`/api/projects/${projectId}/scores?${query.toString()}`)
      .then((next) => {
        if (cancelled) return;
        setData(next);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(failure instanceof Error ? failure.message : String(failure));
      });
    return () => {
      cancelled = true;
    };
  }, [projectId, traceId, observationId, version]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);

  const save = useCallback(
    async (body: Record<string, unknown>) => {
      await apiFetch(`/api/projects/${projectId}/scores`, {
        method: "POST",
        body: { traceId, observationId, ...(queueId ? { queueId } : {}), ...body },
      });
      reload();
    },
    [projectId, traceId, observationId, queueId, reload],
  );

  const remove = useCallback(
    async (scoreId: string) => {
      await apiFetch(`/api/projects/${projectId}/scores/${encodeURIComponent(scoreId)}`, {
        method: "DELETE",
      });
      reload();
    },
    [projectId, reload],
  );

  return { data, error, setError, save, remove, reload };
}
