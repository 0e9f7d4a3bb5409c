import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { QueueReview } from "@/components/queues/queue-review";
import { getReviewState } from "@/lib/annotation-queues/review-item";
import { requireProjectAccess } from "@/lib/auth/access";
import { hasRole } from "@/lib/auth/roles";
import { requireExplorerAccess } from "@/lib/explorer/require-explorer-access";
import { AppError } from "@/lib/http/app-error";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Review · Sightline" };

export default async function QueueReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; queueId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { projectId, queueId } = await params;
  const user = await requireExplorerAccess(projectId);
  const access = await requireProjectAccess(user.id, projectId);
  const item = (await searchParams).item;
  const state = await getReviewState(
    projectId,
    queueId,
    (Array.isArray(item) ? item[0] : item) || null,
  ).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });

  return (
    <QueueReview
      key={state.item?.id ?? "finished"}
      projectId={projectId}
      state={state}
      canReview={hasRole(access.role, "MEMBER")}
    />
  );
}
