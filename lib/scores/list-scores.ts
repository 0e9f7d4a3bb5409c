import { getSql } from "../db/sql";

import { scoreColumns, traceExists } from "./score-columns";
import { toPublicScore, type PublicScore, type ScoreRow } from "./score-fields";
import type { ListScoresQuery } from "./score-schemas";

export interface ScoreListPage {
  data: PublicScore[];
  meta: { page: number; limit: number; totalItems: number; totalPages: number };
}

/**
 * Lists a project's scores, newest first, with Langfuse's page paging. `orphans=true` keeps
 * only scores whose trace has not been ingested (yet).
 */
export async function listScores(
  projectId: string,
  query: ListScoresQuery,
): Promise<ScoreListPage> {
  const sql = getSql();
  const filters = buildFilters(projectId, query);

  const [rows, [count]] = await Promise.all([
    sql<ScoreRow[]>`
      SELECT ${scoreColumns(sql)}
      FROM "Score" AS s
      WHERE ${filters}
      ORDER BY s."timestamp" DESC, s."id" DESC
      LIMIT ${query.limit} OFFSET ${(query.page - 1) * query.limit}`,
    sql<{ total: bigint }[]>`SELECT count(*) AS total FROM "Score" AS s WHERE ${filters}`,
  ]);

  const totalItems = Number(count?.total ?? 0);
  return {
    data: rows.map(toPublicScore),
    meta: {
      page: query.page,
      limit: query.limit,
      totalItems,
      totalPages: Math.ceil(totalItems / query.limit),
    },
  };
}

function buildFilters(projectId: string, query: ListScoresQuery) {
  const sql = getSql();
  const equals = (column: string, value: string | undefined) =>
    value === undefined ? sql`` : sql`AND s.${sql(column)} = ${value}`;
  const utc = (instant: string) => sql`(${instant}::timestamptz AT TIME ZONE 'UTC')`;
  const userFilter =
    query.userId === undefined
      ? sql``
      : sql`AND EXISTS (
          SELECT 1 FROM traces AS t
          WHERE t.project_id = s."projectId" AND t.trace_id = s."traceId"
            AND t.user_id = ${query.userId})`;
  const orphanFilter =
    query.orphans === "true" ? sql`AND s."traceId" IS NOT NULL AND NOT ${traceExists(sql)}` : sql``;

  return sql`s."projectId" = ${projectId}
    ${equals("traceId", query.traceId)}
    ${equals("observationId", query.observationId)}
    ${equals("sessionId", query.sessionId)}
    ${equals("name", query.name)}
    ${equals("configId", query.configId)}
    ${userFilter}
    ${query.source ? sql`AND s."source" = ${query.source}::"ScoreSource"` : sql``}
    ${query.dataType ? sql`AND s."dataType" = ${query.dataType}::"ScoreDataType"` : sql``}
    ${query.scoreIds ? sql`AND s."id" = ANY(${query.scoreIds}::text[])` : sql``}
    ${query.fromTimestamp ? sql`AND s."timestamp" >= ${utc(query.fromTimestamp)}` : sql``}
    ${query.toTimestamp ? sql`AND s."timestamp" < ${utc(query.toTimestamp)}` : sql``}
    ${valueFilter(query)}
    ${orphanFilter}`;
}

// The operator is one of a fixed list (checked by the query schema), so it is safe as SQL text.
function valueFilter(query: ListScoresQuery) {
  const sql = getSql();
  if (query.operator === undefined || query.value === undefined) return sql``;
  const operator = sql.unsafe(query.operator === "!=" ? "<>" : query.operator);
  return sql`AND s."value" ${operator} ${query.value}`;
}

/** The trace fields Langfuse's v2 score list adds to each score. */
interface ScoreTraceData {
  userId: string | null;
  tags: string[];
  environment: string | null;
  sessionId: string | null;
}

/**
 * The v2 list (GET /api/public/v2/scores): the v1 page with each score's trace data (user,
 * tags, environment, session), null for scores whose trace is absent or which score a session.
 */
export async function listScoresV2(projectId: string, query: ListScoresQuery) {
  const page = await listScores(projectId, query);
  const traceIds = [...new Set(page.data.flatMap((score) => score.traceId ?? []))];
  const sql = getSql();
  const traces =
    traceIds.length === 0
      ? []
      : await sql<Array<ScoreTraceData & { traceId: string }>>`
          SELECT trace_id AS "traceId", user_id AS "userId", tags, environment,
            session_id AS "sessionId"
          FROM traces
          WHERE project_id = ${projectId} AND trace_id = ANY(${traceIds}::text[])`;
  const byId = new Map(traces.map(({ traceId, ...trace }) => [traceId, trace]));
  return {
    data: page.data.map((score) => ({
      ...score,
      trace: score.traceId ? (byId.get(score.traceId) ?? null) : null,
    })),
    meta: page.meta,
  };
}
