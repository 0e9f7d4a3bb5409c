import type { PriceBook } from "@/lib/cost/match-model";
import { decodeTraceRequest, type BodyLimits } from "@/lib/otlp/decode-request";
import type { DecodeResult } from "@/lib/otlp/normalize-request";
import { extractScoresFromSpans } from "@/lib/scores/extract-scores-from-spans";
import type { ScoreRecord } from "@/lib/scores/save-scores";

import { mapSpan } from "./map/map-span";
import { buildSpanBatch, type SpanBatch } from "./write-spans";

/** What one OTLP request needs from the CPU-bound steps, before any database work. */
export interface PrepareOtlpRequestInput {
  projectId: string;
  body: Uint8Array;
  contentType: string | null;
  contentEncoding: string | null;
  bodyLimits: BodyLimits;
  maxIoBytes: number;
  priceBook: PriceBook;
}

export interface PreparedOtlpRequest {
  /** Spans the decoder refused (bad ids, times, values). */
  decodeRejected: DecodeResult["rejected"];
  /** The rows to write, with the spans refused while building them. */
  batch: SpanBatch;
  /** EVAL scores carried by the spans, to store once the spans are. */
  scores: ScoreRecord[];
}

/**
 * Decodes an OTLP trace request, maps its spans, builds the rows and their COPY text, and
 * extracts judge scores: all the request's CPU work, so that it can run in a worker thread.
 * Throws OtlpRequestError (undecodable body) or AppError (413) as the route expects.
 */
export function prepareOtlpRequest(input: PrepareOtlpRequestInput): PreparedOtlpRequest {
  const decoded = decodeTraceRequest(
    input.body,
    input.contentType,
    input.contentEncoding,
    input.bodyLimits,
  );
  const mapped = decoded.spans.map(mapSpan);
  const batch = buildSpanBatch(input.projectId, mapped, {
    maxIoBytes: input.maxIoBytes,
    priceBook: input.priceBook,
  });
  return {
    decodeRejected: decoded.rejected,
    batch,
    scores: extractScoresFromSpans(input.projectId, mapped),
  };
}
