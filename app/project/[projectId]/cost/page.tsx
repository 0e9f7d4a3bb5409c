import { CostDashboard } from "@/components/cost/cost-dashboard";
import { requireProjectAccess } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/session";
import { buildCostReport, COST_GROUPS, type CostGroup } from "@/lib/cost/cost-report";

export const dynamic = "force-dynamic";

const RANGES: Record<string, number> = { "24h": 1, "7d": 7, "30d": 30, "90d": 90 };

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export default async function CostPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ range?: string; groupBy?: string; tz?: string }>;
}) {
  const user = await requirePageUser();
  const { projectId } = await params;
  await requireProjectAccess(user.id, projectId);
  const query = await searchParams;

  const range = query.range && RANGES[query.range] ? query.range : "7d";
  const groupBy: CostGroup = COST_GROUPS.includes(query.groupBy as CostGroup)
    ? (query.groupBy as CostGroup)
    : "feature";
  const requestedZone = query.tz ?? user.timeZone ?? "UTC";
  const timeZone = isValidTimeZone(requestedZone) ? requestedZone : "UTC";
  const days = RANGES[range] ?? 7;
  const to = new Date();
  const from = new Date(to.getTime() - days * 24 * 3600 * 1000);

  const report = await buildCostReport({
    projectId,
    from,
    to,
    groupBy,
    granularity: days <= 2 ? "hour" : "day",
    timeZone,
  });

  return (
    <CostDashboard
      projectId={projectId}
      range={range}
      groupBy={groupBy}
      timeZone={timeZone}
      hasZoneParam={Boolean(query.tz)}
      report={report}
    />
  );
}
