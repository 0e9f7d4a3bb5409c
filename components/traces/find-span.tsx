"use client";

import { useMemo, useState, type KeyboardEvent } from "react";
import type { SkeletonNode } from "@/lib/explorer/types";

/**
 * Finds spans by name, type or model in a large trace: Enter goes to the next match (Shift+Enter
 * to the previous), opening collapsed parents on the way.
 */
export function FindSpan({
  nodes,
  selected,
  onFound,
}: {
  nodes: SkeletonNode[];
  selected: number | null;
  onFound: (index: number) => void;
}) {
  const [text, setText] = useState("");
  const matches = useMemo(() => {
    const needle = text.trim().toLowerCase();
    if (!needle) return [];
    const found: number[] = [];
    nodes.forEach((node, index) => {
      if (
        node.name.toLowerCase().includes(needle) ||
        node.type.toLowerCase() === needle ||
        node.model?.toLowerCase().includes(needle) ||
        node.spanId === needle
      ) {
        found.push(index);
      }
    });
    return found;
  }, [nodes, text]);

  const position = selected !== null ? matches.indexOf(selected) : -1;

  const go = (direction: 1 | -1) => {
    if (matches.length === 0) return;
    let next: number;
    if (position >= 0) next = (position + direction + matches.length) % matches.length;
    else if (direction === 1) {
      const after = matches.findIndex((index) => selected === null || index > selected);
      next = after >= 0 ? after : 0;
    } else next = matches.length - 1;
    onFound(matches[next] as number);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    go(event.shiftKey ? -1 : 1);
  };

  return (
    <span className="flex items-center gap-1">
      <input
        type="search"
        aria-label="Find span"
        placeholder="Find span…"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        className="w-36 rounded-md border border-zinc-300 bg-white px-2 py-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-900"
      />
      {text.trim() ? (
        <span
          className="text-[11px] text-zinc-500 tabular-nums"
          role="status"
          data-testid="find-count"
        >
          {matches.length === 0
            ? "no match"
            : `${position >= 0 ? position + 1 : "–"} of ${matches.length}`}
        </span>
      ) : null}
    </span>
  );
}
