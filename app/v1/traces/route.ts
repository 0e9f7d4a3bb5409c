import { handleRoute } from "@/lib/http/handle-route";
import { handleOtlpTraceRequest } from "@/lib/ingest/handle-otlp-request";
import { rejectOtherMethods } from "@/lib/http/other-methods";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /v1/traces (OTLP/HTTP, the collector's standard path)
export const POST = handleRoute((request, _context, requestId) =>
  handleOtlpTraceRequest(request, requestId),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = rejectOtherMethods({ POST });
