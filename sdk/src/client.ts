import { context, trace, type Tracer } from "@opentelemetry/api";
import type { SpanProcessor } from "@opentelemetry/sdk-trace-base";

import type { Generation } from "./generation";
import type { Observation } from "./observation";
import { observeWith, type AnyFunction } from "./observe";
import { postScore, type ScoreDestination } from "./post-score";
import type { Retrieval } from "./retrieval";
import type { ObservationRuntime } from "./runtime";
import { runSafely, runSafelyAsync } from "./run-safely";
import {
  startAgentWith,
  startChainWith,
  startEmbeddingWith,
  startGenerationWith,
  startObservationWith,
  startRetrievalWith,
  startToolWith,
} from "./start-observations";
import { setActiveTraceAttributes, withChildScope } from "./trace-attributes";
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

/** What `init()` assembles for a client. */
export interface ClientParts {
  runtime: ObservationRuntime;
  /** The processor added to the provider; flushed and shut down by the client. */
  spanProcessor: SpanProcessor;
  /** Spans lost so far, read from the export queue. */
  countDroppedSpans: () => number;
  /** Set when the client created (and registered) the provider, so it also shuts it down. */
  ownedProvider: { shutdown(): Promise<void> } | null;
  /** Where scores are posted; null when no keys were given. */
  scoreDestination: ScoreDestination | null;
  /** Called once the client has shut down. */
  onShutdown?: () => void;
}

/**
 * The handle `init()` returns. Every method is safe to call in any state: none throws into the
 * app, and after `shutdown()` spans are still created (so code keeps working) but not exported.
 */
export class SightlineClient {
  private readonly pendingScores = new Set<Promise<boolean>>();
  private shutdownPromise: Promise<void> | null = null;

  constructor(private readonly parts: ClientParts) {}

  /** The OpenTelemetry tracer the helpers use; use it for spans of your own. */
  get tracer(): Tracer {
    return this.parts.runtime.tracer;
  }

  /** The processor exporting to Sightline, for apps that build their own TracerProvider. */
  get spanProcessor(): SpanProcessor {
    return this.parts.spanProcessor;
  }

  /** Spans lost while Sightline was unreachable (oldest first) or refused them. */
  get droppedSpans(): number {
    return runSafely(this.parts.runtime.log, "droppedSpans", this.parts.countDroppedSpans, 0);
  }

  /**
   * Wraps a function (sync, async, generator or async generator) so that every call is an
   * observation of the given type, with its arguments as input and its result as output.
   */
  observe<F extends AnyFunction>(fn: F, options?: ObserveOptions): F {
    return runSafely(
      this.parts.runtime.log,
      "observe",
      () => observeWith(() => this.parts.runtime, fn, options),
      fn,
    );
  }

  /** Starts a model call (GENERATION); end it with `.end({ output, usage })`. */
  startGeneration(options: StartGenerationOptions): Generation {
    return startGenerationWith(this.parts.runtime, options);
  }

  /** Starts an embedding call (EMBEDDING); end it with `.end({ usage })`. */
  startEmbedding(options: StartEmbeddingOptions): Generation {
    return startEmbeddingWith(this.parts.runtime, options);
  }

  /** Starts a retrieval step (RETRIEVER); end it with `.end({ documents })`. */
  startRetrieval(options: StartObservationOptions): Retrieval {
    return startRetrievalWith(this.parts.runtime, options);
  }

  /** Starts a tool call (TOOL); its input is the call's arguments. */
  startTool(options: StartToolOptions): Observation {
    return startToolWith(this.parts.runtime, options);
  }

  /** Starts an agent run (AGENT). */
  startAgent(options: StartObservationOptions): Observation {
    return startAgentWith(this.parts.runtime, options);
  }

  /** Starts a chain (CHAIN): a step grouping other steps. */
  startChain(options: StartObservationOptions): Observation {
    return startChainWith(this.parts.runtime, options);
  }

  /** Starts an observation of any type, e.g. GUARDRAIL, EVALUATOR, EVENT or SPAN. */
  startObservation(options: StartTypedObservationOptions): Observation {
    return startObservationWith(this.parts.runtime, options);
  }

  /**
   * Sets user, session, feature, tags or metadata for the current trace: on the observations
   * open in the current scope and on every observation started in it afterwards.
   */
  setTraceAttributes(attributes: TraceAttributes): void {
    const { log } = this.parts.runtime;
    runSafely(
      log,
      "setTraceAttributes",
      () => setActiveTraceAttributes(attributes, log),
      undefined,
    );
  }

  /** Runs `work` with the given trace attributes applied to every observation started in it. */
  withTraceAttributes<T>(attributes: TraceAttributes, work: () => T): T {
    const scoped = runSafely(
      this.parts.runtime.log,
      "withTraceAttributes",
      () => withChildScope(context.active(), attributes),
      null,
    );
    return scoped ? context.with(scoped, work) : work();
  }

  /** The ids of the active observation, to score it later; null outside any span. */
  getActiveIds(): { traceId: string; observationId: string } | null {
    const span = trace.getActiveSpan();
    if (!span) return null;
    const { traceId, spanId } = span.spanContext();
    return { traceId, observationId: spanId };
  }

  /**
   * Posts a score on a trace or observation. Resolves to whether Sightline accepted it; never
   * rejects (a missing endpoint or an outage only shows in debug output).
   */
  score(score: ScoreInput): Promise<boolean> {
    const { log } = this.parts.runtime;
    const destination = this.parts.scoreDestination;
    if (!destination) {
      log.debug("score not sent: publicKey and secretKey are needed");
      return Promise.resolve(false);
    }

    const pending = postScore(destination, score, log);
    this.pendingScores.add(pending);
    void pending.finally(() => this.pendingScores.delete(pending));
    return pending;
  }

  /** Sends everything recorded so far (spans and scores). Never rejects. */
  flush(): Promise<void> {
    return runSafelyAsync(
      this.parts.runtime.log,
      "flush",
      async () => {
        await Promise.all(this.pendingScores);
        await this.parts.spanProcessor.forceFlush();
      },
      undefined,
    );
  }

  /** Flushes and stops exporting. Idempotent: later calls return the same promise. */
  shutdown(): Promise<void> {
    this.shutdownPromise ??= runSafelyAsync(
      this.parts.runtime.log,
      "shutdown",
      async () => {
        await Promise.all(this.pendingScores);
        await this.parts.spanProcessor.shutdown();
        await this.parts.ownedProvider?.shutdown();
        this.parts.onShutdown?.();
      },
      undefined,
    );
    return this.shutdownPromise;
  }
}
