"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo } from "react";
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useDisplayTimeZone } from "@/components/explorer/time-zone";
import { toCostCsv } from "@/lib/cost/cost-csv";
import type { CostReport } from "@/lib/cost/cost-report";
import { cardClass, secondaryButtonClass } from "../ui/styles";
import { countOf, plural } from "@/lib/text/plural";

const GROUP_LABELS: Record<string, string> = {
  feature: "Feature",
  userId: "User",
  model: "Model",
  traceName: "Trace name",
  environment: "Environment",
  tags: "Tag",
};
const COLORS = [
  "#4f46e5",
  "#0891b2",
  "#16a34a",
  "#ca8a04",
  "#dc2626",
  "#9333ea",
  "#db2777",
  "#64748b",
];
const OTHER = "other";

function usd(value: unknown): string {
  const amount = Number(value ?? 0);
  const digits = { minimumFractionDigits: 2, maximumFractionDigits: amount < 1 ? 4 : 2 };
  return `$${amount.toLocaleString("en-US", digits)}`;
}

function groupLabel(value: unknown): string {
  return value === null || value === undefined || value === "" ? "(none)" : String(value);
}

/**
 * A group's cost: "unpriced" only when it used tokens no price covers; spans that counted no
 * tokens (wrappers around the model call, say) cost nothing to report.
 */
function costLabel(row: {
  cost: string | number | null;
  inputTokens: string | number | null;
  outputTokens: string | number | null;
}) {
  if (row.cost !== null) return usd(row.cost);
  return Number(row.inputTokens ?? 0) + Number(row.outputTokens ?? 0) > 0 ? "unpriced" : "—";
}

/** Totals, trend by group, ranking by group, unpriced models, and CSV export. */
export function CostDashboard(props: {
  projectId: string;
  range: string;
  groupBy: string;
  timeZone: string;
  hasZoneParam: boolean;
  report: CostReport;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { report, groupBy } = props;
  const modelsSettingsHref = `/project/${props.projectId}/settings/models`;

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(searchParams.toString());
    next.set(key, value);
    router.push(`${pathname}?${next.toString()}`);
  };

  // Buckets follow the viewer's time zone (profile, else browser) unless the link names one.
  const displayZone = useDisplayTimeZone();
  useEffect(() => {
    if (props.hasZoneParam) return;
    const zone = displayZone;
    if (zone && zone !== props.timeZone) {
      const next = new URLSearchParams(searchParams.toString());
      next.set("tz", zone);
      router.replace(`${pathname}?${next.toString()}`);
    }
  }, [props.hasZoneParam, props.timeZone, displayZone, pathname, router, searchParams]);

  const topGroups = useMemo(
    () => report.byGroup.slice(0, COLORS.length - 1).map((row) => groupLabel(row[groupBy])),
    [report.byGroup, groupBy],
  );

  const series = useMemo(() => {
    const buckets = new Map<string, Record<string, number | string>>();
    for (const row of report.series) {
      const time = String(row.time_dimension);
      const bucket = buckets.get(time) ?? { time };
      const label = groupLabel(row[groupBy]);
      const key = topGroups.includes(label) ? label : OTHER;
      bucket[key] = Number(bucket[key] ?? 0) + Number(row.totalCost_sum ?? 0);
      buckets.set(time, bucket);
    }
    return [...buckets.values()];
  }, [report.series, groupBy, topGroups]);

  const formatBucket = (value: string) =>
    new Intl.DateTimeFormat("en-US", {
      timeZone: props.timeZone,
      month: "short",
      day: "numeric",
      hour: props.range === "24h" ? "numeric" : undefined,
    }).format(new Date(value));

  const tableRows = report.byGroup.map((row) => ({
    group: groupLabel(row[groupBy]),
    cost: row.totalCost_sum,
    inputTokens: row.inputTokens_sum,
    outputTokens: row.outputTokens_sum,
    spans: row.count_count,
  }));

  const exportCsv = () => {
    const csv = toCostCsv(tableRows, ["group", "cost", "inputTokens", "outputTokens", "spans"]);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
    link.download = `sightline-cost-by-${groupBy}-${props.range}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const hasOther = series.some((bucket) => Number(bucket[OTHER] ?? 0) > 0);
  const stacked = [...topGroups, ...(hasOther ? [OTHER] : [])];
  // A group with no spans in a bucket counts as zero there, so stacked areas stay continuous.
  const chartData = series.map((bucket) => {
    const filled: Record<string, number | string> = { time: bucket.time ?? "" };
    for (const key of stacked) filled[key] = Number(bucket[key] ?? 0);
    return filled;
  });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Cost</h1>
        <div className="ml-auto flex flex-wrap items-center gap-2 text-sm">
          <label className="flex items-center gap-1">
            <span className="text-zinc-500">Range</span>
            <select
              aria-label="Range"
              value={props.range}
              onChange={(e) => setParam("range", e.target.value)}
              className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
            >
              {["24h", "7d", "30d", "90d"].map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1">
            <span className="text-zinc-500">Group by</span>
            <select
              aria-label="Group by"
              value={groupBy}
              onChange={(e) => setParam("groupBy", e.target.value)}
              className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
            >
              {Object.entries(GROUP_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <span className="text-xs text-zinc-500" data-testid="cost-time-zone">
            {props.timeZone}
          </span>
          <button type="button" className={secondaryButtonClass} onClick={exportCsv}>
            Export CSV
          </button>
        </div>
      </div>

      <div className="grid gap-4 sm:grid-cols-4">
        {[
          ["Total cost", usd(report.totals.totalCost_sum)],
          ["Input tokens", Number(report.totals.inputTokens_sum ?? 0).toLocaleString()],
          ["Output tokens", Number(report.totals.outputTokens_sum ?? 0).toLocaleString()],
          ["Spans", Number(report.totals.count_count ?? 0).toLocaleString()],
        ].map(([label, value]) => (
          <div key={label} className={cardClass}>
            <div className="text-xs uppercase text-zinc-500">{label}</div>
            <div className="mt-1 text-2xl font-semibold" data-testid={`cost-total-${label}`}>
              {value}
            </div>
          </div>
        ))}
      </div>

      <section className={cardClass} aria-label="Cost over time">
        <h2 className="mb-3 text-sm font-medium">
          Cost over time by {GROUP_LABELS[groupBy]?.toLowerCase()}
        </h2>
        <div className="h-72">
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={chartData}>
              <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
              <XAxis dataKey="time" tickFormatter={formatBucket} fontSize={12} />
              <YAxis tickFormatter={(v: number) => usd(v)} fontSize={12} width={80} />
              <Tooltip labelFormatter={(v) => formatBucket(String(v))} formatter={(v) => usd(v)} />
              <Legend />
              {stacked.map((key, index) => (
                <Area
                  key={key}
                  type="monotone"
                  dataKey={key}
                  stackId="cost"
                  stroke={COLORS[index % COLORS.length]}
                  fill={COLORS[index % COLORS.length]}
                  fillOpacity={0.35}
                />
              ))}
            </AreaChart>
          </ResponsiveContainer>
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section className={cardClass} aria-label="Cost by group">
          <h2 className="mb-3 text-sm font-medium">Top {GROUP_LABELS[groupBy]?.toLowerCase()}s</h2>
          <div className="h-72">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={tableRows.slice(0, 10)} layout="vertical" margin={{ left: 24 }}>
                <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
                <XAxis type="number" tickFormatter={(v: number) => usd(v)} fontSize={12} />
                <YAxis type="category" dataKey="group" width={120} fontSize={12} />
                <Tooltip formatter={(v) => usd(v)} />
                <Bar
                  dataKey={(row: { cost: unknown }) => Number(row.cost ?? 0)}
                  name="Cost"
                  fill="#4f46e5"
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </section>

        <section className={`${cardClass} overflow-x-auto p-0`} aria-label="Cost table">
          <table className="w-full text-left text-sm" data-testid="cost-table">
            <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500 dark:border-zinc-800">
              <tr>
                <th className="px-4 py-2">{GROUP_LABELS[groupBy]}</th>
                <th className="px-4 py-2 text-right">Cost</th>
                <th className="px-4 py-2 text-right">Input tokens</th>
                <th className="px-4 py-2 text-right">Output tokens</th>
                <th className="px-4 py-2 text-right">Spans</th>
              </tr>
            </thead>
            <tbody>
              {tableRows.length === 0 && (
                <tr>
                  <td colSpan={5} className="px-4 py-6 text-center text-zinc-500">
                    No spans in this range.
                  </td>
                </tr>
              )}
              {tableRows.map((row) => (
                <tr
                  key={row.group}
                  className="border-b border-zinc-100 last:border-0 dark:border-zinc-800"
                >
                  <td className="max-w-[14rem] truncate px-4 py-2" title={row.group}>
                    {row.group}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{costLabel(row)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {Number(row.inputTokens ?? 0).toLocaleString()}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {Number(row.outputTokens ?? 0).toLocaleString()}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {Number(row.spans ?? 0).toLocaleString()}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      {report.unpriced.length > 0 && (
        <section className={cardClass} aria-label="Unpriced models" data-testid="unpriced-models">
          <h2 className="mb-1 text-sm font-medium">Unpriced models</h2>
          <p className="mb-3 text-sm text-zinc-500">
            These models have token usage but no price, so their cost is unknown (not zero).
          </p>
          <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
            {report.unpriced.map((row) => (
              <li key={row.model} className="flex flex-wrap items-center gap-3 py-2">
                <code className="font-mono">{row.model}</code>
                <span className="text-zinc-500">
                  {countOf(row.spans, "span")} ·{" "}
                  {(row.inputTokens + row.outputTokens).toLocaleString()}{" "}
                  {plural(row.inputTokens + row.outputTokens, "token")}
                </span>
                <Link
                  className="ml-auto text-indigo-600 hover:underline"
                  href={`${modelsSettingsHref}?add=${encodeURIComponent(row.model)}`}
                >
                  Add price
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
