import type { ScoreDataTypeName, ScoreSourceName } from "./score-schemas";

/** A score row as read with raw SQL, times already converted to UTC instants. */
export interface ScoreRow {
  id: string;
  projectId: string;
  name: string;
  dataType: ScoreDataTypeName;
  value: number | null;
  stringValue: string | null;
  source: ScoreSourceName;
  comment: string | null;
  metadata: unknown;
  environment: string | null;
  authorUserId: string | null;
  authorApiKeyId: string | null;
  traceId: string | null;
  observationId: string | null;
  sessionId: string | null;
  datasetRunId: string | null;
  configId: string | null;
  timestamp: Date;
  createdAt: Date;
  updatedAt: Date;
  /** Null when the score targets no trace. */
  traceExists: boolean | null;
}

/** A score in the reply shape of /api/public/scores (Langfuse's field names). */
export function toPublicScore(row: ScoreRow) {
  return {
    id: row.id,
    projectId: row.projectId,
    traceId: row.traceId,
    observationId: row.observationId,
    sessionId: row.sessionId,
    datasetRunId: row.datasetRunId,
    name: row.name,
    value: row.value,
    stringValue: row.stringValue,
    dataType: row.dataType,
    source: row.source,
    comment: row.comment,
    metadata: row.metadata ?? null,
    configId: row.configId,
    queueId: queueIdOf(row.metadata),
    environment: row.environment ?? "default",
    authorUserId: row.authorUserId,
    timestamp: row.timestamp.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    traceExists: row.traceExists,
  };
}
export type PublicScore = ReturnType<typeof toPublicScore>;

/** The queue a reviewer scored in, kept in the score's metadata (see createAnnotationScore). */
function queueIdOf(metadata: unknown): string | null {
  if (metadata === null || typeof metadata !== "object" || Array.isArray(metadata)) return null;
  const queueId = (metadata as { queueId?: unknown }).queueId;
  return typeof queueId === "string" ? queueId : null;
}
