import type { DecodedSpan, OtlpEvent, OtlpLink, OtlpResource, OtlpScope } from "@/lib/ingest/types";

import { InvalidFieldError } from "./invalid-field-error";
import { normalizeAttributes } from "./normalize-any-value";
import {
  SPAN_KIND_NAMES,
  STATUS_CODE_NAMES,
  normalizeEnum,
  normalizeId,
  normalizeUint32,
  normalizeUnixNano,
  type IdEncoding,
} from "./normalize-fields";
import type {
  WireEvent,
  WireLink,
  WireResourceSpans,
  WireScopeSpans,
  WireSpan,
  WireTraceRequest,
} from "./otlp-wire-schema";
import { sanitizeText } from "./sanitize-text";

/** Spans accepted from one request, and the count and reasons of the ones refused. */
export interface DecodeResult {
  spans: DecodedSpan[];
  rejected: { count: number; reasons: string[] };
}

/** Reasons kept per request; the count stays exact beyond it. */
export const MAX_REJECTION_REASONS = 20;

/**
 * Turns a validated request into DecodedSpans. A span with a bad id, time or value is refused
 * alone (counted, with a reason naming it and the field); the rest of the batch is kept.
 */
export function normalizeTraceRequest(
  request: WireTraceRequest,
  idEncoding: IdEncoding,
): DecodeResult {
  const result: DecodeResult = { spans: [], rejected: { count: 0, reasons: [] } };

  (request.resourceSpans ?? []).forEach((resourceSpans, resourceIndex) => {
    const resourcePath = `resourceSpans[${resourceIndex}]`;
    const resource = tryNormalize(() => normalizeResource(resourceSpans, resourcePath));

    (resourceSpans.scopeSpans ?? []).forEach((scopeSpans, scopeIndex) => {
      const scopePath = `${resourcePath}.scopeSpans[${scopeIndex}]`;
      const scope = tryNormalize(() => normalizeScope(scopeSpans, scopePath));

      (scopeSpans.spans ?? []).forEach((span, spanIndex) => {
        const decoded = tryNormalize(() => {
          // A bad resource or scope attribute refuses every span that shares it.
          if (resource instanceof InvalidFieldError) throw resource;
          if (scope instanceof InvalidFieldError) throw scope;
          return normalizeSpan(span, idEncoding, resource, scope);
        });

        if (decoded instanceof InvalidFieldError) {
          const path = `${scopePath}.spans[${spanIndex}]`;
          reject(result, describeSpan(span, path, idEncoding), decoded);
        } else {
          result.spans.push(decoded);
        }
      });
    });
  });

  return result;
}

/** Runs one normalization step, returning (not throwing) the InvalidFieldError it raises. */
export function tryNormalize<T>(normalize: () => T): T | InvalidFieldError {
  try {
    return normalize();
  } catch (error) {
    if (error instanceof InvalidFieldError) return error;
    throw error;
  }
}

/** Counts one refused span and keeps its reason while there is room. */
export function reject(
  result: DecodeResult,
  spanDescription: string,
  error: InvalidFieldError,
): void {
  result.rejected.count++;
  if (result.rejected.reasons.length < MAX_REJECTION_REASONS) {
    result.rejected.reasons.push(`${spanDescription}: ${error.message}`);
  }
}

function describeSpan(span: WireSpan, path: string, idEncoding: IdEncoding): string {
  const name = sanitizeText(span.name ?? "").slice(0, 60);
  const rawId = span.spanId ?? "";
  // Shown as hex whatever the encoding, so that it matches what the client logs.
  const readableId = idEncoding === "base64" ? Buffer.from(rawId, "base64").toString("hex") : rawId;
  const spanId = sanitizeText(readableId).slice(0, 40);
  return `span ${path} (name ${JSON.stringify(name)}, spanId ${JSON.stringify(spanId)})`;
}

function normalizeResource(resourceSpans: WireResourceSpans, path: string): OtlpResource {
  const field = `${path}.resource`;
  return {
    attributes: normalizeAttributes(resourceSpans.resource?.attributes, `${field}.attributes`),
    droppedAttributesCount: normalizeUint32(
      resourceSpans.resource?.droppedAttributesCount,
      `${field}.droppedAttributesCount`,
    ),
    schemaUrl: sanitizeText(resourceSpans.schemaUrl ?? ""),
  };
}

function normalizeScope(scopeSpans: WireScopeSpans, path: string): OtlpScope {
  const field = `${path}.scope`;
  const scope = scopeSpans.scope;
  return {
    name: sanitizeText(scope?.name ?? ""),
    version: sanitizeText(scope?.version ?? ""),
    attributes: normalizeAttributes(scope?.attributes, `${field}.attributes`),
    droppedAttributesCount: normalizeUint32(
      scope?.droppedAttributesCount,
      `${field}.droppedAttributesCount`,
    ),
    schemaUrl: sanitizeText(scopeSpans.schemaUrl ?? ""),
  };
}

function normalizeSpan(
  span: WireSpan,
  idEncoding: IdEncoding,
  resource: OtlpResource,
  scope: OtlpScope,
): DecodedSpan {
  return {
    resource,
    scope,
    traceId: normalizeId(span.traceId, idEncoding, "traceId", { byteLength: 16, optional: false }),
    spanId: normalizeId(span.spanId, idEncoding, "spanId", { byteLength: 8, optional: false }),
    parentSpanId: normalizeId(span.parentSpanId, idEncoding, "parentSpanId", {
      byteLength: 8,
      optional: true,
    }),
    traceState: sanitizeText(span.traceState ?? ""),
    flags: normalizeUint32(span.flags, "flags"),
    name: sanitizeText(span.name ?? ""),
    kind: normalizeEnum(span.kind, SPAN_KIND_NAMES, "kind"),
    startTimeUnixNano: normalizeUnixNano(span.startTimeUnixNano, "startTimeUnixNano"),
    endTimeUnixNano: normalizeUnixNano(span.endTimeUnixNano, "endTimeUnixNano"),
    attributes: normalizeAttributes(span.attributes, "attributes"),
    droppedAttributesCount: normalizeUint32(span.droppedAttributesCount, "droppedAttributesCount"),
    events: (span.events ?? []).map((event, index) => normalizeEvent(event, `events[${index}]`)),
    droppedEventsCount: normalizeUint32(span.droppedEventsCount, "droppedEventsCount"),
    links: (span.links ?? []).map((link, index) =>
      normalizeLink(link, idEncoding, `links[${index}]`),
    ),
    droppedLinksCount: normalizeUint32(span.droppedLinksCount, "droppedLinksCount"),
    status: {
      code: normalizeEnum(span.status?.code, STATUS_CODE_NAMES, "status.code"),
      message: sanitizeText(span.status?.message ?? ""),
    },
  };
}

function normalizeEvent(event: WireEvent, field: string): OtlpEvent {
  return {
    timeUnixNano: normalizeUnixNano(event.timeUnixNano, `${field}.timeUnixNano`),
    name: sanitizeText(event.name ?? ""),
    attributes: normalizeAttributes(event.attributes, `${field}.attributes`),
    droppedAttributesCount: normalizeUint32(
      event.droppedAttributesCount,
      `${field}.droppedAttributesCount`,
    ),
  };
}

function normalizeLink(link: WireLink, idEncoding: IdEncoding, field: string): OtlpLink {
  return {
    traceId: normalizeId(link.traceId, idEncoding, `${field}.traceId`, {
      byteLength: 16,
      optional: false,
    }),
    spanId: normalizeId(link.spanId, idEncoding, `${field}.spanId`, {
      byteLength: 8,
      optional: false,
    }),
    traceState: sanitizeText(link.traceState ?? ""),
    attributes: normalizeAttributes(link.attributes, `${field}.attributes`),
    droppedAttributesCount: normalizeUint32(
      link.droppedAttributesCount,
      `${field}.droppedAttributesCount`,
    ),
    flags: normalizeUint32(link.flags, `${field}.flags`),
  };
}
