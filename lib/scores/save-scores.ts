import { randomUUID } from "node:crypto";

import { getPrisma } from "../db/prisma";
import { Prisma } from "../generated/prisma/client";
import { AppError } from "../http/app-error";

import {
  isStorableScoreNumber,
  SCORE_RANGE_MESSAGE,
  type ScoreDataTypeName,
  type ScoreSourceName,
} from "./score-schemas";

/** A score ready to store; `id` null means a new score with a generated id. */
export interface ScoreRecord {
  id: string | null;
  projectId: string;
  name: string;
  dataType: ScoreDataTypeName;
  value: number | null;
  stringValue: string | null;
  source: ScoreSourceName;
  comment: string | null;
  metadata: Record<string, unknown> | null;
  environment: string | null;
  authorUserId: string | null;
  authorApiKeyId: string | null;
  traceId: string | null;
  observationId: string | null;
  sessionId: string | null;
  /** A score of a whole dataset run (an experiment's aggregate evaluation). */
  datasetRunId?: string | null;
  configId: string | null;
  /** When the score was given; now unless the source knows better (an event's time). */
  timestamp: Date | null;
}

/**
 * Every score is written through here: a value the analytics cannot handle is refused (a 400
 * naming `value`), whichever path (API, batch, reviewer, judge spans) produced it.
 */
function assertStorableValue(record: ScoreRecord): void {
  if (record.value !== null && !isStorableScoreNumber(record.value)) {
    throw new AppError("bad_request", `value: ${SCORE_RANGE_MESSAGE}`);
  }
}

function buildUpsert(record: ScoreRecord & { id: string }) {
  const row = {
    name: record.name,
    dataType: record.dataType,
    value: record.value,
    stringValue: record.stringValue,
    source: record.source,
    comment: record.comment,
    // A replaced score without metadata must lose the old metadata: DbNull, not undefined.
    metadata: record.metadata === null ? Prisma.DbNull : (record.metadata as Prisma.InputJsonValue),
    environment: record.environment,
    authorUserId: record.authorUserId,
    authorApiKeyId: record.authorApiKeyId,
    traceId: record.traceId,
    observationId: record.observationId,
    sessionId: record.sessionId,
    datasetRunId: record.datasetRunId ?? null,
    configId: record.configId,
    timestamp: record.timestamp ?? new Date(),
  };
  return getPrisma().score.upsert({
    where: { projectId_id: { projectId: record.projectId, id: record.id } },
    create: { id: record.id, projectId: record.projectId, ...row },
    update: row,
  });
}

/**
 * Stores a score: a given id that exists in the project is replaced (the latest write wins,
 * createdAt kept), otherwise a new score is created. Returns the score's id.
 */
export async function saveScore(record: ScoreRecord): Promise<string> {
  assertStorableValue(record);
  const id = record.id ?? randomUUID();
  await buildUpsert({ ...record, id });
  return id;
}

/**
 * Stores many scores (e.g. the evaluator output of one OTLP request) in one transaction; a
 * score sent twice in the batch is stored once, the last one winning.
 */
export async function saveScores(records: readonly ScoreRecord[]): Promise<number> {
  const byKey = new Map<string, ScoreRecord & { id: string }>();
  for (const record of records) {
    assertStorableValue(record);
    const id = record.id ?? randomUUID();
    byKey.set(`${record.projectId}\u0000${id}`, { ...record, id });
  }
  if (byKey.size === 0) return 0;

  await getPrisma().$transaction([...byKey.values()].map(buildUpsert));
  return byKey.size;
}
