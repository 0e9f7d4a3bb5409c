"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const POLL_MS = 3000;

/** On an empty project, checks for a first trace every few seconds and shows it when it lands. */
export function WaitForFirstTrace({ projectId }: { projectId: string }) {
  const router = useRouter();

  useEffect(() => {
    const url = `/api/projects/${encodeURIComponent(projectId)}/traces?range=all&limit=1`;
    const timer = setInterval(() => {
      if (document.hidden) return;
      void fetch(url)
        .then((response) =>
          response.ok ? (response.json() as Promise<{ data: unknown[] }>) : null,
        )
        .then((body) => {
          if (body && body.data.length > 0) router.refresh();
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [projectId, router]);

  return (
    <p className="flex items-center gap-2 text-sm text-zinc-500" role="status">
      <span className="h-2 w-2 animate-pulse rounded-full bg-emerald-500" aria-hidden />
      Waiting for the first trace… this page updates by itself.
    </p>
  );
}
