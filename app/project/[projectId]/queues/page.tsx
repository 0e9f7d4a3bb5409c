import type { Metadata } from "next";
import Link from "next/link";

import { CreateQueueForm } from "@/components/queues/create-queue-form";
import { QueueProgress } from "@/components/queues/queue-progress";
import { cardClass } from "@/components/ui/styles";
import { listQueues } from "@/lib/annotation-queues/queues";
import { requireProjectAccess } from "@/lib/auth/access";
import { hasRole } from "@/lib/auth/roles";
import { requireExplorerAccess } from "@/lib/explorer/require-explorer-access";
import { listActiveScoreConfigs } from "@/lib/scores/annotation-scores";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Annotation queues · Sightline" };

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export default async function QueuesPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { projectId } = await params;
  const user = await requireExplorerAccess(projectId);
  const access = await requireProjectAccess(user.id, projectId);
  const canManage = hasRole(access.role, "MEMBER");
  const query = await searchParams;
  const [queues, configs] = await Promise.all([
    listQueues(projectId),
    listActiveScoreConfigs(projectId),
  ]);
  const traceIds = (first(query.traces) ?? "").split(",").filter(Boolean).slice(0, 1000);

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Annotation queues</h1>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section className={cardClass} aria-label="Queues">
          {queues.length === 0 ? (
            <p className="text-sm text-zinc-500">
              No queues yet. Filter the traces list and choose “Queue all matching”, or select
              traces and “Add to queue”.
            </p>
          ) : (
            <table className="w-full text-left text-sm" data-testid="queue-list">
              <thead className="text-[11px] text-zinc-500 uppercase">
                <tr>
                  <th className="py-1">Queue</th>
                  <th className="py-1">Progress</th>
                  <th className="py-1">From</th>
                </tr>
              </thead>
              <tbody>
                {queues.map((queue) => (
                  <tr
                    key={queue.id}
                    className="border-t border-zinc-100 dark:border-zinc-800"
                    data-testid="queue-row"
                  >
                    <td className="py-1.5">
                      <Link
                        href={`/project/${projectId}/queues/${queue.id}`}
                        className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
                      >
                        {queue.name}
                      </Link>
                      {queue.description ? (
                        <p className="text-xs text-zinc-500">{queue.description}</p>
                      ) : null}
                    </td>
                    <td className="py-1.5">
                      <QueueProgress completed={queue.completed} total={queue.total} />
                    </td>
                    <td className="max-w-64 truncate py-1.5 font-mono text-xs text-zinc-500">
                      {queue.sourceFilter !== null ? (
                        <Link
                          href={`/project/${projectId}/traces?${queue.sourceFilter}`}
                          className="hover:underline"
                        >
                          {queue.sourceFilter || "all traces"}
                        </Link>
                      ) : (
                        "selection"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className={cardClass} aria-label="New queue">
          {canManage ? (
            <CreateQueueForm
              projectId={projectId}
              configs={configs}
              filter={first(query.filter)}
              traceIds={traceIds}
            />
          ) : (
            <p className="text-sm text-zinc-500" data-testid="queues-read-only">
              Viewers can see queues; members and up create and work through them.
            </p>
          )}
        </section>
      </div>
    </div>
  );
}
