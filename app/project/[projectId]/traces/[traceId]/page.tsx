import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TraceExplorer } from "@/components/traces/trace-explorer";
import { TraceHeader } from "@/components/traces/trace-header";
import { TraceInputOutputPanel } from "@/components/traces/trace-input-output";
import { requireProjectAccess } from "@/lib/auth/access";
import { hasRole } from "@/lib/auth/roles";
import { getTraceInputOutput } from "@/lib/explorer/get-trace-input-output";
import { getTraceSkeleton } from "@/lib/explorer/get-trace-skeleton";
import { requireExplorerAccess } from "@/lib/explorer/require-explorer-access";
import { decodeRouteParam } from "@/lib/explorer/route-param";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Trace · Sightline" };

type SearchParams = Record<string, string | string[] | undefined>;

function firstValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export default async function TracePage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; traceId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { projectId, traceId } = await params;
  const user = await requireExplorerAccess(projectId);
  const { role } = await requireProjectAccess(user.id, projectId);
  const canWrite = hasRole(role, "MEMBER");

  const id = decodeRouteParam(traceId).toLowerCase();
  const [skeleton, payload] = await Promise.all([
    getTraceSkeleton(projectId, id),
    getTraceInputOutput(projectId, id),
  ]);
  if (!skeleton || !payload) notFound();
  const query = await searchParams;

  return (
    <div className="space-y-4">
      <TraceHeader projectId={projectId} summary={skeleton.summary} canWrite={canWrite} />
      <TraceInputOutputPanel payload={payload} />
      <TraceExplorer
        projectId={projectId}
        traceId={skeleton.summary.traceId}
        nodes={skeleton.nodes}
        traceDurationMs={skeleton.summary.latencyMs}
        initialSpanId={firstValue(query.span)}
        initialView={firstValue(query.view) === "timeline" ? "timeline" : "tree"}
        canWrite={canWrite}
      />
    </div>
  );
}
