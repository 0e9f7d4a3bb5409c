import type { ApiKeyPrincipal } from "../auth/api-keys";
import { AppError } from "../http/app-error";
import { findTracesOfSpan } from "../traces/trace-of-span";

import { resolveScoreValue } from "./resolve-score-value";
import { saveScore } from "./save-scores";
import { findScoreConfigRuleByName, loadScoreConfigRule } from "./score-configs";
import { CreateScoreZ } from "./score-schemas";

/**
 * Validates a Langfuse-shaped score body against its config (the one given by configId, else
 * the active one of the same name) and stores it for the key's project. A given id replaces
 * the earlier score with that id; no id makes a new one.
 */
export async function createScore(principal: ApiKeyPrincipal, body: unknown): Promise<string> {
  const input = CreateScoreZ.parse(body);
  if (!input.traceId && !input.observationId && !input.sessionId && !input.datasetRunId) {
    throw new AppError(
      "bad_request",
      "traceId: give a traceId, observationId, sessionId or datasetRunId",
    );
  }

  await assertObservationInTrace(principal.projectId, input.traceId, input.observationId);

  const config = input.configId
    ? await loadScoreConfigRule(principal.projectId, input.configId)
    : await findScoreConfigRuleByName(principal.projectId, input.name);
  const resolved = resolveScoreValue(input, config);

  return saveScore({
    id: input.id ?? null,
    projectId: principal.projectId,
    name: input.name,
    ...resolved,
    source: input.source ?? "API",
    comment: input.comment ?? null,
    metadata: input.metadata ?? null,
    environment: input.environment ?? null,
    authorUserId: null,
    authorApiKeyId: principal.apiKeyId,
    traceId: normalizeHexId(input.traceId, 32),
    observationId: normalizeHexId(input.observationId, 16),
    sessionId: input.sessionId ?? null,
    datasetRunId: input.datasetRunId ?? null,
    configId: config?.id ?? null,
    timestamp: null,
  });
}

/** Trace and span ids are stored as lowercase hex: an id of that form is matched in any case. */
export function normalizeHexId(id: string | null | undefined, length: number): string | null {
  if (!id) return null;
  return id.length === length && /^[0-9a-f]+$/i.test(id) ? id.toLowerCase() : id;
}

/**
 * A score naming both a trace and an observation must not point into another trace. An
 * observation not ingested yet is accepted (scores may arrive first).
 */
async function assertObservationInTrace(
  projectId: string,
  traceId: string | null | undefined,
  observationId: string | null | undefined,
): Promise<void> {
  if (!traceId || !observationId) return;
  const traces = await findTracesOfSpan(projectId, observationId);
  if (traces.length > 0 && !traces.includes(traceId.toLowerCase())) {
    throw new AppError(
      "bad_request",
      `observationId: observation ${observationId} belongs to another trace than ${traceId}`,
    );
  }
}
