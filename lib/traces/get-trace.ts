import { getSql } from "@/lib/db/sql";
import { scoreColumns } from "@/lib/scores/score-columns";
import { toPublicScore, type PublicScore, type ScoreRow } from "@/lib/scores/score-fields";

import { buildTree } from "./build-tree";
import {
  observationColumns,
  toObservationResponse,
  toTreeSpan,
  type ObservationResponse,
  type ObservationRow,
} from "./observation-fields";
import { traceColumns } from "./trace-columns";
import { toTraceResponse, type TraceResponse, type TraceRow } from "./trace-fields";

export type TraceWithObservations = TraceResponse & {
  observations: ObservationResponse[];
  scores: PublicScore[];
};

/**
 * One trace of the project with all of its observations in tree order (depth-first, children by
 * start time), each carrying its effective parent. Null when the project has no such trace.
 */
// Limitation: every observation of the trace is returned in one reply, with its input and
// output; a trace of many thousands of spans makes a large response (no paging yet).
export async function getTrace(
  projectId: string,
  traceId: string,
): Promise<TraceWithObservations | null> {
  const sql = getSql();
  const id = traceId.toLowerCase();
  const [traces, spans, scores] = await Promise.all([
    sql<TraceRow[]>`
      SELECT ${traceColumns(sql, { withIo: true })}
      FROM traces AS t WHERE t.project_id = ${projectId} AND t.trace_id = ${id}`,
    sql<ObservationRow[]>`
      SELECT ${observationColumns(sql)}
      FROM spans AS s WHERE s.project_id = ${projectId} AND s.trace_id = ${id}`,
    sql<ScoreRow[]>`
      SELECT ${scoreColumns(sql)}
      FROM "Score" AS s WHERE s."projectId" = ${projectId} AND s."traceId" = ${id}
      ORDER BY s."timestamp" ASC, s."id" ASC`,
  ]);

  const trace = traces[0];
  if (!trace) return null;

  const tree = buildTree(spans.map(toTreeSpan));
  return {
    ...toTraceResponse(projectId, trace),
    observations: tree.nodes.map((node) => toObservationResponse(node.span, node)),
    scores: scores.map(toPublicScore),
  };
}
