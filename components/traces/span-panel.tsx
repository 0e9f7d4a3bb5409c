"use client";

import { useState } from "react";
import { AddToDataset } from "@/components/datasets/add-to-dataset";
import { DisplayTime } from "@/components/explorer/time-zone";
import { SpanScores } from "@/components/scores/span-scores";
import { formatDuration } from "@/lib/explorer/format";
import type { SkeletonNode, SpanDetail } from "@/lib/explorer/types";
import { IdChip } from "./id-chip";
import { JsonView } from "./json-view";
import { PayloadView } from "./payload-view";
import { AttributesTab, EventsTab, MappingTab } from "./span-attributes";
import { SpanTypeBadge } from "./span-type-badge";
import { UsageAndCost } from "./usage-cost";
import { useSpanDetail, type SpanDetailCache } from "./use-span-detail";

const TABS = ["Preview", "JSON", "Attributes", "Events", "Mapping"] as const;
type Tab = (typeof TABS)[number];

function PayloadSection({ title, value }: { title: string; value: unknown }) {
  return (
    <section className="space-y-1.5" aria-label={title}>
      <h4 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{title}</h4>
      <PayloadView value={value} />
    </section>
  );
}

function ModelLine({ span }: { span: SpanDetail }) {
  if (!span.model && !span.provider) return null;
  const requested =
    span.requestModel && span.requestModel !== span.model ? `requested ${span.requestModel}` : null;
  return (
    <p className="text-xs text-zinc-600 dark:text-zinc-400">
      <span className="text-zinc-500">Model </span>
      <span className="font-mono font-medium text-zinc-900 dark:text-zinc-100">
        {span.model ?? "unknown"}
      </span>
      {span.provider ? <span> · {span.provider}</span> : null}
      {requested ? <span> · {requested}</span> : null}
    </p>
  );
}

function SpanBody({ span, tab }: { span: SpanDetail; tab: Tab }) {
  switch (tab) {
    case "Preview":
      return (
        <div className="space-y-5">
          <PayloadSection title="Input" value={span.input} />
          <PayloadSection title="Output" value={span.output} />
        </div>
      );
    case "JSON":
      return (
        <div className="space-y-5">
          <section className="space-y-1.5">
            <h4 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Input</h4>
            <JsonView value={span.input} />
          </section>
          <section className="space-y-1.5">
            <h4 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Output</h4>
            <JsonView value={span.output} />
          </section>
          <section className="space-y-1.5">
            <h4 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">
              Whole span
            </h4>
            <JsonView value={span} defaultOpenDepth={1} />
          </section>
        </div>
      );
    case "Attributes":
      return <AttributesTab span={span} />;
    case "Events":
      return <EventsTab span={span} />;
    case "Mapping":
      return <MappingTab span={span} />;
  }
}

/** The selected span: header from the tree at once, payloads once loaded. */
export function SpanPanel({
  projectId,
  traceId,
  node,
  cache,
  canWrite,
}: {
  projectId: string;
  traceId: string;
  node: SkeletonNode | null;
  cache: SpanDetailCache;
  /** Members and up: viewers get no "Add span to dataset" (the API would refuse it). */
  canWrite: boolean;
}) {
  const [tab, setTab] = useState<Tab>("Preview");
  const { detail, error, loading } = useSpanDetail(projectId, traceId, node?.spanId ?? null, cache);

  if (!node) {
    return <p className="p-4 text-sm text-zinc-500">Select a span to see its input and output.</p>;
  }

  const isError = node.level === "ERROR";
  return (
    <div
      className="flex h-full min-h-0 flex-col"
      data-testid="span-panel"
      data-span-id={node.spanId}
    >
      <header className="space-y-2 border-b border-zinc-200 p-4 dark:border-zinc-800">
        <div className="flex items-start gap-2">
          <SpanTypeBadge type={node.type} />
          <h3 className="min-w-0 flex-1 text-sm font-semibold break-words" data-testid="span-title">
            {node.name || "(unnamed span)"}
          </h3>
          {isError ? (
            <span className="rounded bg-red-100 px-1.5 py-px text-[10px] font-semibold text-red-700 dark:bg-red-950 dark:text-red-300">
              ERROR
            </span>
          ) : null}
        </div>
        {isError && (detail?.statusMessage ?? node.statusMessage) ? (
          <p className="rounded-md bg-red-50 px-2 py-1 text-xs break-words text-red-800 dark:bg-red-950/40 dark:text-red-300">
            {detail?.statusMessage ?? node.statusMessage}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-1.5">
          <IdChip label="Span" value={node.spanId} />
          <IdChip label="Trace" value={traceId} />
          {canWrite ? (
            <AddToDataset projectId={projectId} traceId={traceId} observationId={node.spanId} />
          ) : null}
          {node.declaredParentSpanId ? (
            <IdChip label="Parent" value={node.declaredParentSpanId} />
          ) : null}
        </div>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {detail ? <DisplayTime iso={detail.startTime} /> : null}
          <span className="ml-2">
            <span className="text-zinc-500">Duration </span>
            <span className="font-mono">{formatDuration(node.durationMs)}</span>
          </span>
          <span className="ml-2">
            <span className="text-zinc-500">Self </span>
            <span className="font-mono">{formatDuration(node.selfMs)}</span>
          </span>
          <span className="ml-2">
            <span className="text-zinc-500">Offset </span>
            <span className="font-mono">+{formatDuration(node.startMs)}</span>
          </span>
          {detail?.timeToFirstTokenMs != null ? (
            <span className="ml-2" data-testid="span-time-to-first-token">
              <span className="text-zinc-500">Time to first token </span>
              <span className="font-mono">{formatDuration(detail.timeToFirstTokenMs)}</span>
            </span>
          ) : null}
        </p>
        {node.cycleBroken ? (
          <p className="text-xs text-amber-700 dark:text-amber-400">
            Its parent chain loops back to itself; the loop was cut here to show it as a root.
          </p>
        ) : null}
        {node.parentMissing ? (
          <p className="text-xs text-amber-700 dark:text-amber-400">
            Its parent span is not in this trace (it may not have arrived yet), so it is shown as a
            provisional root.
          </p>
        ) : null}
        {detail ? <ModelLine span={detail} /> : null}
        {detail ? <UsageAndCost usage={detail.usage} cost={detail.cost} /> : null}
      </header>

      <div
        role="tablist"
        aria-label="Span details"
        className="flex gap-1 border-b border-zinc-200 px-3 dark:border-zinc-800"
      >
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            onClick={() => setTab(name)}
            className={`-mb-px border-b-2 px-2 py-1.5 text-xs font-medium ${tab === name ? "border-indigo-600 text-zinc-900 dark:text-zinc-100" : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"}`}
          >
            {name}
          </button>
        ))}
      </div>

      <div className="min-h-0 flex-1 overflow-y-auto p-4" role="tabpanel">
        <SpanScores projectId={projectId} traceId={traceId} spanId={node.spanId} />
        {loading ? <p className="text-xs text-zinc-500">Loading span…</p> : null}
        {error ? (
          <p className="text-xs text-red-600" role="alert">
            Could not load the span: {error}
          </p>
        ) : null}
        {detail ? <SpanBody span={detail} tab={tab} /> : null}
      </div>
    </div>
  );
}
