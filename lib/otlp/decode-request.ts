import type { DecodedSpan } from "@/lib/ingest/types";

import { DEFAULT_BODY_LIMITS, inflateBody, type BodyLimits } from "./inflate-body";
import { parseContentEncoding, parseOtlpMediaType } from "./media-type";
import { normalizeTraceRequest, type DecodeResult } from "./normalize-request";
import { decodeProtobufRequest, parseJsonRequest } from "./parse-wire-request";

export type { BodyLimits, DecodeResult, DecodedSpan };
export { DEFAULT_BODY_LIMITS };

/**
 * Decodes an OTLP/HTTP trace export body into spans. Throws OtlpRequestError (415 for media type
 * or encoding, 413 for size, 400 for undecodable content) when the request as a whole is
 * unusable; refuses single spans with bad ids or times through `rejected` instead.
 */
export function decodeTraceRequest(
  body: Uint8Array,
  contentType: string | null,
  contentEncoding: string | null,
  limits: Partial<BodyLimits> = {},
): DecodeResult {
  const format = parseOtlpMediaType(contentType);
  const encoding = parseContentEncoding(contentEncoding);
  const payload = inflateBody(body, encoding, { ...DEFAULT_BODY_LIMITS, ...limits });

  if (format === "protobuf") return decodeProtobufRequest(payload);
  return normalizeTraceRequest(parseJsonRequest(payload), "hex");
}
