import type { Metadata } from "next";
import Link from "next/link";
import { cellClass, ListTable, numberCellClass } from "@/components/explorer/list-table";
import { RangeLinks } from "@/components/explorer/range-links";
import { DisplayTime, TimeZoneSelect } from "@/components/explorer/time-zone";
import { secondaryButtonClass } from "@/components/ui/styles";
import { aggregateListSearch, parseAggregateListQuery } from "@/lib/explorer/aggregate-list-query";
import { formatCost, formatDuration, formatTokens } from "@/lib/explorer/format";
import { listSessions } from "@/lib/explorer/list-sessions";
import { requireExplorerAccess } from "@/lib/explorer/require-explorer-access";
import { AppError } from "@/lib/http/app-error";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sessions · Sightline" };

export default async function SessionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { projectId } = await params;
  await requireExplorerAccess(projectId);
  const query = parseAggregateListQuery(await searchParams);
  const base = `/project/${projectId}/sessions`;

  const page = await listSessions(projectId, query).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "bad_request") {
      return listSessions(projectId, { ...query, cursor: undefined });
    }
    throw error;
  });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Sessions</h1>
        {query.user ? (
          <Link
            href={`${base}${aggregateListSearch(query, { user: undefined })}`}
            className="rounded-full border border-indigo-200 bg-indigo-50 px-2 py-0.5 text-xs text-indigo-800 dark:border-indigo-900 dark:bg-indigo-950/50 dark:text-indigo-200"
          >
            User: {query.user} ×
          </Link>
        ) : null}
        <span className="ml-auto flex items-center gap-3">
          <RangeLinks
            current={query.range}
            hrefFor={(range) => `${base}${aggregateListSearch(query, { range })}`}
          />
          <TimeZoneSelect />
        </span>
      </div>
      <p className="text-sm text-zinc-500">
        Traces that share a session id, newest activity first. Set <code>session.id</code> (or{" "}
        <code>gen_ai.conversation.id</code>) on your spans to group them.
      </p>
      {page.rows.length === 0 ? (
        <p
          className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-500 dark:border-zinc-700"
          data-testid="sessions-empty"
        >
          No sessions in this time range.
        </p>
      ) : (
        <ListTable
          testId="sessions-table"
          headers={[
            { label: "Session" },
            { label: "Traces", align: "right" },
            { label: "Users" },
            { label: "First trace" },
            { label: "Last trace" },
            { label: "Duration", align: "right" },
            { label: "Tokens", align: "right" },
            { label: "Cost", align: "right" },
            { label: "Errors", align: "right" },
          ]}
        >
          {page.rows.map((session) => (
            <tr
              key={session.sessionId}
              data-testid="session-row"
              className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50"
            >
              <td className={`${cellClass} max-w-72`}>
                <Link
                  href={`${base}/${encodeURIComponent(session.sessionId)}`}
                  className="block truncate font-mono font-medium text-indigo-700 hover:underline dark:text-indigo-400"
                >
                  {session.sessionId}
                </Link>
              </td>
              <td className={numberCellClass}>{session.traceCount}</td>
              <td className={`${cellClass} max-w-48 truncate font-mono`}>
                {session.userIds.join(", ") || "–"}
              </td>
              <td className={`${cellClass} whitespace-nowrap`}>
                <DisplayTime iso={session.firstSeen} short />
              </td>
              <td className={`${cellClass} whitespace-nowrap`}>
                <DisplayTime iso={session.lastSeen} short />
              </td>
              <td className={numberCellClass}>{formatDuration(session.durationMs)}</td>
              <td className={numberCellClass}>{formatTokens(session.totalTokens)}</td>
              <td className={numberCellClass}>{formatCost(session.totalCost)}</td>
              <td
                className={`${numberCellClass} ${session.errorCount > 0 ? "text-red-600 dark:text-red-400" : ""}`}
              >
                {session.errorCount}
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      <nav className="flex justify-between" aria-label="Pages">
        {query.cursor ? (
          <Link href={`${base}${aggregateListSearch(query, {})}`} className={secondaryButtonClass}>
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link
            href={`${base}${aggregateListSearch(query, { cursor: page.nextCursor })}`}
            className={secondaryButtonClass}
          >
            Next page →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
