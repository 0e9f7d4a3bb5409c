import type { Metadata } from "next";
import Link from "next/link";
import { cellClass, ListTable, numberCellClass } from "@/components/explorer/list-table";
import { RangeLinks } from "@/components/explorer/range-links";
import { DisplayTime, TimeZoneSelect } from "@/components/explorer/time-zone";
import { secondaryButtonClass } from "@/components/ui/styles";
import {
  aggregateListSearch,
  parseAggregateListQuery,
  type UserSortKey,
} from "@/lib/explorer/aggregate-list-query";
import { formatCost, formatTokens } from "@/lib/explorer/format";
import { listUsers } from "@/lib/explorer/list-users";
import { requireExplorerAccess } from "@/lib/explorer/require-explorer-access";
import { AppError } from "@/lib/http/app-error";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Users · Sightline" };

const SORT_LABELS: Record<UserSortKey, string> = {
  lastSeen: "Last seen",
  traces: "Traces",
  tokens: "Tokens",
  cost: "Cost",
};

export default async function UsersPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { projectId } = await params;
  await requireExplorerAccess(projectId);
  const query = parseAggregateListQuery(await searchParams);
  const base = `/project/${projectId}/users`;

  const page = await listUsers(projectId, query).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "bad_request") {
      return listUsers(projectId, { ...query, cursor: undefined });
    }
    throw error;
  });
  const userQuery = (userId: string) =>
    new URLSearchParams({ user: userId, range: query.range }).toString();
  const tracesOf = (userId: string) => `/project/${projectId}/traces?${userQuery(userId)}`;
  const sessionsOf = (userId: string) => `/project/${projectId}/sessions?${userQuery(userId)}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Users</h1>
        <nav className="flex items-center gap-1 text-xs" aria-label="Sort">
          <span className="text-zinc-500">Sort by</span>
          {(Object.keys(SORT_LABELS) as UserSortKey[]).map((sort) => (
            <Link
              key={sort}
              href={`${base}${aggregateListSearch(query, { sort })}`}
              aria-current={sort === query.sort ? "true" : undefined}
              className={`rounded px-2 py-1 ${sort === query.sort ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"}`}
            >
              {SORT_LABELS[sort]}
            </Link>
          ))}
        </nav>
        <span className="ml-auto flex items-center gap-3">
          <RangeLinks
            current={query.range}
            hrefFor={(range) => `${base}${aggregateListSearch(query, { range })}`}
          />
          <TimeZoneSelect />
        </span>
      </div>
      <p className="text-sm text-zinc-500">
        End users of your app, from the <code>user.id</code> attribute of their traces.
      </p>
      {page.rows.length === 0 ? (
        <p
          className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-500 dark:border-zinc-700"
          data-testid="users-empty"
        >
          No users in this time range.
        </p>
      ) : (
        <ListTable
          testId="users-table"
          headers={[
            { label: "User" },
            { label: "Traces", align: "right" },
            { label: "Sessions", align: "right" },
            { label: "Tokens", align: "right" },
            { label: "Cost", align: "right" },
            { label: "Traces with errors", align: "right" },
            { label: "First seen" },
            { label: "Last seen" },
          ]}
        >
          {page.rows.map((user) => (
            <tr
              key={user.userId}
              data-testid="user-row"
              className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50"
            >
              <td className={`${cellClass} max-w-72`}>
                <Link
                  href={tracesOf(user.userId)}
                  className="block truncate font-mono font-medium text-indigo-700 hover:underline dark:text-indigo-400"
                  title="Traces of this user"
                >
                  {user.userId}
                </Link>
              </td>
              <td className={numberCellClass}>
                <Link href={tracesOf(user.userId)} className="hover:underline">
                  {user.traceCount.toLocaleString("en-US")}
                </Link>
              </td>
              <td className={numberCellClass}>
                {user.sessionCount > 0 ? (
                  <Link href={sessionsOf(user.userId)} className="hover:underline">
                    {user.sessionCount}
                  </Link>
                ) : (
                  0
                )}
              </td>
              <td className={numberCellClass}>{formatTokens(user.totalTokens)}</td>
              <td className={numberCellClass}>{formatCost(user.totalCost)}</td>
              <td
                className={`${numberCellClass} ${user.errorCount > 0 ? "text-red-600 dark:text-red-400" : ""}`}
              >
                {user.errorCount}
              </td>
              <td className={`${cellClass} whitespace-nowrap`}>
                <DisplayTime iso={user.firstSeen} short />
              </td>
              <td className={`${cellClass} whitespace-nowrap`}>
                <DisplayTime iso={user.lastSeen} short />
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      <nav className="flex justify-between" aria-label="Pages">
        {query.cursor ? (
          <Link href={`${base}${aggregateListSearch(query, {})}`} className={secondaryButtonClass}>
            ← First page
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
