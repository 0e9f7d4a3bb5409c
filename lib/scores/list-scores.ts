import { getSql } from "../db/sql";

import { scoreColumns, traceExists } from "./score-columns";
import { toPublicScore, type PublicScore, type ScoreRow } from "./score-fields";
import type { ListScoresQuery } from "./score-schemas";

export interface ScoreListPage {
  data: PublicScore[];
  meta: { page: number; limit: number; totalItems: number; totalPages: number };
}

// Limitation: Langfuse's newer clients list and read scores via /api/public/v2/scores, which is
// not served yet; this list is the v1 path with page paging.

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

  return sql`s."projectId" = ${projectId}
    ${equals("traceId", query.traceId)}
    ${equals("observationId", query.observationId)}
    ${equals("sessionId", query.sessionId)}
    ${equals("name", query.name)}
    ${equals("configId", query.configId)}
    ${query.source ? sql`AND s."source" = ${query.source}::"ScoreSource"` : sql``}
    ${query.dataType ? sql`AND s."dataType" = ${query.dataType}::"ScoreDataType"` : sql``}
    ${query.scoreIds ? sql`AND s."id" = ANY(${query.scoreIds}::text[])` : sql``}
    ${query.fromTimestamp ? sql`AND s."timestamp" >= ${utc(query.fromTimestamp)}` : sql``}
    ${query.toTimestamp ? sql`AND s."timestamp" < ${utc(query.toTimestamp)}` : sql``}
    ${valueFilter(query)}
    ${query.orphans === "true" ? sql`AND s."traceId" IS NOT NULL AND NOT ${traceExists(sql)}` : sql``}`;
}

// The operator is one of a fixed list (checked by the query schema), so it is safe as SQL text.
function valueFilter(query: ListScoresQuery) {
  const sql = getSql();
  if (query.operator === undefined || query.value === undefined) return sql``;
  return sql`AND s."value" ${sql.unsafe(query.operator === "!=" ? "<>" : query.operator)} ${query.value}`;
}
