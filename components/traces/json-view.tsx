"use client";

import { useState } from "react";
import { readMediaTag } from "@/lib/media/media-tag";
import { countOf } from "@/lib/text/plural";

import { MediaReference } from "./media-reference";

/**
 * Pretty, collapsible JSON. Only expanded nodes render their children, so a large or deeply
 * nested value costs what the reader opens; long strings and arrays are shown a slice at a time.
 */

const STRING_PREVIEW_CHARS = 2000;
const ITEMS_PER_SLICE = 100;

type JsonEntry = [key: string, value: unknown];

function entriesOf(value: object): JsonEntry[] {
  return Array.isArray(value)
    ? value.map((item, index): JsonEntry => [String(index), item])
    : Object.entries(value);
}

function JsonString({ value }: { value: string }) {
  const [full, setFull] = useState(false);
  const long = value.length > STRING_PREVIEW_CHARS;
  const shown = long && !full ? value.slice(0, STRING_PREVIEW_CHARS) : value;
  return (
    <span className="break-words whitespace-pre-wrap text-emerald-700 dark:text-emerald-400">
      &quot;{shown}
      {long && !full ? (
        <button
          type="button"
          className="ml-1 rounded bg-zinc-200 px-1 text-[10px] text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
          onClick={() => setFull(true)}
        >
          … {value.length - STRING_PREVIEW_CHARS} more characters
        </button>
      ) : null}
      &quot;
    </span>
  );
}

/** A string that is a media tag keeps its text (this is the raw view) and shows the file. */
function JsonMediaString({ value }: { value: string }) {
  const tag = readMediaTag(value);
  if (!tag) return <JsonString value={value} />;
  return (
    <>
      <JsonString value={value} />
      <span className="block">
        <MediaReference tag={tag} />
      </span>
    </>
  );
}

function JsonScalar({ value }: { value: unknown }) {
  if (typeof value === "string") return <JsonMediaString value={value} />;
  if (typeof value === "number")
    return <span className="text-sky-700 dark:text-sky-400">{value}</span>;
  if (typeof value === "boolean")
    return <span className="text-violet-700 dark:text-violet-400">{String(value)}</span>;
  if (value === null) return <span className="text-zinc-500">null</span>;
  return <span className="text-zinc-500">{String(value)}</span>;
}

function JsonNode({
  name,
  value,
  depth,
  defaultOpenDepth,
}: {
  name: string | null;
  value: unknown;
  depth: number;
  defaultOpenDepth: number;
}) {
  const structured = typeof value === "object" && value !== null;
  const entries = structured ? entriesOf(value) : [];
  const [open, setOpen] = useState(depth < defaultOpenDepth && entries.length <= 200);
  const [shownCount, setShownCount] = useState(ITEMS_PER_SLICE);
  const label =
    name === null ? null : <span className="text-zinc-700 dark:text-zinc-300">{name}: </span>;

  if (!structured) {
    return (
      <div className="pl-4">
        {label}
        <JsonScalar value={value} />
      </div>
    );
  }

  const isArray = Array.isArray(value);
  const [opening, closing] = isArray ? ["[", "]"] : ["{", "}"];
  const summary = countOf(entries.length, isArray ? "item" : "key");

  return (
    <div className={depth === 0 ? "" : "pl-4"}>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="-ml-4 inline-flex items-baseline text-left hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        <span className="inline-block w-4 text-center text-zinc-400">{open ? "▾" : "▸"}</span>
        {label}
        <span className="text-zinc-500">
          {opening}
          {open ? "" : ` ${summary} ${closing}`}
        </span>
      </button>
      {open ? (
        <>
          {entries.slice(0, shownCount).map(([key, child]) => (
            <JsonNode
              key={key}
              name={isArray ? null : key}
              value={child}
              depth={depth + 1}
              defaultOpenDepth={defaultOpenDepth}
            />
          ))}
          {entries.length > shownCount ? (
            <button
              type="button"
              className="ml-4 rounded bg-zinc-200 px-1 text-[10px] text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
              onClick={() => setShownCount(shownCount + ITEMS_PER_SLICE)}
            >
              Show {Math.min(ITEMS_PER_SLICE, entries.length - shownCount)} more of{" "}
              {entries.length - shownCount}
            </button>
          ) : null}
          <div className="text-zinc-500">{closing}</div>
        </>
      ) : null}
    </div>
  );
}

/** A JSON value as a collapsible tree (objects open two levels deep by default). */
export function JsonView({
  value,
  defaultOpenDepth = 2,
}: {
  value: unknown;
  defaultOpenDepth?: number;
}) {
  return (
    <div className="overflow-x-auto pl-4 font-mono text-xs leading-5" data-testid="json-view">
      <JsonNode name={null} value={value} depth={0} defaultOpenDepth={defaultOpenDepth} />
    </div>
  );
}
