"use client";

import { useParams } from "next/navigation";
import { useState } from "react";

import type { MediaTag } from "@/lib/media/media-tag";

/**
 * A file a payload references by a Langfuse media tag, loaded from this project's media (same
 * origin, served under a sandboxing CSP): images and audio inline, anything else as a link.
 */
export function MediaReference({ tag }: { tag: MediaTag }) {
  const params = useParams<{ projectId?: string }>();
  const [missing, setMissing] = useState(false);
  const label = `[${tag.contentType}]`;
  if (!params.projectId || missing) {
    const note = missing ? " not found (not uploaded, or deleted)" : "";
    return (
      <span className="font-mono text-xs text-zinc-500" data-testid="media-missing">
        {label}
        {note}
      </span>
    );
  }

  const src = `/api/projects/${encodeURIComponent(params.projectId)}/media/${encodeURIComponent(
    tag.mediaId,
  )}`;
  const type = tag.contentType.toLowerCase();
  if (/^image\/(png|jpe?g|gif|webp|avif|bmp)$/.test(type)) {
    return (
      <a href={src} target="_blank" rel="noopener" className="my-1 inline-block">
        <img
          src={src}
          alt={`Attached ${type}`}
          loading="lazy"
          data-testid="media-image"
          onError={() => setMissing(true)}
          // An error before hydration fired no handler: a finished load without pixels failed.
          ref={(node) => {
            if (node?.complete && node.naturalWidth === 0) setMissing(true);
          }}
          className="max-h-64 max-w-full rounded border border-zinc-200 dark:border-zinc-700"
        />
      </a>
    );
  }
  if (type.startsWith("audio/")) {
    return <audio controls preload="none" src={src} className="my-1" data-testid="media-audio" />;
  }
  return (
    <a
      href={src}
      target="_blank"
      rel="noopener"
      data-testid="media-link"
      className="font-mono text-xs text-indigo-600 underline decoration-dotted dark:text-indigo-400"
    >
      {label} open
    </a>
  );
}
