import { NextResponse } from "next/server";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { AppError } from "@/lib/http/app-error";
import { handleRoute } from "@/lib/http/handle-route";
import { MetricsQueryZ, withNumericMetrics } from "@/lib/metrics/metrics-query";
import { runMetricsQuery } from "@/lib/metrics/run-metrics-query";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

// GET /api/public/metrics?query=<JSON> (Langfuse-shaped metrics query)
export const GET = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const raw = new URL(request.url).searchParams.get("query");
  if (!raw) throw new AppError("bad_request", "query: missing (a JSON metrics query)");
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "query: not valid JSON");
  }
  const query = MetricsQueryZ.parse(parsed);
  const rows = await runMetricsQuery(principal.projectId, query);
  return NextResponse.json({ data: withNumericMetrics(query, rows) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ GET });
