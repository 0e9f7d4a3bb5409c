/**
 * @sightline/sdk — tracing for LLM applications, on OpenTelemetry. Call {@link init} once, then
 * use the helpers below (or the same methods on the returned client).
 *
 * @packageDocumentation
 */
import type { Generation } from "./generation";
import { getActiveRuntime, getClient } from "./init";
import type { Observation } from "./observation";
import { observeWith, type AnyFunction } from "./observe";
import type { Retrieval } from "./retrieval";
import type {
  ObserveOptions,
  ScoreInput,
  StartEmbeddingOptions,
  StartGenerationOptions,
  StartObservationOptions,
  StartToolOptions,
  StartTypedObservationOptions,
  TraceAttributes,
} from "./types";

export { init, getClient } from "./init";
export { SightlineClient } from "./client";
export { Observation, type ObservationUpdate } from "./observation";
export { Generation } from "./generation";
export { Retrieval } from "./retrieval";
export { MASK_FAILED } from "./write-payload";
export { ATTRIBUTES } from "./attribute-names";
export type { AnyFunction } from "./observe";
export type * from "./types";

/**
 * Wraps a function (sync, async, generator or async generator) so that every call is an
 * observation; see {@link SightlineClient.observe}. Uses the client of the latest `init()` at
 * call time, so it can wrap functions before `init()` runs.
 */
export function observe<F extends AnyFunction>(fn: F, options?: ObserveOptions): F {
  return observeWith(getActiveRuntime, fn, options);
}

/** Starts a model call (GENERATION); see {@link SightlineClient.startGeneration}. */
export function startGeneration(options: StartGenerationOptions): Generation {
  return getClient().startGeneration(options);
}

/** Starts an embedding call (EMBEDDING); see {@link SightlineClient.startEmbedding}. */
export function startEmbedding(options: StartEmbeddingOptions): Generation {
  return getClient().startEmbedding(options);
}

/** Starts a retrieval step (RETRIEVER); see {@link SightlineClient.startRetrieval}. */
export function startRetrieval(options: StartObservationOptions): Retrieval {
  return getClient().startRetrieval(options);
}

/** Starts a tool call (TOOL); see {@link SightlineClient.startTool}. */
export function startTool(options: StartToolOptions): Observation {
  return getClient().startTool(options);
}

/** Starts an agent run (AGENT); see {@link SightlineClient.startAgent}. */
export function startAgent(options: StartObservationOptions): Observation {
  return getClient().startAgent(options);
}

/** Starts a chain (CHAIN); see {@link SightlineClient.startChain}. */
export function startChain(options: StartObservationOptions): Observation {
  return getClient().startChain(options);
}

/** Starts an observation of any type; see {@link SightlineClient.startObservation}. */
export function startObservation(options: StartTypedObservationOptions): Observation {
  return getClient().startObservation(options);
}

/**
 * Sets user, session, feature, tags or metadata; see {@link SightlineClient.setTraceAttributes}.
 */
export function setTraceAttributes(attributes: TraceAttributes): void {
  getClient().setTraceAttributes(attributes);
}

/** Runs `work` with trace attributes; see {@link SightlineClient.withTraceAttributes}. */
export function withTraceAttributes<T>(attributes: TraceAttributes, work: () => T): T {
  return getClient().withTraceAttributes(attributes, work);
}

/** Posts a score; see {@link SightlineClient.score}. Never rejects. */
export function score(input: ScoreInput): Promise<boolean> {
  return getClient().score(input);
}

/** Sends everything recorded so far; see {@link SightlineClient.flush}. Never rejects. */
export function flush(): Promise<void> {
  return getClient().flush();
}

/** Flushes and stops exporting; idempotent. See {@link SightlineClient.shutdown}. */
export function shutdown(): Promise<void> {
  return getClient().shutdown();
}
