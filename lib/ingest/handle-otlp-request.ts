import { authenticateApiKey } from "@/lib/auth/api-keys";
import { loadPriceBook } from "@/lib/cost/price-store";
import { AppError, type ErrorCode } from "@/lib/http/app-error";
import { logger } from "@/lib/log/logger";
import { encodeTraceResponse } from "@/lib/otlp/encode-response";
import { OtlpRequestError, type OtlpRequestErrorStatus } from "@/lib/otlp/errors";
import { parseContentEncoding, parseOtlpMediaType } from "@/lib/otlp/media-type";
import { MAX_REJECTION_REASONS, type DecodeResult } from "@/lib/otlp/normalize-request";
import { saveScores, type ScoreRecord } from "@/lib/scores/save-scores";

import { declaredBodyBytes, getIngestAdmission } from "./admission";
import { getIngestLimits } from "./ingest-limits";
import { readRequestBody } from "./read-request-body";
import { prepareOtlpRequestOffThread } from "./worker/ingest-worker-pool";
import { writeSpanBatch } from "./write-spans";

const ERROR_CODE_BY_STATUS: Record<OtlpRequestErrorStatus, ErrorCode> = {
  400: "bad_request",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

/**
 * Handles an OTLP/HTTP trace export (POST /v1/traces and /api/public/otel/v1/traces): auth,
 * media type, bounded body, then decode, map and rows on an ingest worker thread, durable
 * write, then the ExportTraceServiceResponse in the request's format. Client faults throw
 * AppError (401/400/413/415); refused single spans are reported as partialSuccess with a 200.
 */
// Limitation: a span costs about 80 µs of app CPU (decode, map, JSON and COPY text, garbage
// collection of all that, socket writes) and, with the app competing for the same cores, 80-95
// µs of Postgres CPU (COPY into the indexed partitions is most of it: alone, one stream spends
// ~55 µs per span in its statements), against ~50 µs for a bare COPY (bench:ingest). On one
// 2-core machine ingest therefore tops out near a third of the raw 8-stream COPY ceiling.
export async function handleOtlpTraceRequest(request: Request, requestId: string) {
  const principal = await authenticateApiKey(request.headers.get("authorization"));
  const release = getIngestAdmission().tryAdmit(declaredBodyBytes(request));
  if (!release) return tooBusy(requestId);
  try {
    return await handleAdmittedRequest(request, requestId, principal.projectId);
  } finally {
    release();
  }
}

/**
 * 429 with Retry-After: OTLP exporters retry such a reply later (the spec's throttling signal),
 * so spans are delayed, not lost.
 */
function tooBusy(requestId: string): Response {
  return Response.json(
    { error: "Ingestion is at capacity: retry after the delay in Retry-After" },
    {
      status: 429,
      headers: { "retry-after": String(RETRY_AFTER_SECONDS), "x-request-id": requestId },
    },
  );
}

const RETRY_AFTER_SECONDS = 1;

async function handleAdmittedRequest(request: Request, requestId: string, projectId: string) {
  const principal = { projectId };
  const context = { requestId, projectId };
  const limits = getIngestLimits();
  const contentType = request.headers.get("content-type");
  const contentEncoding = request.headers.get("content-encoding");

  const [{ format, body }, priceBook] = await Promise.all([
    refuseBadRequest(context, async () => {
      const format = parseOtlpMediaType(contentType);
      parseContentEncoding(contentEncoding);
      return { format, body: await readRequestBody(request, limits.body.maxBodyBytes) };
    }),
    loadPriceBook(principal.projectId),
  ]);
  const prepared = await refuseBadRequest(context, () =>
    prepareOtlpRequestOffThread({
      projectId: principal.projectId,
      body,
      contentType,
      contentEncoding,
      bodyLimits: limits.body,
      maxIoBytes: limits.maxIoBytes,
      priceBook,
    }),
  );

  const written = await writeSpanBatch(principal.projectId, prepared.batch);
  await recordJudgeScores(principal.projectId, prepared.scores, requestId);

  const rejected = combineRejections(prepared.decodeRejected, written.rejected);
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

/**
 * Runs a step that may refuse the request (media type and encoding before the body is read,
 * then decoding); an OtlpRequestError becomes the AppError of its status.
 */
// Limitation: refusals are JSON `{ error }` even for protobuf requests; the OTLP spec suggests
// a protobuf google.rpc.Status there. OTLP exporters only log the body, the status drives them.
async function refuseBadRequest<T>(
  context: { requestId: string; projectId: string },
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step();
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
  scores: ScoreRecord[],
  requestId: string,
): Promise<void> {
  if (scores.length === 0) return;
  try {
    await saveScores(scores);
  } catch (error) {
    logger.error({ err: error, requestId, projectId }, "could not record judge scores from spans");
  }
}
