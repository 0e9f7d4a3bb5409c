import { randomUUID } from "node:crypto";

import type { DebugLogger } from "./debug-logger";
import { describeError } from "./run-safely";
import type { ScoreDataType, ScoreInput } from "./types";

/** Where scores go and how to authenticate there. */
export interface ScoreDestination {
  /** `${baseUrl}/api/public/scores` */
  url: string;
  /** The value of the Authorization header. */
  authorization: string;
  /** Gives up after this long. */
  timeoutMs: number;
}

/**
 * Posts one score (Langfuse's body shape). Resolves to whether Sightline accepted it; any failure,
 * including an endpoint the server does not have, resolves to false with a debug line.
 */
export async function postScore(
  destination: ScoreDestination,
  score: ScoreInput,
  log: DebugLogger,
): Promise<boolean> {
  try {
    const response = await fetch(destination.url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: destination.authorization },
      body: JSON.stringify(toScoreBody(score)),
      signal: AbortSignal.timeout(destination.timeoutMs),
    });
    if (response.ok) return true;

    const detail = await response.text().catch(() => "");
    log.debug(`score "${score.name}" refused: HTTP ${response.status} ${detail.slice(0, 200)}`);
    return false;
  } catch (error) {
    log.debug(`score "${String(score?.name)}" not sent`, describeError(error));
    return false;
  }
}

/** The request body: an id (so a retried post is not counted twice) and the score's fields. */
export function toScoreBody(score: ScoreInput): Record<string, unknown> {
  return {
    id: randomUUID(),
    traceId: score.traceId,
    observationId: score.observationId,
    name: score.name,
    value: score.value,
    dataType: score.dataType ?? inferDataType(score.value),
    comment: score.comment,
  };
}

function inferDataType(value: unknown): ScoreDataType {
  return typeof value === "string" ? "CATEGORICAL" : "NUMERIC";
}
