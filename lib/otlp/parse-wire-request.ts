import { exceedsJsonTextDepth } from "./json-depth";
import { quoteLongInt64Numbers } from "./json-int64";
import { OtlpRequestError } from "./errors";
import { getTraceServiceTypes } from "./otlp-proto-schema";
import type { DecodeResult } from "./normalize-request";
import { normalizeProtoTraceRequest, type ProtoTraceRequest } from "./normalize-proto-request";
import {
  MAX_PAYLOAD_DEPTH,
  formatIssuePath,
  wireTraceRequestSchema,
  type WireTraceRequest,
} from "./otlp-wire-schema";

/**
 * Decodes protobuf bytes with protobufjs and normalizes the message directly: the decoder
 * already guarantees the field types that zod checks for JSON, and going through a plain object
 * (ids as base64 and back) cost more than the decoding itself.
 */
export function decodeProtobufRequest(payload: Uint8Array): DecodeResult {
  const { request } = getTraceServiceTypes();

  let message: ProtoTraceRequest;
  try {
    message = request.decode(payload) as ProtoTraceRequest;
  } catch (error) {
    // protobufjs recurses once per nesting level: a stack overflow means absurdly deep values.
    const reason = error instanceof RangeError ? "values nested too deeply" : describeError(error);
    throw new OtlpRequestError(
      400,
      `Body is not a valid OTLP protobuf ExportTraceServiceRequest: ${reason}`,
    );
  }
  return normalizeProtoTraceRequest(message);
}

/** Parses OTLP/JSON (camelCase or snake_case keys) and validates it into the wire shape. */
export function parseJsonRequest(payload: Uint8Array): WireTraceRequest {
  // Invalid UTF-8 becomes U+FFFD rather than refusing the whole batch.
  const text = new TextDecoder("utf-8", { fatal: false }).decode(payload);

  if (exceedsJsonTextDepth(text, MAX_PAYLOAD_DEPTH)) {
    throw new OtlpRequestError(400, `Body nests JSON deeper than ${MAX_PAYLOAD_DEPTH} levels`);
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(quoteLongInt64Numbers(text));
  } catch (error) {
    throw new OtlpRequestError(400, `Body is not valid JSON: ${describeError(error)}`);
  }

  return validateWireRequest(camelizeKeys(parsed));
}

function validateWireRequest(plain: unknown): WireTraceRequest {
  const result = wireTraceRequestSchema.safeParse(plain);
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  const where = issue ? formatIssuePath(issue.path) : "(root)";
  const problem = issue ? issue.message : "invalid request";
  throw new OtlpRequestError(400, `Invalid OTLP trace request at ${where}: ${problem}`);
}

// Pre-1.0 OTLP names some older clients still send.
const LEGACY_KEYS: Record<string, string> = {
  instrumentationLibrarySpans: "scopeSpans",
  instrumentationLibrary: "scope",
};

/**
 * Turns snake_case object keys into camelCase at every depth. Safe for OTLP/JSON because user
 * data never appears as an object key there (attribute keys are values of `key` fields).
 */
function camelizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelizeKeys);
  if (value === null || typeof value !== "object") return value;

  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const camel = key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
    const name = LEGACY_KEYS[camel] ?? camel;
    if (!(name in result)) result[name] = camelizeKeys(item);
  }
  return result;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : "unknown error";
}
