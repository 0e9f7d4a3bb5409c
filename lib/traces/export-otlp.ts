import { getSql } from "@/lib/db/sql";
import type {
  DecodedSpan,
  OtlpEvent,
  OtlpKeyValue,
  OtlpLink,
  OtlpResource,
  OtlpScope,
} from "@/lib/ingest/types";

interface ExportRow {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  trace_state: string;
  flags: bigint;
  name: string;
  kind: number;
  start_ns: bigint;
  end_ns: bigint;
  raw_times: { startTimeUnixNano: string; endTimeUnixNano: string } | null;
  attributes: OtlpKeyValue[];
  dropped_counts: { attributes?: number; events?: number; links?: number };
  events: OtlpEvent[];
  links: OtlpLink[];
  status_code: number;
  otlp_status_message: string;
  resource: OtlpResource;
  scope: OtlpScope;
}

/** An OTLP/JSON span as exported: the span as decoded, without its resource and scope. */
export type ExportedSpan = Omit<DecodedSpan, "resource" | "scope">;

export interface ExportedScopeSpans {
  scope: Omit<OtlpScope, "schemaUrl">;
  schemaUrl: string;
  spans: ExportedSpan[];
}

export interface ExportedResourceSpans {
  resource: Omit<OtlpResource, "schemaUrl">;
  schemaUrl: string;
  scopeSpans: ExportedScopeSpans[];
}

export interface ExportTraceServiceRequestJson {
  resourceSpans: ExportedResourceSpans[];
}

/**
 * The stored trace as an OTLP/JSON ExportTraceServiceRequest, spans grouped by resource and then
 * scope, each group in the order of its first span (by start time, then span id). Times are the
 * ones sent, even where the stored duration was clamped. Null when the trace does not exist.
 */
// Limitation: names longer than the indexed-text limit were cut at ingest, so such a span
// exports its shortened name.
export async function exportTraceAsOtlp(
  projectId: string,
  traceId: string,
): Promise<ExportTraceServiceRequestJson | null> {
  const sql = getSql();
  const rows = await sql<ExportRow[]>`
    SELECT trace_id, span_id, parent_span_id, trace_state, flags, name, kind, start_ns, end_ns,
      raw_times, attributes, dropped_counts, events, links, status_code, otlp_status_message,
      resource, scope
    FROM spans
    WHERE project_id = ${projectId} AND trace_id = ${traceId.toLowerCase()}
    ORDER BY start_ns, span_id`;
  if (rows.length === 0) return null;

  const resources = new Map<
    string,
    ExportedResourceSpans & { scopes: Map<string, ExportedScopeSpans> }
  >();
  for (const row of rows) {
    const resourceKey = JSON.stringify(row.resource);
    let resource = resources.get(resourceKey);
    if (!resource) {
      const { schemaUrl, ...fields } = row.resource;
      resource = { resource: fields, schemaUrl, scopeSpans: [], scopes: new Map() };
      resources.set(resourceKey, resource);
    }

    const scopeKey = JSON.stringify(row.scope);
    let scope = resource.scopes.get(scopeKey);
    if (!scope) {
      const { schemaUrl, ...fields } = row.scope;
      scope = { scope: fields, schemaUrl, spans: [] };
      resource.scopes.set(scopeKey, scope);
      resource.scopeSpans.push(scope);
    }
    scope.spans.push(toExportedSpan(row));
  }

  return {
    resourceSpans: [...resources.values()].map(({ resource, schemaUrl, scopeSpans }) => ({
      resource,
      schemaUrl,
      scopeSpans,
    })),
  };
}

function toExportedSpan(row: ExportRow): ExportedSpan {
  return {
    traceId: row.trace_id,
    spanId: row.span_id,
    parentSpanId: row.parent_span_id ?? "",
    traceState: row.trace_state,
    flags: Number(row.flags),
    name: row.name,
    kind: row.kind,
    startTimeUnixNano: row.raw_times?.startTimeUnixNano ?? row.start_ns.toString(),
    endTimeUnixNano: row.raw_times?.endTimeUnixNano ?? row.end_ns.toString(),
    attributes: row.attributes,
    droppedAttributesCount: row.dropped_counts.attributes ?? 0,
    events: row.events,
    droppedEventsCount: row.dropped_counts.events ?? 0,
    links: row.links,
    droppedLinksCount: row.dropped_counts.links ?? 0,
    status: { code: row.status_code, message: row.otlp_status_message },
  };
}
