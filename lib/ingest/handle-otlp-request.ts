import { authenticateApiKey } from "@/lib/auth/api-keys";
import { AppError, type ErrorCode } from "@/lib/http/app-error";
import { mapSpan } from "@/lib/ingest/map/map-span";
import { logger } from "@/lib/log/logger";
import { decodeTraceRequest, type BodyLimits } from "@/lib/otlp/decode-request";
import { encodeTraceResponse } from "@/lib/otlp/encode-response";
import { OtlpRequestError, type OtlpRequestErrorStatus } from "@/lib/otlp/errors";
import { parseContentEncoding, parseOtlpMediaType, type OtlpFormat } from "@/lib/otlp/media-type";
import { MAX_REJECTION_REASONS, type DecodeResult } from "@/lib/otlp/normalize-request";

import { getIngestLimits } from "./ingest-limits";
import { readRequestBody } from "./read-request-body";
import { writeSpans } from "./write-spans";
import { loadPriceBook } from "@/lib/cost/price-store";
import { recordScoresFromSpans } from "@/lib/scores/record-span-scores";

const ERROR_CODE_BY_STATUS: Record<OtlpRequestErrorStatus, ErrorCode> = {
  400: "bad_request",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

/**
 * Handles an OTLP/HTTP trace export (POST /v1/traces and /api/public/otel/v1/traces): auth,
 * media type, bounded body, decode, map, durable write, then the ExportTraceServiceResponse in
 * the request's format. Client faults throw AppError (401/400/413/415); refused single spans are
 * reported as partialSuccess with a 200.
 */
// Limitation: decoding, mapping and building rows run on the server's one event loop, about
// 200 µs of CPU per span (bench:ingest), so one app process tops out near 5k spans/s; beyond
// that, run more app processes (or move this work to worker threads).
export async function handleOtlpTraceRequest(request: Request, requestId: string) {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const limits = getIngestLimits();
  const { format, decoded } = await decodeOrRefuse(request, limits.body, {
    requestId,
    projectId: principal.projectId,
  });

  const mapped = decoded.spans.map(mapSpan);
  const written = await writeSpans(principal.projectId, mapped, {
    maxIoBytes: limits.maxIoBytes,
    priceBook: await loadPriceBook(principal.projectId),
  });
  await recordJudgeScores(principal.projectId, mapped, requestId);

  const rejected = combineRejections(decoded.rejected, written.rejected);
  if (rejected.count > 0) {
    // Reasons name the span and the field, never attribute values.
    logger.warn(
      {
        requestId,
        projectId: principal.projectId,
        rejectedSpans: rejected.count,
        reasons: rejected.reasons.slice(0, 5),
      },
      "OTLP spans rejected",
    );
  }

  const response = encodeTraceResponse(format, rejected);
  return new Response(Buffer.from(response.body), {
    status: 200,
    headers: { "content-type": response.contentType, "x-request-id": requestId },
  });
}

/** Checks media type and encoding before reading the body, then decodes; AppError on refusal. */
// Limitation: refusals are JSON `{ error }` even for protobuf requests; the OTLP spec suggests
// a protobuf google.rpc.Status there. OTLP exporters only log the body, the status drives them.
async function decodeOrRefuse(
  request: Request,
  limits: BodyLimits,
  context: { requestId: string; projectId: string },
): Promise<{ format: OtlpFormat; decoded: DecodeResult }> {
  const contentType = request.headers.get("content-type");
  const contentEncoding = request.headers.get("content-encoding");
  try {
    const format = parseOtlpMediaType(contentType);
    parseContentEncoding(contentEncoding);
    const body = await readRequestBody(request, limits.maxBodyBytes);
    return { format, decoded: decodeTraceRequest(body, contentType, contentEncoding, limits) };
  } catch (error) {
    if (!(error instanceof OtlpRequestError)) throw error;
    logger.warn(
      { ...context, status: error.status, reason: error.message },
      "OTLP request refused",
    );
    throw new AppError(ERROR_CODE_BY_STATUS[error.status], error.message);
  }
}

function combineRejections(...parts: DecodeResult["rejected"][]): DecodeResult["rejected"] {
  const count = parts.reduce((sum, part) => sum + part.count, 0);
  const reasons = parts.flatMap((part) => part.reasons).slice(0, MAX_REJECTION_REASONS);
  return { count, reasons };
}

/**
 * Judge results sent as spans (EVALUATOR spans, gen_ai.evaluation.result events) become EVAL
 * scores. The spans are already durable here, so a failure is logged rather than failing the
 * request: the scores derive from stored spans and a re-send upserts them.
 */
async function recordJudgeScores(
  projectId: string,
  mapped: Parameters<typeof recordScoresFromSpans>[1],
  requestId: string,
): Promise<void> {
  try {
    await recordScoresFromSpans(projectId, mapped);
  } catch (error) {
    logger.error({ err: error, requestId, projectId }, "could not record judge scores from spans");
  }
}
