import type { MappedSpan } from "../ingest/types";

import { extractScoresFromSpans } from "./extract-scores-from-spans";
import { saveScores } from "./save-scores";

/**
 * Stores the EVAL scores found in one OTLP request's spans (see extractScoresFromSpans);
 * re-sent spans replace their scores. Returns how many scores were stored.
 */
export async function recordScoresFromSpans(
  projectId: string,
  mappedSpans: readonly MappedSpan[],
): Promise<number> {
  return saveScores(extractScoresFromSpans(projectId, mappedSpans));
}
