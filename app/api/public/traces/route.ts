import { NextResponse } from "next/server";

import { authenticateApiKey } from "@/lib/auth/api-keys";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { deleteTraces, DeleteTracesBodyZ } from "@/lib/traces/delete-traces";
import { listTraces } from "@/lib/traces/list-traces";
import { parseListTracesQuery } from "@/lib/traces/list-traces-query";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/public/traces
export const GET = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const query = parseListTracesQuery(new URL(request.url).searchParams);
  return NextResponse.json(await listTraces(principal.projectId, query));
});

// DELETE /api/public/traces {traceIds} — up to 1000 traces; ids not stored are no error
export const DELETE = handleRoute(async (request) => {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const { traceIds } = DeleteTracesBodyZ.parse(await readJson(request));

  const { deletedTraceIds } = await deleteTraces(principal.projectId, traceIds);
  // `deleted`: how many of them were stored (Langfuse answers the message alone).
  return NextResponse.json({ message: "Traces deleted", deleted: deletedTraceIds.length });
});

export const { POST, PUT, PATCH, OPTIONS } = rejectOtherMethods({ GET, DELETE });
