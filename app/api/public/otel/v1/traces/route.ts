import { handleRoute } from "@/lib/http/handle-route";
import { handleOtlpTraceRequest } from "@/lib/ingest/handle-otlp-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/public/otel/v1/traces (OTLP/HTTP, the path Langfuse SDKs export to)
export const POST = handleRoute((request, _context, requestId) =>
  handleOtlpTraceRequest(request, requestId),
);
