import { getPrisma } from "../db/prisma";
import { getSql } from "../db/sql";
import { AppError } from "../http/app-error";

import { scoreColumns } from "./score-columns";
import { toPublicScore, type PublicScore, type ScoreRow } from "./score-fields";

/** One score of the project; 404 when it belongs to another project or does not exist. */
export async function getScore(projectId: string, scoreId: string): Promise<PublicScore> {
  const sql = getSql();
  const [row] = await sql<ScoreRow[]>`
    SELECT ${scoreColumns(sql)}
    FROM "Score" AS s
    WHERE s."projectId" = ${projectId} AND s."id" = ${scoreId}`;
  if (!row) throw new AppError("not_found", "Score not found");
  return toPublicScore(row);
}

/** Deletes one score of the project; 404 when it belongs to another project or none. */
export async function deleteScore(projectId: string, scoreId: string): Promise<void> {
  const deleted = await getPrisma().score.deleteMany({ where: { projectId, id: scoreId } });
  if (deleted.count === 0) throw new AppError("not_found", "Score not found");
}
