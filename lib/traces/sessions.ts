import { z } from "zod";

import { getSql } from "@/lib/db/sql";
import { AppError } from "@/lib/http/app-error";

import { traceColumns } from "./trace-columns";
import { toTraceResponse, type TraceRow } from "./trace-fields";

/** Query of GET /api/public/sessions (Langfuse's names). */
export const ListSessionsQueryZ = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  fromTimestamp: z.iso.datetime({ offset: true }).optional(),
  toTimestamp: z.iso.datetime({ offset: true }).optional(),
  environment: z.string().trim().min(1).max(2000).optional(),
});

/**
 * Sessions as Langfuse's public API lists them: one per session id, created at its first trace,
 * newest first. A session is in a time range when it started in it.
 */
export async function listPublicSessions(
  projectId: string,
  query: z.infer<typeof ListSessionsQueryZ>,
) {
  const sql = getSql();
  const sessions = sql`
    SELECT t.session_id, min(t.start_time) AS created_at,
      (array_agg(t.environment ORDER BY t.start_time) FILTER (WHERE t.environment IS NOT NULL))[1]
        AS environment
    FROM traces AS t
    WHERE t.project_id = ${projectId} AND t.session_id IS NOT NULL
      ${query.environment ? sql`AND t.environment = ${query.environment}` : sql``}
    GROUP BY t.session_id`;
  const range = sql`
    ${query.fromTimestamp ? sql`AND created_at >= ${query.fromTimestamp}::timestamptz` : sql``}
    ${query.toTimestamp ? sql`AND created_at < ${query.toTimestamp}::timestamptz` : sql``}`;
  const [rows, [count]] = await Promise.all([
    sql<{ session_id: string; created_at: Date; environment: string | null }[]>`
      SELECT * FROM (${sessions}) AS s WHERE true ${range}
      ORDER BY created_at DESC, session_id DESC
      LIMIT ${query.limit} OFFSET ${(query.page - 1) * query.limit}`,
    sql<{ total: number }[]>`
      SELECT count(*)::int AS total FROM (${sessions}) AS s WHERE true ${range}`,
  ]);
  const totalItems = count?.total ?? 0;
  return {
    data: rows.map((row) => ({
      id: row.session_id,
      createdAt: row.created_at.toISOString(),
      projectId,
      environment: row.environment,
    })),
    meta: {
      page: query.page,
      limit: query.limit,
      totalItems,
      totalPages: Math.ceil(totalItems / query.limit),
    },
  };
}

/** One session with its traces in time order; 404 when the project has no trace in it. */
export async function getPublicSession(projectId: string, sessionId: string) {
  const sql = getSql();
  const traces = await sql<TraceRow[]>`
    SELECT ${traceColumns(sql, { withIo: true })}
    FROM traces AS t
    WHERE t.project_id = ${projectId} AND t.session_id = ${sessionId}
    ORDER BY t.start_time ASC, t.trace_id ASC
    LIMIT 1000`;
  const first = traces[0];
  if (!first) throw new AppError("not_found", `sessionId: no session ${sessionId}`);
  return {
    id: sessionId,
    createdAt: first.start_time.toISOString(),
    projectId,
    environment: traces.find((row) => row.environment !== null)?.environment ?? null,
    traces: traces.map((row) => toTraceResponse(projectId, row)),
  };
}
