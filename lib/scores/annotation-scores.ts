import { createHash } from "node:crypto";
import { z } from "zod";

import { hasRole, type Role } from "../auth/roles";
import { getPrisma } from "../db/prisma";
import { getSql } from "../db/sql";
import { AppError } from "../http/app-error";
import { normalizeHexId } from "./create-score";
import { resolveScoreValue, type ResolvedScoreValue } from "./resolve-score-value";
import { saveScore } from "./save-scores";
import { loadScoreConfigRule } from "./score-configs";
import { scoreColumns } from "./score-columns";
import { toPublicScore, type ScoreRow } from "./score-fields";
import { ScoreValueZ } from "./score-schemas";

/**
 * Free labels are CATEGORICAL scores of this name without a config: one score per label, so a
 * trace can carry several and each can be removed on its own.
 */
export const LABEL_SCORE_NAME = "label";

const idText = z.string().trim().min(1, "must not be empty").max(200);

/** Body of POST /api/projects/:projectId/scores (a reviewer scoring in the UI). */
export const AnnotationScoreZ = z.object({
  traceId: idText,
  observationId: idText.nullish(),
  configId: idText.nullish(),
  name: z.string().trim().min(1, "must not be empty").max(200),
  value: ScoreValueZ,
  comment: z.string().max(5000).nullish(),
  queueId: idText.nullish(),
});

export interface ScoreAuthor {
  userId: string;
}

/** A score as the reviewer UI shows it: the public shape plus who gave it, readable. */
export type AnnotatedScore = ReturnType<typeof toPublicScore> & {
  authorName: string | null;
  authorApiKeyId: string | null;
};

/**
 * Stores a reviewer's score (source ANNOTATION, author the user). A reviewer has one score per
 * name and target, so scoring again replaces it; labels get one score per label text.
 */
export async function createAnnotationScore(
  projectId: string,
  author: ScoreAuthor,
  body: unknown,
): Promise<string> {
  const input = AnnotationScoreZ.parse(body);
  const config = input.configId ? await loadScoreConfigRule(projectId, input.configId) : null;
  if (input.queueId) await assertQueueOfProject(projectId, input.queueId);
  const resolved = resolveLabelOrValue(input.name, input.value, config);
  const traceId = normalizeHexId(input.traceId, 32) ?? input.traceId;
  const observationId = normalizeHexId(input.observationId, 16);
  const identity = [author.userId, traceId, observationId ?? "", input.name];
  if (!config && input.name === LABEL_SCORE_NAME) identity.push(resolved.stringValue ?? "");

  return saveScore({
    id: `ann-${createHash("sha256").update(identity.join("\u0000")).digest("hex").slice(0, 32)}`,
    projectId,
    name: input.name,
    ...resolved,
    source: "ANNOTATION",
    comment: input.comment?.trim() ? input.comment : null,
    metadata: input.queueId ? { queueId: input.queueId } : null,
    environment: null,
    authorUserId: author.userId,
    authorApiKeyId: null,
    traceId,
    observationId,
    sessionId: null,
    configId: config?.id ?? null,
    timestamp: null,
  });
}

function resolveLabelOrValue(
  name: string,
  value: number | string | boolean,
  config: Awaited<ReturnType<typeof loadScoreConfigRule>> | null,
): ResolvedScoreValue {
  if (!config && name === LABEL_SCORE_NAME) {
    if (typeof value !== "string" || !value.trim()) {
      throw new AppError("bad_request", "value: a label must be non-empty text");
    }
    return { dataType: "CATEGORICAL", value: null, stringValue: value.trim() };
  }
  return resolveScoreValue({ name, value }, config);
}

/** The scores of a trace (observationId null) or of one observation, newest first. */
export async function listTargetScores(
  projectId: string,
  traceId: string,
  observationId: string | null,
): Promise<AnnotatedScore[]> {
  const sql = getSql();
  traceId = normalizeHexId(traceId, 32) ?? traceId;
  observationId = normalizeHexId(observationId, 16);
  const observationMatch =
    observationId === null
      ? sql`s."observationId" IS NULL`
      : sql`s."observationId" = ${observationId}`;
  const rows = await sql<Array<ScoreRow & { authorName: string | null }>>`
    SELECT ${scoreColumns(sql)}, COALESCE(u."name", u."email", k."publicKey") AS "authorName"
    FROM "Score" AS s
    LEFT JOIN "User" AS u ON u."id" = s."authorUserId"
    LEFT JOIN "ApiKey" AS k ON k."id" = s."authorApiKeyId" AND k."projectId" = s."projectId"
    WHERE s."projectId" = ${projectId} AND s."traceId" = ${traceId}
      AND ${observationMatch}
    ORDER BY s."timestamp" DESC, s."id" DESC
    LIMIT 500`;
  return rows.map((row) => ({
    ...toPublicScore(row),
    authorName: row.authorName,
    authorApiKeyId: row.authorApiKeyId,
  }));
}

/**
 * Deletes a score from the reviewer UI: members delete their own scores, admins and owners any
 * score of the project. Other projects' scores answer 404.
 */
export async function deleteAnnotationScore(
  projectId: string,
  user: { id: string; role: Role },
  scoreId: string,
): Promise<void> {
  const score = await getPrisma().score.findUnique({
    where: { projectId_id: { projectId, id: scoreId } },
    select: { authorUserId: true },
  });
  if (!score) throw new AppError("not_found", "Score not found");
  if (score.authorUserId !== user.id && !hasRole(user.role, "ADMIN")) {
    throw new AppError("forbidden", "Deleting another person's score requires the admin role");
  }
  await getPrisma().score.delete({ where: { projectId_id: { projectId, id: scoreId } } });
}

/** The project's active score configs, as the scoring controls need them. */
export async function listActiveScoreConfigs(projectId: string) {
  const configs = await getPrisma().scoreConfig.findMany({
    where: { projectId, isArchived: false },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return configs.map((config) => ({
    id: config.id,
    name: config.name,
    dataType: config.dataType,
    minValue: config.minValue,
    maxValue: config.maxValue,
    categories: Array.isArray(config.categories)
      ? (config.categories as Array<{ label: string; value: number }>)
      : null,
    description: config.description,
  }));
}

export type ScoringConfig = Awaited<ReturnType<typeof listActiveScoreConfigs>>[number];

async function assertQueueOfProject(projectId: string, queueId: string): Promise<void> {
  const queue = await getPrisma().annotationQueue.findFirst({
    where: { projectId, id: queueId },
    select: { id: true },
  });
  if (!queue)
    throw new AppError("bad_request", "queueId: no such annotation queue in this project");
}
