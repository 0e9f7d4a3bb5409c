import { getTraceServiceTypes } from "./otlp-proto-schema";
import type { OtlpFormat } from "./media-type";
import type { DecodeResult } from "./normalize-request";

export interface EncodedOtlpResponse {
  contentType: string;
  body: Uint8Array;
}

const MAX_ERROR_MESSAGE_LENGTH = 4000;

/**
 * The ExportTraceServiceResponse for a request, in the request's format: empty on full success,
 * `partialSuccess { rejectedSpans, errorMessage }` when spans were refused.
 */
export function encodeTraceResponse(
  format: OtlpFormat,
  rejected: DecodeResult["rejected"],
): EncodedOtlpResponse {
  const partialSuccess =
    rejected.count > 0
      ? { rejectedSpans: rejected.count, errorMessage: formatRejectionMessage(rejected) }
      : null;

  if (format === "json") {
    // proto3 JSON writes int64 as a decimal string.
    const body = partialSuccess
      ? {
          partialSuccess: {
            ...partialSuccess,
            rejectedSpans: String(partialSuccess.rejectedSpans),
          },
        }
      : {};
    return {
      contentType: "application/json",
      body: new TextEncoder().encode(JSON.stringify(body)),
    };
  }

  const { response } = getTraceServiceTypes();
  const message = response.fromObject(partialSuccess ? { partialSuccess } : {});
  return { contentType: "application/x-protobuf", body: response.encode(message).finish() };
}

/** One human-readable line naming the refused spans and why, bounded in length. */
export function formatRejectionMessage(rejected: DecodeResult["rejected"]): string {
  const unexplained = rejected.count - rejected.reasons.length;
  const parts = [...rejected.reasons];
  if (unexplained > 0) parts.push(`and ${unexplained} more`);

  const message = `${rejected.count} span(s) rejected: ${parts.join("; ")}`;
  if (message.length <= MAX_ERROR_MESSAGE_LENGTH) return message;
  return `${message.slice(0, MAX_ERROR_MESSAGE_LENGTH - 1)}…`;
}
