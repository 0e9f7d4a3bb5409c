import type { Metadata } from "next";
import Link from "next/link";

import { OrphanScores } from "@/components/scores/orphan-scores";
import { ScoreAnalyticsView } from "@/components/scores/score-analytics-view";
import { requireExplorerAccess } from "@/lib/explorer/require-explorer-access";
import { listScores } from "@/lib/scores/list-scores";
import { getScoreAnalytics, listScoreNameSummaries } from "@/lib/scores/score-analytics";
import { ListScoresQueryZ } from "@/lib/scores/score-schemas";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Scores · Sightline" };

const RANGES: Record<string, number> = { "7d": 7, "30d": 30, "90d": 90, "365d": 365 };

export default async function ScoresPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ name?: string; range?: string }>;
}) {
  const { projectId } = await params;
  await requireExplorerAccess(projectId);
  const query = await searchParams;
  const range = query.range && RANGES[query.range] ? query.range : "30d";
  const now = new Date();
  const from = new Date(now.getTime() - (RANGES[range] ?? 30) * 24 * 3600 * 1000);
  const [names, orphans] = await Promise.all([
    listScoreNameSummaries(projectId, from),
    listScores(projectId, ListScoresQueryZ.parse({ orphans: "true", limit: "20" })),
  ]);
  const selected = names.find((summary) => summary.name === query.name) ?? names[0] ?? null;
  const analytics = selected ? await getScoreAnalytics(projectId, selected.name, from) : null;
  const href = (changes: { name?: string; range?: string }) => {
    const next = new URLSearchParams({
      range: changes.range ?? range,
      ...(selected || changes.name ? { name: changes.name ?? selected?.name ?? "" } : {}),
    });
    return `/project/${projectId}/scores?${next.toString()}`;
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Scores</h1>
        <nav className="ml-auto flex gap-1 text-xs" aria-label="Range">
          {Object.keys(RANGES).map((key) => (
            <Link
              key={key}
              href={href({ range: key })}
              aria-current={key === range ? "page" : undefined}
              className={`rounded px-2 py-1 ${key === range ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"}`}
            >
              {key}
            </Link>
          ))}
        </nav>
      </div>
      {names.length === 0 ? (
        <p className="text-sm text-zinc-500" data-testid="no-scores">
          No scores in this range. Scores come from the API, from judge spans and from reviewers.
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[14rem_minmax(0,1fr)]">
          <nav aria-label="Score names" className="space-y-0.5" data-testid="score-names">
            {names.map((summary) => (
              <Link
                key={summary.name}
                href={href({ name: summary.name })}
                aria-current={summary.name === selected?.name ? "page" : undefined}
                className={`flex items-baseline gap-2 rounded px-2 py-1 text-sm ${summary.name === selected?.name ? "bg-zinc-100 font-medium dark:bg-zinc-800" : "hover:bg-zinc-50 dark:hover:bg-zinc-900"}`}
              >
                <span className="truncate">{summary.name}</span>
                <span className="ml-auto text-[11px] text-zinc-500">{summary.count}</span>
              </Link>
            ))}
          </nav>
          {analytics ? <ScoreAnalyticsView analytics={analytics} /> : null}
        </div>
      )}
      <OrphanScores scores={orphans.data} total={orphans.meta.totalItems} />
    </div>
  );
}
