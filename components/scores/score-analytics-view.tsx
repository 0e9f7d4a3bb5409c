"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { cardClass } from "@/components/ui/styles";
import type { ScoreAnalytics } from "@/lib/scores/score-analytics";

const SOURCE_COLORS: Record<string, string> = {
  EVAL: "#7c3aed",
  ANNOTATION: "#059669",
  API: "#71717a",
};

function formatRate(value: number | null): string {
  return value === null ? "–" : `${Math.round(value * 100)}%`;
}

function formatNumber(value: number | null): string {
  return value === null ? "–" : String(Number(value.toPrecision(3)));
}

/** One row per day with a column per source, as the trend chart reads it. */
function trendRows(trend: ScoreAnalytics["trend"]) {
  const byDay = new Map<string, Record<string, number | string | null>>();
  for (const point of trend) {
    const row = byDay.get(point.day) ?? { day: point.day };
    row[point.source] = point.average;
    row[`${point.source} count`] = point.count;
    byDay.set(point.day, row);
  }
  return [...byDay.values()];
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800">
      <div className="text-[11px] text-zinc-500">{label}</div>
      <div className="font-mono text-base font-semibold tabular-nums" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

/** Charts of one score name: distribution, daily trend per source, judge versus human. */
export function ScoreAnalyticsView({ analytics }: { analytics: ScoreAnalytics }) {
  const sources = [...new Set(analytics.trend.map((point) => point.source))];
  const { agreement } = analytics;
  return (
    <div className="space-y-4" data-testid="score-analytics">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat label="Scores" value={String(analytics.count)} testId="score-count" />
        <Stat label="Type" value={analytics.dataType.toLowerCase()} />
        <Stat label="Average" value={formatNumber(analytics.average)} testId="score-average" />
        <Stat label="Judge–human pairs" value={String(agreement.pairs)} testId="pair-count" />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <section className={cardClass} aria-label="Distribution">
          <h2 className="mb-2 text-sm font-semibold">Distribution</h2>
          <div className="h-64" data-testid="distribution-chart">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={analytics.distribution}>
                <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
                <XAxis dataKey="bucket" fontSize={11} />
                <YAxis allowDecimals={false} fontSize={11} width={40} />
                <Tooltip />
                <Bar dataKey="count" fill="#4f46e5" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </section>
        <section className={cardClass} aria-label="Trend">
          <h2 className="mb-2 text-sm font-semibold">Daily average by source</h2>
          <div className="h-64" data-testid="trend-chart">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={trendRows(analytics.trend)}>
                <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
                <XAxis dataKey="day" fontSize={11} />
                <YAxis fontSize={11} width={40} />
                <Tooltip />
                <Legend />
                {sources.map((source) => (
                  <Line
                    key={source}
                    type="monotone"
                    dataKey={source}
                    stroke={SOURCE_COLORS[source] ?? "#0ea5e9"}
                    connectNulls
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
        </section>
      </div>

      <section className={cardClass} aria-label="Judge versus human">
        <h2 className="mb-1 text-sm font-semibold">Judge versus human</h2>
        {agreement.pairs === 0 ? (
          <p className="text-sm text-zinc-500" data-testid="no-agreement">
            No trace or span has both a judge (EVAL) and a human (ANNOTATION) score of this name.
          </p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
            <div className="grid grid-cols-2 content-start gap-2" data-testid="agreement">
              <Stat label="Pairs" value={String(agreement.pairs)} />
              <Stat
                label="Exact match"
                value={formatRate(agreement.exactMatchRate)}
                testId="exact-match"
              />
              <Stat
                label="Mean |judge − human|"
                value={formatNumber(agreement.meanAbsoluteDifference)}
                testId="mean-difference"
              />
              <Stat
                label="Cohen's kappa"
                value={formatNumber(agreement.cohensKappa)}
                testId="kappa"
              />
            </div>
            {analytics.scatter.length > 0 ? (
              <div className="h-64">
                <ResponsiveContainer width="100%" height="100%">
                  <ScatterChart>
                    <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
                    <XAxis type="number" dataKey="judge" name="judge" fontSize={11} />
                    <YAxis type="number" dataKey="human" name="human" fontSize={11} width={40} />
                    <Tooltip />
                    <Scatter data={analytics.scatter} fill="#7c3aed" isAnimationActive={false} />
                  </ScatterChart>
                </ResponsiveContainer>
              </div>
            ) : null}
          </div>
        )}
      </section>
    </div>
  );
}
