import { exceedsJsonTextDepth, exceedsValueDepth } from "./json-depth";
import { OtlpRequestError } from "./errors";
import { getTraceServiceTypes } from "./otlp-proto-schema";
import {
  MAX_PAYLOAD_DEPTH,
  formatIssuePath,
  wireTraceRequestSchema,
  type WireTraceRequest,
} from "./otlp-wire-schema";

/** Decodes protobuf bytes with protobufjs and validates the result into the wire shape. */
export function parseProtobufRequest(payload: Uint8Array): WireTraceRequest {
  const { request } = getTraceServiceTypes();

  let plain: unknown;
  try {
    const message = request.decode(payload);
    // longs → exact decimal strings (fixed64 unsigned), bytes → base64, NaN/±Infinity → strings.
    plain = request.toObject(message, { longs: String, bytes: String, enums: Number, json: true });
  } catch (error) {
    // protobufjs recurses once per nesting level: a stack overflow means absurdly deep values.
    const reason = error instanceof RangeError ? "values nested too deeply" : describeError(error);
    throw new OtlpRequestError(
      400,
      `Body is not a valid OTLP protobuf ExportTraceServiceRequest: ${reason}`,
    );
  }

  if (exceedsValueDepth(plain, MAX_PAYLOAD_DEPTH)) {
    throw new OtlpRequestError(400, `Body nests values deeper than ${MAX_PAYLOAD_DEPTH} levels`);
  }
  return validateWireRequest(plain);
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
    parsed = JSON.parse(text);
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
