import { gunzipSync } from "node:zlib";

import { OtlpRequestError } from "./errors";
import type { OtlpContentEncoding } from "./media-type";

export interface BodyLimits {
  /** Largest request body accepted as sent (compressed or not). */
  maxBodyBytes: number;
  /** Largest body accepted after gzip inflation; a gzip bomb stops here. */
  maxInflatedBytes: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_BODY_LIMITS: BodyLimits = {
  maxBodyBytes: 32 * MIB,
  maxInflatedBytes: 32 * MIB,
};

/**
 * Returns the request body as the OTLP payload bytes, inflating gzip with a hard output cap so
 * that a gzip bomb costs at most maxInflatedBytes of memory and ends in a 413.
 */
export function inflateBody(
  body: Uint8Array,
  encoding: OtlpContentEncoding,
  limits: BodyLimits,
): Uint8Array {
  if (body.byteLength > limits.maxBodyBytes) {
    throw new OtlpRequestError(
      413,
      `Request body is ${body.byteLength} bytes, over the limit of ${limits.maxBodyBytes}`,
    );
  }

  if (encoding === "identity") {
    if (body.byteLength > limits.maxInflatedBytes) {
      throw new OtlpRequestError(
        413,
        `Request body is ${body.byteLength} bytes, over the limit of ${limits.maxInflatedBytes}`,
      );
    }
    return body;
  }

  // Limitation: inflation is synchronous, so up to maxInflatedBytes of work runs on the event
  // loop; the cap keeps that to tens of milliseconds.
  try {
    return gunzipSync(body, { maxOutputLength: limits.maxInflatedBytes });
  } catch (error) {
    if (isBufferTooLarge(error)) {
      throw new OtlpRequestError(
        413,
        `Gzip body inflates to more than the limit of ${limits.maxInflatedBytes} bytes`,
      );
    }
    const reason = error instanceof Error ? error.message : "unknown error";
    throw new OtlpRequestError(
      400,
      `Content-Encoding is gzip but the body is not valid gzip: ${reason}`,
    );
  }
}

function isBufferTooLarge(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return "code" in error && error.code === "ERR_BUFFER_TOO_LARGE";
}
