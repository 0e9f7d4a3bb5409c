import type { PriceBook } from "@/lib/cost/match-model";
import { decodeTraceRequest, type BodyLimits } from "@/lib/otlp/decode-request";
import type { DecodeResult } from "@/lib/otlp/normalize-request";
import { extractScoresFromSpans } from "@/lib/scores/extract-scores-from-spans";
import type { ScoreRecord } from "@/lib/scores/save-scores";

import { mapSpan } from "./map/map-span";
import type { DecodedSpan, MappedSpan } from "./types";
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
  const scores: ScoreRecord[] = [];
  const batch = buildSpanBatch(input.projectId, mapEach(decoded.spans, input.projectId, scores), {
    maxIoBytes: input.maxIoBytes,
    priceBook: input.priceBook,
  });
  return { decodeRejected: decoded.rejected, batch, scores };
}

/**
 * Maps spans one at a time as the batch builder asks for them, collecting their scores, so that
 * a mapped span (parsed messages and all) is garbage as soon as its row is built rather than
 * living, with all the others, until the whole request is: less for each scavenge to copy.
 */
function* mapEach(
  spans: readonly DecodedSpan[],
  projectId: string,
  scores: ScoreRecord[],
): Generator<MappedSpan> {
  for (const span of spans) {
    const mapped = mapSpan(span);
    scores.push(...extractScoresFromSpans(projectId, [mapped]));
    yield mapped;
  }
}
