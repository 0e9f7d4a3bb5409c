import type { Metadata } from "next";
import Link from "next/link";
import { AddMatchingToDataset } from "@/components/datasets/add-matching-to-dataset";
import { SendTracesGuide } from "@/components/onboarding/send-traces";
import { ScoreFilterBar } from "@/components/explorer/score-filter-bar";
import { TraceFilterBar } from "@/components/explorer/trace-filter-bar";
import { TraceTable } from "@/components/explorer/trace-table";
import { WaitForFirstTrace } from "@/components/explorer/wait-for-first-trace";
import { requireProjectAccess } from "@/lib/auth/access";
import { hasRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/prisma";
import { getTraceFilterOptions } from "@/lib/explorer/filter-options";
import { listTraces, projectHasTraces } from "@/lib/explorer/list-traces";
import { requireExplorerAccess } from "@/lib/explorer/require-explorer-access";
import { timeRangeLabel } from "@/lib/explorer/time-range";
import {
  hasActiveFilters,
  parseTraceListQueryLeniently,
  toTraceListSearchParams,
  type IgnoredFilter,
  type TraceListQuery,
} from "@/lib/explorer/trace-list-query";
import { AppError } from "@/lib/http/app-error";
import { resolvePublicUrl } from "@/lib/http/public-url";
import { sanitizeText } from "@/lib/otlp/sanitize-text";
import { listScoreNames } from "@/lib/scores/trace-score-cells";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Traces · Sightline" };

type SearchParams = Record<string, string | string[] | undefined>;

async function EmptyProject({ projectId }: { projectId: string }) {
  const [apiKey, baseUrl] = await Promise.all([
    getPrisma().apiKey.findFirst({
      where: { projectId, revokedAt: null },
      orderBy: { createdAt: "desc" },
    }),
    resolvePublicUrl(),
  ]);
  return (
    <div className="space-y-4" data-testid="traces-empty">
      <WaitForFirstTrace projectId={projectId} />
      <SendTracesGuide
        baseUrl={baseUrl}
        projectId={projectId}
        publicKey={apiKey?.publicKey ?? null}
      />
    </div>
  );
}

function NoMatch({ projectId, query }: { projectId: string; query: TraceListQuery }) {
  const widened = toTraceListSearchParams({ ...query, range: "all", cursor: undefined });
  return (
    <div
      className="rounded-lg border border-dashed border-zinc-300 p-8 text-center dark:border-zinc-700"
      data-testid="traces-no-match"
    >
      <p className="text-sm font-medium">No traces match</p>
      <p className="mt-1 text-sm text-zinc-500">
        {timeRangeLabel(query.range)}
        {hasActiveFilters(query) ? ", with the filters above." : "."}
      </p>
      <div className="mt-3 flex justify-center gap-3 text-sm">
        {query.range !== "all" ? (
          <Link
            className="text-indigo-600 hover:underline dark:text-indigo-400"
            href={`/project/${projectId}/traces?${widened.toString()}`}
          >
            Search all time
          </Link>
        ) : null}
        {hasActiveFilters(query) ? (
          <Link
            className="text-indigo-600 hover:underline dark:text-indigo-400"
            href={`/project/${projectId}/traces`}
          >
            Clear filters
          </Link>
        ) : null}
      </div>
    </div>
  );
}

/** The notice for filters of the URL the list left out, each named as it was written. */
function describeIgnoredFilters(ignored: IgnoredFilter[]): string {
  const named = ignored.map(({ key, value, message }) => {
    const printable = sanitizeText(value);
    const shown = printable.length > 80 ? `${printable.slice(0, 80)}…` : printable;
    return `${key}=${shown} (${message})`;
  });
  const which = ignored.length === 1 ? "an invalid filter" : "invalid filters";
  return `Ignored ${which}: ${named.join("; ")}`;
}

/** The page of traces; a stale or foreign cursor falls back to the first page with a notice. */
async function loadPage(projectId: string, query: TraceListQuery, problem: string | null) {
  try {
    return { page: await listTraces(projectId, query), query, problem };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "bad_request") throw error;
    const firstPage = { ...query, cursor: undefined };
    return {
      page: await listTraces(projectId, firstPage),
      query: firstPage,
      problem: `${error.message}: showing the first page.`,
    };
  }
}

export default async function TracesPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { projectId } = await params;
  const user = await requireExplorerAccess(projectId);
  const { role } = await requireProjectAccess(user.id, projectId);

  if (!(await projectHasTraces(projectId))) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">Traces</h1>
        <EmptyProject projectId={projectId} />
      </div>
    );
  }

  const parsed = parseTraceListQueryLeniently(await searchParams);
  const optionsPromise = getTraceFilterOptions(projectId);
  const scoreNamesPromise = listScoreNames(projectId);
  const { page, query, problem } = await loadPage(
    projectId,
    parsed.query,
    parsed.ignored.length > 0 ? describeIgnoredFilters(parsed.ignored) : null,
  );
  const [options, scoreNames] = await Promise.all([optionsPromise, scoreNamesPromise]);
  // Remounts the filter bars and the table when the list state changes, so their local state
  // starts from the URL again. Each sibling needs its own key: two siblings sharing one make React
  // lose track of the old element, which then stays on the page next to the new one.
  const stateKey = toTraceListSearchParams(query).toString();

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Traces</h1>
      <TraceFilterBar key={`filters-${stateKey}`} query={query} options={options} />
      <ScoreFilterBar key={`scores-${stateKey}`} query={query} scoreNames={scoreNames} />
      {hasRole(role, "MEMBER") ? (
        <AddMatchingToDataset
          projectId={projectId}
          filter={toTraceListSearchParams({ ...query, cursor: undefined }).toString()}
        />
      ) : null}
      {problem ? (
        <p
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
          role="alert"
        >
          {problem}
        </p>
      ) : null}
      {page.rows.length === 0 && !query.cursor ? (
        <NoMatch projectId={projectId} query={query} />
      ) : (
        <TraceTable
          key={`table-${stateKey}`}
          projectId={projectId}
          query={query}
          initialRows={page.rows}
          nextCursor={page.nextCursor}
          canWrite={hasRole(role, "MEMBER")}
          scoreNames={scoreNames}
        />
      )}
    </div>
  );
}
