import type { ObservationLevel, ObservationType } from "@/lib/ingest/types";

const OBSERVATION_TYPES: ReadonlySet<string> = new Set<ObservationType>([
  "GENERATION",
  "EMBEDDING",
  "RETRIEVER",
  "TOOL",
  "AGENT",
  "CHAIN",
  "GUARDRAIL",
  "EVALUATOR",
  "EVENT",
  "SPAN",
]);

const OBSERVATION_LEVELS: ReadonlySet<string> = new Set<ObservationLevel>([
  "DEBUG",
  "DEFAULT",
  "WARNING",
  "ERROR",
]);

/** An observation type named in any case ("generation", "GENERATION"), else null. */
export function parseObservationType(name: string): ObservationType | null {
  const upper = name.trim().toUpperCase();
  return isObservationType(upper) ? upper : null;
}

/** An observation level named in any case, else null. */
export function parseObservationLevel(name: string): ObservationLevel | null {
  const upper = name.trim().toUpperCase();
  return isObservationLevel(upper) ? upper : null;
}

function isObservationType(name: string): name is ObservationType {
  return OBSERVATION_TYPES.has(name);
}

function isObservationLevel(name: string): name is ObservationLevel {
  return OBSERVATION_LEVELS.has(name);
}
