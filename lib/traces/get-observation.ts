import { getSql } from "@/lib/db/sql";
import { AppError } from "@/lib/http/app-error";
import type {
  MappingSource,
  OtlpEvent,
  OtlpLink,
  OtlpResource,
  OtlpScope,
} from "@/lib/ingest/types";

import { buildTree, type TreeSpan } from "./build-tree";
import {
  observationColumns,
  toObservationResponse,
  type ObservationResponse,
  type ObservationRow,
} from "./observation-fields";

interface ObservationDetailRow extends ObservationRow {
  kind: number;
  status_code: number;
  otlp_status_message: string;
  trace_state: string;
  flags: bigint;
  attributes: unknown[];
  resource: OtlpResource;
  scope: OtlpScope;
  events: OtlpEvent[];
  links: OtlpLink[];
  dropped_counts: Record<string, number>;
  raw_times: Record<string, string> | null;
  mapping_report: MappingSource[];
}

export type ObservationDetail = ObservationResponse & {
  kind: number;
  statusCode: number;
  otlpStatusMessage: string;
  traceState: string;
  flags: number;
  attributes: unknown[];
  resourceAttributes: unknown[];
  resource: OtlpResource;
  scope: OtlpScope;
  events: OtlpEvent[];
  links: OtlpLink[];
  droppedCounts: Record<string, number>;
  rawTimes: Record<string, string> | null;
  mappingReport: MappingSource[];
};

/**
 * One observation (by span id, optionally within a trace) with everything that was sent: raw
 * attributes, resource, scope, events, links, and how each field was mapped. Null when the
 * project has none; a 409 when the span id occurs in several traces and no traceId was given.
 */
// Limitation: span ids are unique only within a trace; one reused across traces needs traceId.
export async function getObservation(
  projectId: string,
  spanId: string,
  traceId?: string,
): Promise<ObservationDetail | null> {
  const sql = getSql();
  const rows = await sql<ObservationDetailRow[]>`
    SELECT ${observationColumns(sql)}, s.kind, s.status_code, s.otlp_status_message,
      s.trace_state, s.flags, s.attributes, s.resource, s.scope, s.events, s.links,
      s.dropped_counts, s.raw_times, s.mapping_report
    FROM spans AS s
    WHERE s.project_id = ${projectId} AND s.span_id = ${spanId.toLowerCase()}
      ${traceId ? sql`AND s.trace_id = ${traceId.toLowerCase()}` : sql``}
    LIMIT 10`;

  const row = rows[0];
  if (!row) return null;
  if (rows.length > 1) {
    throw new AppError("conflict", "Several traces hold this observation id: pass traceId", {
      traceIds: rows.map((candidate) => candidate.trace_id),
    });
  }

  const node = await findTreeNode(projectId, row.trace_id, row.span_id);
  return {
    ...toObservationResponse(row, node),
    kind: row.kind,
    statusCode: row.status_code,
    otlpStatusMessage: row.otlp_status_message,
    traceState: row.trace_state,
    flags: Number(row.flags),
    attributes: row.attributes,
    resourceAttributes: row.resource.attributes,
    resource: row.resource,
    scope: row.scope,
    events: row.events,
    links: row.links,
    droppedCounts: row.dropped_counts,
    rawTimes: row.raw_times,
    mappingReport: row.mapping_report,
  };
}

/** The span's node in its trace's tree: the effective parent needs the whole trace's skeleton. */
async function findTreeNode(projectId: string, traceId: string, spanId: string) {
  const sql = getSql();
  const skeleton = await sql<
    { span_id: string; parent_span_id: string | null; start_ns: bigint }[]
  >`
    SELECT span_id, parent_span_id, start_ns FROM spans
    WHERE project_id = ${projectId} AND trace_id = ${traceId}`;
  const spans: TreeSpan[] = skeleton.map((item) => ({
    spanId: item.span_id,
    parentSpanId: item.parent_span_id,
    startNs: item.start_ns,
  }));
  return buildTree(spans).byId.get(spanId);
}
