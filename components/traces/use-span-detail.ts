"use client";

import { useEffect, useState } from "react";
import type { SpanDetail } from "@/lib/explorer/types";

type Loaded = { spanId: string; detail: SpanDetail } | { spanId: string; error: string };

/** Cache of loaded spans for one trace page, so that going back to a span is instant. */
export type SpanDetailCache = Map<string, SpanDetail>;

/**
 * Loads one span's payloads on demand (the tree itself carries none). A newer selection makes
 * an older answer irrelevant, so each request is aborted when the selection moves on.
 */
export function useSpanDetail(
  projectId: string,
  traceId: string,
  spanId: string | null,
  cache: SpanDetailCache,
): { detail: SpanDetail | null; error: string | null; loading: boolean } {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const cached = spanId ? cache.get(spanId) : undefined;

  useEffect(() => {
    if (!spanId || cache.has(spanId)) return;
    const controller = new AbortController();
    const url =
      `/api/projects/${encodeURIComponent(projectId)}/traces/${encodeURIComponent(traceId)}` +
      `/spans/${encodeURIComponent(spanId)}`;

    fetch(url, { signal: controller.signal })
      .then(async (response) => {
        const body = (await response.json().catch(() => ({}))) as SpanDetail & { error?: string };
        if (!response.ok) throw new Error(body.error ?? `Request failed (${response.status})`);
        cache.set(spanId, body);
        setLoaded({ spanId, detail: body });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ spanId, error: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [projectId, traceId, spanId, cache]);

  if (!spanId) return { detail: null, error: null, loading: false };
  if (cached) return { detail: cached, error: null, loading: false };
  if (loaded?.spanId === spanId) {
    return "error" in loaded
      ? { detail: null, error: loaded.error, loading: false }
      : { detail: loaded.detail, error: null, loading: false };
  }
  return { detail: null, error: null, loading: true };
}
