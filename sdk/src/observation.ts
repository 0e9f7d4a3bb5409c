import {
  context,
  INVALID_SPAN_CONTEXT,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from "@opentelemetry/api";

import { ATTRIBUTES } from "./attribute-names";
import type { ObservationRuntime } from "./runtime";
import { describeError, runSafely } from "./run-safely";
import { ensureTraceAttributeScope, flattenMetadata } from "./trace-attributes";
import type {
  EndObservationOptions,
  ObservationParent,
  ObservationType,
  StartObservationOptions,
} from "./types";
import { writeInput, writeOutput } from "./write-payload";

/** Fields an observation can still change before it ends. */
export interface ObservationUpdate {
  /** Replaces the recorded input. */
  input?: unknown;
  /** Replaces the recorded output. */
  output?: unknown;
  /** Adds `sightline.metadata.<key>` attributes. */
  metadata?: Record<string, unknown>;
}

/**
 * One step of a trace, backed by an OpenTelemetry span. Returned by the `start*` helpers; call
 * {@link Observation.end} when the step is over. No method throws.
 */
export class Observation implements ObservationParent {
  /** The OpenTelemetry context in which this observation is the active span. */
  readonly context: Context;
  private ended = false;

  constructor(
    /** The underlying OpenTelemetry span, for anything the helpers do not cover. */
    readonly span: Span,
    /** The observation type written as `sightline.type`. */
    readonly type: ObservationType,
    /** The span name. */
    readonly name: string,
    parentContext: Context,
    protected readonly runtime: ObservationRuntime,
  ) {
    this.context = trace.setSpan(parentContext, span);
  }

  /** The trace id (32 hex characters), as used by `score()` and the read API. */
  get traceId(): string {
    return this.span.spanContext().traceId;
  }

  /** The observation id, i.e. the span id (16 hex characters). */
  get observationId(): string {
    return this.span.spanContext().spanId;
  }

  /** Updates input, output or metadata before the observation ends. */
  update(update: ObservationUpdate): this {
    runSafely(this.runtime.log, "update", () => this.applyUpdate(update), undefined);
    return this;
  }

  /**
   * Runs `work` with this observation as the active span, so that observations started inside
   * it become its children. Whatever `work` returns or throws is passed through unchanged.
   */
  run<T>(work: () => T): T {
    return context.with(this.context, work);
  }

  /** Ends the observation, recording its output or error. Only the first call counts. */
  end(options: EndObservationOptions = {}): void {
    runSafely(this.runtime.log, "end", () => this.finish(options, () => undefined), undefined);
  }

  /** Ends the span once, after `writeDetails` wrote what the subclass adds. */
  protected finish(options: EndObservationOptions, writeDetails: () => void): void {
    if (this.ended) {
      this.runtime.log.debug(`"${this.name}" ended twice; the second end is ignored`);
      return;
    }
    this.ended = true;

    writeDetails();
    if (options.output !== undefined) this.writeOutput(options.output);
    if (options.error !== undefined) recordError(this.span, options.error);
    this.span.end(options.endTime);
  }

  protected writeOutput(output: unknown, finishReason?: string): void {
    writeOutput(this.runtime, this.span, this.name, this.type, output, finishReason);
  }

  private applyUpdate({ input, output, metadata }: ObservationUpdate): void {
    if (input !== undefined) writeInput(this.runtime, this.span, this.name, this.type, input);
    if (output !== undefined) this.writeOutput(output);
    if (metadata) this.span.setAttributes(flattenMetadata(metadata));
  }
}

/** Marks a span failed: status ERROR with the error's message, plus an exception event. */
export function recordError(span: Span, error: unknown): void {
  const message = error instanceof Error ? error.message : describeError(error);
  if (error instanceof Error) span.recordException(error);
  else span.recordException(message);
  span.setStatus({ code: SpanStatusCode.ERROR, message });
}

/** The span and parent context of a new observation, before it is wrapped in its handle. */
export interface StartedSpan {
  span: Span;
  parentContext: Context;
}

/**
 * Starts the span of an observation under `options.parent` (or the active context), in a trace
 * attribute scope so that `setTraceAttributes` can reach it, and writes the common attributes.
 */
export function startObservationSpan(
  runtime: ObservationRuntime,
  type: ObservationType,
  options: StartObservationOptions,
  attributes: Attributes = {},
): StartedSpan {
  const parentContext = ensureTraceAttributeScope(options.parent?.context ?? context.active());
  const span = runtime.tracer.startSpan(
    options.name,
    {
      startTime: options.startTime,
      attributes: {
        [ATTRIBUTES.type]: type,
        ...attributes,
        ...flattenMetadata(options.metadata),
      },
    },
    parentContext,
  );
  runSafely(
    runtime.log,
    "capture input",
    () => writeInput(runtime, span, options.name, type, options.input),
    undefined,
  );
  return { span, parentContext };
}

/** A started span, or a non-recording one when starting failed, so callers can go on. */
export function startSpanSafely(
  runtime: ObservationRuntime,
  type: ObservationType,
  options: StartObservationOptions,
  attributes?: Attributes,
): StartedSpan {
  return runSafely(
    runtime.log,
    `start ${type.toLowerCase()} "${String(options?.name)}"`,
    () => startObservationSpan(runtime, type, options, attributes),
    { span: trace.wrapSpanContext(INVALID_SPAN_CONTEXT), parentContext: context.active() },
  );
}
