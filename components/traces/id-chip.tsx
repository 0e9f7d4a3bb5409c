"use client";

import { useState } from "react";

/** A labelled id in monospace with a one-click copy, compact enough for dense headers. */
export function IdChip({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="inline-flex max-w-full items-center gap-1 rounded-md border border-zinc-200 bg-zinc-50 py-0.5 pr-0.5 pl-1.5 text-xs dark:border-zinc-800 dark:bg-zinc-900">
      <span className="text-zinc-500">{label}</span>
      <code className="truncate font-mono text-zinc-800 dark:text-zinc-200" title={value}>
        {value}
      </code>
      <button
        type="button"
        aria-label={`Copy ${label.toLowerCase()}`}
        className="rounded px-1 text-[10px] text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1200);
          });
        }}
      >
        {copied ? "copied" : "copy"}
      </button>
    </span>
  );
}
