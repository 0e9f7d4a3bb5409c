import type {
  DecodedSpan,
  OtlpAnyValue,
  OtlpEvent,
  OtlpKeyValue,
  OtlpLink,
  OtlpResource,
  OtlpScope,
} from "@/lib/ingest/types";

import { OtlpRequestError } from "./errors";
import { InvalidFieldError } from "./invalid-field-error";
import { MAX_PAYLOAD_DEPTH } from "./otlp-wire-schema";
import { reject, tryNormalize, type DecodeResult } from "./normalize-request";
import { sanitizeText } from "./sanitize-text";

/**
 * Normalizes a protobufjs-decoded ExportTraceServiceRequest straight into DecodedSpans. The
 * decoder already guarantees every field's type (bytes, fixed64, uint32, double), so unlike the
 * OTLP/JSON path nothing goes through a plain object and zod: only what the wire format leaves
 * open is checked here (id lengths, signed enums, nesting depth), with the same rejections.
 */

/** A 64-bit integer as protobufjs returns it: a long.js Long, or a number without long.js. */
type ProtoLong = number | { low: number; high: number; unsigned: boolean };

interface ProtoAnyValue {
  stringValue?: string | null;
  boolValue?: boolean | null;
  intValue?: ProtoLong | null;
  doubleValue?: number | null;
  bytesValue?: Uint8Array | null;
  arrayValue?: { values?: ProtoAnyValue[] | null } | null;
  kvlistValue?: { values?: ProtoKeyValue[] | null } | null;
}

interface ProtoKeyValue {
  key?: string | null;
  value?: ProtoAnyValue | null;
}

interface ProtoEvent {
  timeUnixNano?: ProtoLong | null;
  name?: string | null;
  attributes?: ProtoKeyValue[] | null;
  droppedAttributesCount?: number | null;
}

interface ProtoLink {
  traceId?: Uint8Array | null;
  spanId?: Uint8Array | null;
  traceState?: string | null;
  attributes?: ProtoKeyValue[] | null;
  droppedAttributesCount?: number | null;
  flags?: number | null;
}

interface ProtoSpan {
  traceId?: Uint8Array | null;
  spanId?: Uint8Array | null;
  traceState?: string | null;
  parentSpanId?: Uint8Array | null;
  flags?: number | null;
  name?: string | null;
  kind?: number | null;
  startTimeUnixNano?: ProtoLong | null;
  endTimeUnixNano?: ProtoLong | null;
  attributes?: ProtoKeyValue[] | null;
  droppedAttributesCount?: number | null;
  events?: ProtoEvent[] | null;
  droppedEventsCount?: number | null;
  links?: ProtoLink[] | null;
  droppedLinksCount?: number | null;
  status?: { message?: string | null; code?: number | null } | null;
}

interface ProtoScopeSpans {
  scope?: {
    name?: string | null;
    version?: string | null;
    attributes?: ProtoKeyValue[] | null;
    droppedAttributesCount?: number | null;
  } | null;
  spans?: ProtoSpan[] | null;
  schemaUrl?: string | null;
}

/** The decoded message, as far as it is read here. */
export interface ProtoTraceRequest {
  resourceSpans?: Array<{
    resource?: {
      attributes?: ProtoKeyValue[] | null;
      droppedAttributesCount?: number | null;
    } | null;
    scopeSpans?: ProtoScopeSpans[] | null;
    schemaUrl?: string | null;
  }> | null;
}

// Depths of the attribute lists' AnyValues, counted in levels of the request's OTLP/JSON form
// (resourceSpans[] = 1), so that the limit means what it means for JSON bodies.
const RESOURCE_VALUE_DEPTH = 6;
const SCOPE_VALUE_DEPTH = 8;
const SPAN_VALUE_DEPTH = 9;
const EVENT_OR_LINK_VALUE_DEPTH = 11;

/** Normalizes every span of a decoded request; bad spans are refused alone, as for JSON. */
export function normalizeProtoTraceRequest(request: ProtoTraceRequest): DecodeResult {
  const result: DecodeResult = { spans: [], rejected: { count: 0, reasons: [] } };

  (request.resourceSpans ?? []).forEach((resourceSpans, resourceIndex) => {
    const resourcePath = `resourceSpans[${resourceIndex}]`;
    const resource = tryNormalize((): OtlpResource => ({
      attributes: normalizeAttributes(resourceSpans.resource?.attributes, RESOURCE_VALUE_DEPTH),
      droppedAttributesCount: resourceSpans.resource?.droppedAttributesCount ?? 0,
      schemaUrl: sanitizeText(resourceSpans.schemaUrl ?? ""),
    }));

    (resourceSpans.scopeSpans ?? []).forEach((scopeSpans, scopeIndex) => {
      const scopePath = `${resourcePath}.scopeSpans[${scopeIndex}]`;
      const scope = tryNormalize((): OtlpScope => normalizeScope(scopeSpans));

      (scopeSpans.spans ?? []).forEach((span, spanIndex) => {
        const decoded = tryNormalize(() => {
          // A bad resource or scope attribute refuses every span that shares it.
          if (resource instanceof InvalidFieldError) throw resource;
          if (scope instanceof InvalidFieldError) throw scope;
          return normalizeSpan(span, resource, scope);
        });

        if (decoded instanceof InvalidFieldError) {
          reject(result, describeSpan(span, `${scopePath}.spans[${spanIndex}]`), decoded);
        } else {
          result.spans.push(decoded);
        }
      });
    });
  });

  return result;
}

function describeSpan(span: ProtoSpan, path: string): string {
  const name = sanitizeText(span.name ?? "").slice(0, 60);
  const spanId = hexOf(span.spanId).slice(0, 40);
  return `span ${path} (name ${JSON.stringify(name)}, spanId ${JSON.stringify(spanId)})`;
}

function normalizeScope(scopeSpans: ProtoScopeSpans): OtlpScope {
  const scope = scopeSpans.scope;
  return {
    name: sanitizeText(scope?.name ?? ""),
    version: sanitizeText(scope?.version ?? ""),
    attributes: normalizeAttributes(scope?.attributes, SCOPE_VALUE_DEPTH),
    droppedAttributesCount: scope?.droppedAttributesCount ?? 0,
    schemaUrl: sanitizeText(scopeSpans.schemaUrl ?? ""),
  };
}

function normalizeSpan(span: ProtoSpan, resource: OtlpResource, scope: OtlpScope): DecodedSpan {
  // Values first: a body nested too deeply is refused whole, whatever else is wrong with a span.
  const attributes = normalizeAttributes(span.attributes, SPAN_VALUE_DEPTH);
  const events = (span.events ?? []).map(normalizeEvent);
  const links = (span.links ?? []).map(normalizeLinkValues);

  return {
    resource,
    scope,
    traceId: normalizeId(span.traceId, "traceId", 16, false),
    spanId: normalizeId(span.spanId, "spanId", 8, false),
    parentSpanId: normalizeId(span.parentSpanId, "parentSpanId", 8, true),
    traceState: sanitizeText(span.traceState ?? ""),
    flags: span.flags ?? 0,
    name: sanitizeText(span.name ?? ""),
    kind: normalizeEnum(span.kind, "kind"),
    startTimeUnixNano: unsignedText(span.startTimeUnixNano),
    endTimeUnixNano: unsignedText(span.endTimeUnixNano),
    attributes,
    droppedAttributesCount: span.droppedAttributesCount ?? 0,
    events,
    droppedEventsCount: span.droppedEventsCount ?? 0,
    links: links.map((link, index) => normalizeLinkIds(link, `links[${index}]`)),
    droppedLinksCount: span.droppedLinksCount ?? 0,
    status: {
      code: normalizeEnum(span.status?.code, "status.code"),
      message: sanitizeText(span.status?.message ?? ""),
    },
  };
}

function normalizeEvent(event: ProtoEvent): OtlpEvent {
  return {
    timeUnixNano: unsignedText(event.timeUnixNano),
    name: sanitizeText(event.name ?? ""),
    attributes: normalizeAttributes(event.attributes, EVENT_OR_LINK_VALUE_DEPTH),
    droppedAttributesCount: event.droppedAttributesCount ?? 0,
  };
}

function normalizeLinkValues(link: ProtoLink) {
  return { link, attributes: normalizeAttributes(link.attributes, EVENT_OR_LINK_VALUE_DEPTH) };
}

function normalizeLinkIds(
  { link, attributes }: ReturnType<typeof normalizeLinkValues>,
  field: string,
): OtlpLink {
  return {
    traceId: normalizeId(link.traceId, `${field}.traceId`, 16, false),
    spanId: normalizeId(link.spanId, `${field}.spanId`, 8, false),
    traceState: sanitizeText(link.traceState ?? ""),
    attributes,
    droppedAttributesCount: link.droppedAttributesCount ?? 0,
    flags: link.flags ?? 0,
  };
}

function hexOf(bytes: Uint8Array | null | undefined): string {
  if (!bytes || bytes.byteLength === 0) return "";
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

/** An id as lowercase hex ("" for an absent optional id), refused like the JSON path does. */
function normalizeId(
  bytes: Uint8Array | null | undefined,
  field: string,
  byteLength: 8 | 16,
  optional: boolean,
): string {
  const hex = hexOf(bytes);
  if (hex === "") {
    if (optional) return "";
    throw new InvalidFieldError(field, "is missing");
  }
  if (hex.length !== byteLength * 2) {
    throw new InvalidFieldError(
      field,
      `must be ${byteLength} bytes (${byteLength * 2} hex characters), got ${hex.length / 2}`,
    );
  }
  if (bytes?.every((byte) => byte === 0)) {
    if (optional) return "";
    throw new InvalidFieldError(field, "must not be all zeros");
  }
  return hex;
}

/** Enums are int32 on the wire: a negative value is out of range. */
function normalizeEnum(value: number | null | undefined, field: string): number {
  if (value === null || value === undefined) return 0;
  if (value < 0) throw new InvalidFieldError(field, "is out of range");
  return value;
}

/** A fixed64 as an exact decimal string. */
function unsignedText(value: ProtoLong | null | undefined): string {
  if (value === null || value === undefined) return "0";
  if (typeof value === "number") return String(value);
  return ((BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0)).toString();
}

/** An int64 as an exact decimal string. */
function signedText(value: ProtoLong): string {
  if (typeof value === "number") return String(value);
  const bits = (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
  return (value.unsigned ? bits : BigInt.asIntN(64, bits)).toString();
}

function normalizeAttributes(
  list: ProtoKeyValue[] | null | undefined,
  valueDepth: number,
): OtlpKeyValue[] {
  if (!list || list.length === 0) return [];

  const attributes = new Array<OtlpKeyValue>(list.length);
  for (let index = 0; index < list.length; index++) {
    const entry = list[index] as ProtoKeyValue;
    attributes[index] = {
      key: sanitizeText(entry.key ?? ""),
      value: entry.value ? normalizeAnyValue(entry.value, valueDepth) : {},
    };
  }
  return attributes;
}

/**
 * One AnyValue in OTLP/JSON form (the first member set wins, in the oneof's order, as for
 * JSON). `depth` is its level in the request's JSON form; values reaching MAX_PAYLOAD_DEPTH
 * refuse the whole request, as a JSON body that deep would be.
 */
function normalizeAnyValue(value: ProtoAnyValue, depth: number): OtlpAnyValue {
  if (value.stringValue != null) return { stringValue: sanitizeText(value.stringValue) };
  if (value.boolValue != null) return { boolValue: value.boolValue };
  if (value.intValue != null) return { intValue: signedText(value.intValue) };
  if (value.doubleValue != null) return { doubleValue: normalizeDouble(value.doubleValue) };
  if (value.bytesValue != null) {
    const bytes = value.bytesValue;
    return {
      bytesValue: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"),
    };
  }

  if (value.arrayValue != null) {
    const items = value.arrayValue.values ?? [];
    // The AnyValue, its arrayValue object, its values array, then each item.
    assertDepth(depth + (items.length > 0 ? 3 : 1));
    const values = items.map((item): OtlpAnyValue =>
      item ? normalizeAnyValue(item, depth + 3) : {},
    );
    return { arrayValue: { values } };
  }
  if (value.kvlistValue != null) {
    const entries = value.kvlistValue.values ?? [];
    // The AnyValue, its kvlistValue object, its values array, each entry, then its value.
    assertDepth(depth + (entries.length > 0 ? 4 : 1));
    return { kvlistValue: { values: normalizeAttributes(entries, depth + 4) } };
  }
  return {};
}

function assertDepth(depth: number): void {
  if (depth >= MAX_PAYLOAD_DEPTH) {
    throw new OtlpRequestError(400, `Body nests values deeper than ${MAX_PAYLOAD_DEPTH} levels`);
  }
}

function normalizeDouble(value: number): number | "NaN" | "Infinity" | "-Infinity" {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  return value;
}
