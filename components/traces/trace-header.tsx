import Link from "next/link";
import { AddToDataset } from "@/components/datasets/add-to-dataset";
import { DisplayTime, TimeZoneSelect } from "@/components/explorer/time-zone";
import { TraceScores } from "@/components/scores/trace-scores";
import { formatCost, formatDuration, formatTokens } from "@/lib/explorer/format";
import type { TraceSummary } from "@/lib/explorer/types";
import { DeleteTraceButton } from "./delete-trace-button";
import { IdChip } from "./id-chip";
import { countOf } from "@/lib/text/plural";

/** One figure of the trace header, with a detail line that wraps rather than hides its end. */
export function Stat({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  detail?: string | null;
  testId?: string;
}) {
  return (
    <div className="min-w-0 rounded-lg border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="text-[11px] text-zinc-500">{label}</div>
      <div className="font-mono text-base font-semibold tabular-nums" data-testid={testId}>
        {value}
      </div>
      {detail ? (
        <div className="text-[11px] break-words text-zinc-500" title={detail}>
          {detail}
        </div>
      ) : null}
    </div>
  );
}

function MetaLink({ label, value, href }: { label: string; value: string; href: string }) {
  return (
    <Link
      href={href}
      className="inline-flex max-w-full items-center gap-1 rounded-md border border-zinc-200 px-1.5 py-0.5 text-xs hover:border-indigo-400 dark:border-zinc-800"
    >
      <span className="text-zinc-500">{label}</span>
      <span className="truncate font-mono">{value}</span>
    </Link>
  );
}

function MetaText({ label, value }: { label: string; value: string }) {
  return (
    <span className="inline-flex max-w-full items-center gap-1 rounded-md border border-zinc-200 px-1.5 py-0.5 text-xs dark:border-zinc-800">
      <span className="text-zinc-500">{label}</span>
      <span className="truncate font-mono">{value}</span>
    </span>
  );
}

function costDetail({ cost, unpricedCount }: TraceSummary): string | null {
  const parts: string[] = [];
  if (cost.input !== null || cost.output !== null) {
    parts.push(`${formatCost(cost.input)} in · ${formatCost(cost.output)} out`);
  }
  if (unpricedCount > 0) {
    parts.push(`${countOf(unpricedCount, "generation")} without a price`);
  }
  return parts.join(" · ") || null;
}

/** The trace's rollup above the tree: identity, totals and the values it can be filtered by. */
export function TraceHeader({
  projectId,
  summary,
  canWrite,
}: {
  projectId: string;
  summary: TraceSummary;
  /** Members and up: viewers get no "Add to dataset" or "Delete trace" (the API refuses them). */
  canWrite: boolean;
}) {
  const base = `/project/${projectId}`;
  const tracesWith = (key: string, value: string) =>
    `${base}/traces?${new URLSearchParams({ [key]: value, range: "all" }).toString()}`;
  const { tokens, cost } = summary;
  const tokenParts = [
    tokens.cacheRead > 0 ? `${formatTokens(tokens.cacheRead)} cached` : null,
    tokens.reasoning > 0 ? `${formatTokens(tokens.reasoning)} reasoning` : null,
  ].filter(Boolean);
  const tokenDetail =
    `${formatTokens(tokens.input)} in → ${formatTokens(tokens.output)} out` +
    (tokenParts.length ? ` · ${tokenParts.join(", ")}` : "");

  return (
    <header className="space-y-3">
      <nav className="text-xs text-zinc-500" aria-label="Breadcrumb">
        <Link href={`${base}/traces`} className="hover:text-zinc-900 dark:hover:text-zinc-100">
          Traces
        </Link>
        <span className="mx-1">/</span>
        <span className="font-mono">{summary.traceId.slice(0, 12)}…</span>
      </nav>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="min-w-0 text-lg font-semibold break-words" data-testid="trace-name">
          {summary.name ?? "Unnamed trace"}
        </h1>
        {summary.errorCount > 0 ? (
          <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap text-red-700 dark:bg-red-950 dark:text-red-300">
            {countOf(summary.errorCount, "error")}
          </span>
        ) : null}
        <IdChip label="Trace" value={summary.traceId} />
        {canWrite ? <AddToDataset projectId={projectId} traceId={summary.traceId} /> : null}
        {canWrite ? (
          <DeleteTraceButton
            projectId={projectId}
            traceId={summary.traceId}
            spanCount={summary.spanCount}
          />
        ) : null}
        <span className="ml-auto flex items-center gap-3 text-xs text-zinc-500">
          <DisplayTime iso={summary.startTime} />
          <TimeZoneSelect />
        </span>
      </div>

      <div
        className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5"
        data-testid="trace-totals"
      >
        <Stat label="Latency" value={formatDuration(summary.latencyMs)} testId="total-latency" />
        <Stat
          label="Tokens"
          value={formatTokens(tokens.total)}
          detail={tokenDetail}
          testId="total-tokens"
        />
        <Stat
          label="Cost"
          value={formatCost(cost.total)}
          detail={costDetail(summary)}
          testId="total-cost"
        />
        <Stat
          label="Spans"
          value={summary.spanCount.toLocaleString("en-US")}
          detail={
            summary.missingParentCount > 0
              ? `${summary.missingParentCount} with a missing parent`
              : null
          }
          testId="total-spans"
        />
        <Stat
          label="Models"
          value={summary.models.length > 0 ? String(summary.models.length) : "–"}
          detail={summary.models.join(", ") || null}
        />
      </div>

      <div className="flex flex-wrap gap-1.5">
        {summary.userId ? (
          <MetaLink label="User" value={summary.userId} href={tracesWith("user", summary.userId)} />
        ) : null}
        {summary.sessionId ? (
          <MetaLink
            label="Session"
            value={summary.sessionId}
            href={`${base}/sessions/${encodeURIComponent(summary.sessionId)}`}
          />
        ) : null}
        {summary.feature ? (
          <MetaLink
            label="Feature"
            value={summary.feature}
            href={tracesWith("feature", summary.feature)}
          />
        ) : null}
        {summary.environment ? (
          <MetaLink
            label="Env"
            value={summary.environment}
            href={tracesWith("env", summary.environment)}
          />
        ) : null}
        {summary.release ? (
          <MetaLink
            label="Release"
            value={summary.release}
            href={tracesWith("release", summary.release)}
          />
        ) : null}
        {summary.version ? <MetaText label="Version" value={summary.version} /> : null}
        {summary.tags.map((tag) => (
          <MetaLink key={tag} label="#" value={tag} href={tracesWith("tag", tag)} />
        ))}
      </div>

      <TraceScores projectId={projectId} traceId={summary.traceId} />
    </header>
  );
}
