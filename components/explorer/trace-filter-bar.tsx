"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { fromDateTimeLocalValue, toDateTimeLocalValue } from "@/lib/explorer/format";
import { TIME_RANGE_KEYS, timeRangeLabel, type TimeRangeKey } from "@/lib/explorer/time-range";
import type { TraceListQuery } from "@/lib/explorer/trace-list-query";
import type { TraceFilterOptions } from "@/lib/explorer/types";
import { TimeZoneSelect, useDisplayTimeZone } from "./time-zone";
import { useListHref } from "./use-list-href";

/** Text filters of the panel: URL key, label and where suggestions come from. */
const TEXT_FILTERS = [
  { key: "name", label: "Name", options: "names" },
  { key: "user", label: "User id", options: null },
  { key: "session", label: "Session id", options: null },
  { key: "feature", label: "Feature", options: "features" },
  { key: "model", label: "Model", options: "models" },
  { key: "env", label: "Environment", options: "environments" },
  { key: "release", label: "Release", options: "releases" },
] as const satisfies ReadonlyArray<{
  key: keyof TraceListQuery;
  label: string;
  options: keyof TraceFilterOptions | null;
}>;

type TextFilterKey = (typeof TEXT_FILTERS)[number]["key"];

const SORT_CHOICES = [
  { label: "Newest first", sort: "time", order: "desc" },
  { label: "Oldest first", sort: "time", order: "asc" },
  { label: "Slowest first", sort: "latency", order: "desc" },
  { label: "Fastest first", sort: "latency", order: "asc" },
  { label: "Most expensive", sort: "cost", order: "desc" },
  { label: "Cheapest", sort: "cost", order: "asc" },
  { label: "Most tokens", sort: "tokens", order: "desc" },
  { label: "Fewest tokens", sort: "tokens", order: "asc" },
] as const;

interface Draft {
  text: Record<TextFilterKey, string>;
  tags: string;
  status: "" | "error" | "ok";
  minLatency: string;
  maxLatency: string;
  minCost: string;
  maxCost: string;
}

function draftOf(query: TraceListQuery): Draft {
  const text = Object.fromEntries(TEXT_FILTERS.map(({ key }) => [key, query[key] ?? ""])) as Record<
    TextFilterKey,
    string
  >;
  return {
    text,
    tags: query.tag.join(", "),
    status: query.status ?? "",
    minLatency: query.minLatency?.toString() ?? "",
    maxLatency: query.maxLatency?.toString() ?? "",
    minCost: query.minCost ?? "",
    maxCost: query.maxCost ?? "",
  };
}

function changesOf(draft: Draft): Partial<TraceListQuery> {
  const text = Object.fromEntries(
    TEXT_FILTERS.map(({ key }) => [key, draft.text[key].trim() || undefined]),
  );
  const number = (value: string) => (value.trim() === "" ? undefined : Number(value));
  return {
    ...text,
    tag: draft.tags
      .split(",")
      .map((tag) => tag.trim())
      .filter(Boolean),
    status: draft.status || undefined,
    minLatency: number(draft.minLatency),
    maxLatency: number(draft.maxLatency),
    minCost: draft.minCost.trim() || undefined,
    maxCost: draft.maxCost.trim() || undefined,
  };
}

/** Chips of the active filters, each removable on its own. */
function activeChips(
  query: TraceListQuery,
): Array<{ label: string; clear: Partial<TraceListQuery> }> {
  const chips: Array<{ label: string; clear: Partial<TraceListQuery> }> = [];
  for (const { key, label } of TEXT_FILTERS) {
    const value = query[key];
    if (value) chips.push({ label: `${label}: ${value}`, clear: { [key]: undefined } });
  }
  for (const tag of query.tag) {
    chips.push({
      label: `Tag: ${tag}`,
      clear: { tag: query.tag.filter((other) => other !== tag) },
    });
  }
  if (query.status) {
    chips.push({
      label: query.status === "error" ? "With errors" : "Without errors",
      clear: { status: undefined },
    });
  }
  if (query.minLatency !== undefined)
    chips.push({ label: `Latency ≥ ${query.minLatency} ms`, clear: { minLatency: undefined } });
  if (query.maxLatency !== undefined)
    chips.push({ label: `Latency ≤ ${query.maxLatency} ms`, clear: { maxLatency: undefined } });
  if (query.minCost !== undefined)
    chips.push({ label: `Cost ≥ $${query.minCost}`, clear: { minCost: undefined } });
  if (query.maxCost !== undefined)
    chips.push({ label: `Cost ≤ $${query.maxCost}`, clear: { maxCost: undefined } });
  if (query.q) chips.push({ label: `Search: ${query.q}`, clear: { q: undefined } });
  return chips;
}

const smallInput = `${inputClass} !py-1 text-xs`;

/** Search, time range, filters and sort of the traces list; every change lands in the URL. */
export function TraceFilterBar({
  query,
  options,
}: {
  query: TraceListQuery;
  options: TraceFilterOptions;
}) {
  const router = useRouter();
  const listHref = useListHref(query);
  const timeZone = useDisplayTimeZone();
  const [pending, startTransition] = useTransition();
  const [search, setSearch] = useState(query.q ?? "");
  const [panelOpen, setPanelOpen] = useState(false);
  const [draft, setDraft] = useState(() => draftOf(query));
  const [range, setRange] = useState<TimeRangeKey>(query.range);
  // Kept as instants, shown in the display time zone (which may change after hydration).
  const [customFrom, setCustomFrom] = useState(query.from);
  const [customTo, setCustomTo] = useState(query.to);
  // Each label names its control (htmlFor), so that its visible text is the control's name.
  const idPrefix = useId();
  const controlId = (name: string) => `${idPrefix}-${name}`;

  const go = (changes: Partial<TraceListQuery>) => {
    startTransition(() => router.push(listHref(changes)));
  };

  const chips = activeChips(query);
  const sortValue = `${query.sort}:${query.order}`;

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    go({ q: search.trim() || undefined });
  };

  const onApplyFilters = (event: FormEvent) => {
    event.preventDefault();
    go(changesOf(draft));
    setPanelOpen(false);
  };

  const onRangeChange = (next: TimeRangeKey) => {
    setRange(next);
    if (next !== "custom") go({ range: next, from: undefined, to: undefined });
  };

  const applyCustomRange = () => {
    go({ range: "custom", from: customFrom, to: customTo });
  };

  return (
    <div className="space-y-2" data-pending={pending ? "" : undefined}>
      <div className="flex flex-wrap items-center gap-2">
        <form onSubmit={onSearch} className="min-w-56 flex-1" role="search">
          <input
            type="search"
            aria-label="Search traces"
            placeholder="Search span names, input, output or a trace id…"
            title={
              "Finds traces with the text in the name, input or output of any of their spans, " +
              "or whose trace id starts with it (4 or more hex digits)"
            }
            className={inputClass}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </form>
        <select
          aria-label="Time range"
          className={`${inputClass} !w-auto`}
          value={range}
          onChange={(event) => onRangeChange(event.target.value as TimeRangeKey)}
        >
          {TIME_RANGE_KEYS.map((key) => (
            <option key={key} value={key}>
              {timeRangeLabel(key)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={secondaryButtonClass}
          aria-expanded={panelOpen}
          onClick={() => setPanelOpen(!panelOpen)}
        >
          Filters{chips.length > 0 ? ` (${chips.length})` : ""}
        </button>
        <select
          aria-label="Sort"
          className={`${inputClass} !w-auto`}
          value={sortValue}
          onChange={(event) => {
            const choice = SORT_CHOICES.find(
              (item) => `${item.sort}:${item.order}` === event.target.value,
            );
            if (choice) go({ sort: choice.sort, order: choice.order });
          }}
        >
          {SORT_CHOICES.map((choice) => (
            <option key={`${choice.sort}:${choice.order}`} value={`${choice.sort}:${choice.order}`}>
              {choice.label}
            </option>
          ))}
        </select>
        <TimeZoneSelect />
        {pending ? (
          <span className="text-xs text-zinc-500" role="status">
            Loading…
          </span>
        ) : null}
      </div>

      {range === "custom" ? (
        <div className="flex flex-wrap items-end gap-2 text-xs">
          <div className="space-y-0.5">
            <label htmlFor={controlId("from")} className="block text-zinc-500">
              From ({timeZone})
            </label>
            <input
              id={controlId("from")}
              type="datetime-local"
              className={smallInput}
              value={toDateTimeLocalValue(customFrom, timeZone)}
              onChange={(event) =>
                setCustomFrom(fromDateTimeLocalValue(event.target.value, timeZone))
              }
            />
          </div>
          <div className="space-y-0.5">
            <label htmlFor={controlId("to")} className="block text-zinc-500">
              To ({timeZone})
            </label>
            <input
              id={controlId("to")}
              type="datetime-local"
              className={smallInput}
              value={toDateTimeLocalValue(customTo, timeZone)}
              onChange={(event) =>
                setCustomTo(fromDateTimeLocalValue(event.target.value, timeZone))
              }
            />
          </div>
          <button type="button" className={buttonClass} onClick={applyCustomRange}>
            Apply range
          </button>
        </div>
      ) : null}

      {panelOpen ? (
        <form
          onSubmit={onApplyFilters}
          className="grid gap-3 rounded-lg border border-zinc-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-4 dark:border-zinc-800 dark:bg-zinc-900"
          aria-label="Filters"
        >
          {TEXT_FILTERS.map(({ key, label, options: optionsKey }) => (
            <div key={key} className="space-y-0.5 text-xs">
              <label htmlFor={controlId(key)} className="block text-zinc-500">
                {label}
              </label>
              <input
                id={controlId(key)}
                className={smallInput}
                list={optionsKey ? `filter-options-${key}` : undefined}
                value={draft.text[key]}
                onChange={(event) =>
                  setDraft({ ...draft, text: { ...draft.text, [key]: event.target.value } })
                }
              />
              {optionsKey ? (
                <datalist id={`filter-options-${key}`}>
                  {options[optionsKey].map((value) => (
                    <option key={value} value={value} />
                  ))}
                </datalist>
              ) : null}
            </div>
          ))}
          <div className="space-y-0.5 text-xs">
            <label htmlFor={controlId("tags")} className="block text-zinc-500">
              Tags (all of, comma-separated)
            </label>
            <input
              id={controlId("tags")}
              className={smallInput}
              list="filter-options-tags"
              value={draft.tags}
              onChange={(event) => setDraft({ ...draft, tags: event.target.value })}
            />
            <datalist id="filter-options-tags">
              {options.tags.map((value) => (
                <option key={value} value={value} />
              ))}
            </datalist>
          </div>
          <div className="space-y-0.5 text-xs">
            <label htmlFor={controlId("status")} className="block text-zinc-500">
              Status
            </label>
            <select
              id={controlId("status")}
              className={smallInput}
              value={draft.status}
              onChange={(event) =>
                setDraft({ ...draft, status: event.target.value as Draft["status"] })
              }
            >
              <option value="">Any</option>
              <option value="error">With errors</option>
              <option value="ok">Without errors</option>
            </select>
          </div>
          <fieldset className="space-y-0.5 text-xs">
            <legend className="text-zinc-500">Latency (ms)</legend>
            <div className="flex gap-1">
              <input
                className={smallInput}
                aria-label="Min latency"
                inputMode="decimal"
                placeholder="min"
                value={draft.minLatency}
                onChange={(event) => setDraft({ ...draft, minLatency: event.target.value })}
              />
              <input
                className={smallInput}
                aria-label="Max latency"
                inputMode="decimal"
                placeholder="max"
                value={draft.maxLatency}
                onChange={(event) => setDraft({ ...draft, maxLatency: event.target.value })}
              />
            </div>
          </fieldset>
          <fieldset className="space-y-0.5 text-xs">
            <legend className="text-zinc-500">Cost (USD)</legend>
            <div className="flex gap-1">
              <input
                className={smallInput}
                aria-label="Min cost"
                inputMode="decimal"
                placeholder="min"
                value={draft.minCost}
                onChange={(event) => setDraft({ ...draft, minCost: event.target.value })}
              />
              <input
                className={smallInput}
                aria-label="Max cost"
                inputMode="decimal"
                placeholder="max"
                value={draft.maxCost}
                onChange={(event) => setDraft({ ...draft, maxCost: event.target.value })}
              />
            </div>
          </fieldset>
          <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
            <button type="submit" className={buttonClass}>
              Apply filters
            </button>
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => setDraft(draftOf({ ...query, tag: [], ...clearedFilters }))}
            >
              Clear
            </button>
          </div>
        </form>
      ) : null}

      {chips.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1.5" aria-label="Active filters">
          {chips.map((chip) => (
            <button
              key={chip.label}
              type="button"
              onClick={() => go(chip.clear)}
              className="inline-flex max-w-xs items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 px-2 py-0.5 text-xs text-indigo-800 hover:border-indigo-400 dark:border-indigo-900 dark:bg-indigo-950/50 dark:text-indigo-200"
              title="Remove this filter"
            >
              <span className="truncate">{chip.label}</span>
              <span aria-hidden>×</span>
            </button>
          ))}
          <button
            type="button"
            className="text-xs text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"
            onClick={() => go({ ...clearedFilters, tag: [] })}
          >
            Clear all
          </button>
        </div>
      ) : null}
    </div>
  );
}

const clearedFilters: Partial<TraceListQuery> = {
  name: undefined,
  user: undefined,
  session: undefined,
  feature: undefined,
  model: undefined,
  env: undefined,
  release: undefined,
  status: undefined,
  minLatency: undefined,
  maxLatency: undefined,
  minCost: undefined,
  maxCost: undefined,
  q: undefined,
};
