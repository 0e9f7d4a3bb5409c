import { z } from "zod";

import { getSql, type Sql } from "@/lib/db/sql";
import { searchParamsRecord } from "@/lib/http/search-params";
import { parseObservationLevel, parseObservationType } from "@/lib/ingest/map/observation-kinds";

import {
  observationColumns,
  toObservationResponse,
  type ObservationResponse,
  type ObservationRow,
} from "./observation-fields";
import { publicFilterParamZ } from "./public-filter";
import { OBSERVATION_FILTER_COLUMNS } from "./public-filter-columns";
import { filterConditionsSql } from "./public-filter-sql";

const MAX_FILTER_LENGTH = 2000;
const filterText = z.string().trim().min(1).max(MAX_FILTER_LENGTH).optional();

/** Query of GET /api/public/observations (Langfuse's names). */
export const ListObservationsQueryZ = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  name: filterText,
  userId: filterText,
  type: z
    .string()
    .transform((value, context) => {
      const type = parseObservationType(value);
      if (!type) context.addIssue({ code: "custom", message: "is not an observation type" });
      return type ?? z.NEVER;
    })
    .optional(),
  traceId: filterText,
  level: z
    .string()
    .transform((value, context) => {
      const level = parseObservationLevel(value);
      if (!level) context.addIssue({ code: "custom", message: "is not an observation level" });
      return level ?? z.NEVER;
    })
    .optional(),
  parentObservationId: filterText,
  /** Repeatable: observations in any of the environments. */
  environment: z.array(z.string().trim().min(1).max(MAX_FILTER_LENGTH)).max(20).default([]),
  version: filterText,
  fromStartTime: z.iso.datetime({ offset: true }).optional(),
  toStartTime: z.iso.datetime({ offset: true }).optional(),
  /** Langfuse's JSON array of conditions, applied together with the parameters above. */
  filter: publicFilterParamZ(OBSERVATION_FILTER_COLUMNS).optional(),
});

export type ListObservationsQuery = z.infer<typeof ListObservationsQueryZ>;

/** The parameters an observation list repeats (`environment=a&environment=b`). */
export const REPEATABLE_OBSERVATION_PARAMETERS = ["environment"] as const;

/** Parses the URL search parameters of GET /api/public/observations. */
export function parseListObservationsQuery(searchParams: URLSearchParams): ListObservationsQuery {
  return ListObservationsQueryZ.parse(
    searchParamsRecord(searchParams, REPEATABLE_OBSERVATION_PARAMETERS),
  );
}

export interface ObservationPage {
  data: ObservationResponse[];
  meta: { page: number; limit: number; totalItems: number; totalPages: number };
}

/**
 * Spans whose user (or session) is `value`: their own, else their trace's, as in Langfuse (a
 * trace attribute) and the metrics API. Equal to COALESCE(span's, trace's) = value, written so
 * the trace side is one indexed lookup rather than a subquery per span.
 */
export function traceFieldIs(
  sql: Sql,
  projectId: string,
  column: "user_id" | "session_id",
  value: string,
) {
  return sql`(s.${sql(column)} = ${value} OR (s.${sql(column)} IS NULL AND s.trace_id IN (
    SELECT t.trace_id FROM traces AS t
    WHERE t.project_id = ${projectId} AND t.${sql(column)} = ${value})))`;
}

/** The WHERE condition of a filtered observation list on the `spans` alias `s`. */
export function observationConditions(
  sql: Sql,
  projectId: string,
  query: Omit<ListObservationsQuery, "page" | "limit">,
) {
  const parts = [sql`s.project_id = ${projectId}`];
  if (query.traceId) parts.push(sql`s.trace_id = ${query.traceId.toLowerCase()}`);
  if (query.name) parts.push(sql`s.name = ${query.name}`);
  if (query.userId) parts.push(traceFieldIs(sql, projectId, "user_id", query.userId));
  if (query.type) parts.push(sql`s.type = ${query.type}`);
  if (query.level) parts.push(sql`s.level = ${query.level}`);
  if (query.parentObservationId) {
    parts.push(sql`s.parent_span_id = ${query.parentObservationId.toLowerCase()}`);
  }
  if (query.environment.length > 0) {
    parts.push(sql`s.environment = ANY(${query.environment}::text[])`);
  }
  if (query.version) parts.push(sql`s.version = ${query.version}`);
  if (query.fromStartTime) parts.push(sql`s.start_time >= ${query.fromStartTime}::timestamptz`);
  if (query.toStartTime) parts.push(sql`s.start_time < ${query.toStartTime}::timestamptz`);
  parts.push(...filterConditionsSql(sql, OBSERVATION_FILTER_COLUMNS, query.filter ?? []));
  return parts.reduce((joined, part) => sql`${joined} AND ${part}`);
}

/**
 * A page of the project's observations, newest start first (id as tie-break), with Langfuse's
 * page paging. The parent is the one the span named (the trace read gives the effective tree).
 */
export async function listObservations(
  projectId: string,
  query: ListObservationsQuery,
): Promise<ObservationPage> {
  const sql = getSql();
  const where = observationConditions(sql, projectId, query);
  const [rows, [count]] = await Promise.all([
    sql<ObservationRow[]>`
      SELECT ${observationColumns(sql)}
      FROM spans AS s
      WHERE ${where}
      ORDER BY s.start_time DESC, s.span_id DESC
      LIMIT ${query.limit} OFFSET ${(query.page - 1) * query.limit}`,
    sql<{ total: number }[]>`SELECT count(*)::int AS total FROM spans AS s WHERE ${where}`,
  ]);
  const totalItems = count?.total ?? 0;
  return {
    data: rows.map((row) => toObservationResponse(row, undefined)),
    meta: {
      page: query.page,
      limit: query.limit,
      totalItems,
      totalPages: Math.ceil(totalItems / query.limit),
    },
  };
}
