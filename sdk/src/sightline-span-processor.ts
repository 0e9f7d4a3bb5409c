import type { Attributes, Context } from "@opentelemetry/api";
import {
  BatchSpanProcessor,
  type ReadableSpan,
  type Span,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base";

import type { DebugLogger } from "./debug-logger";
import type { RetryingExporter } from "./retrying-exporter";
import { runSafely, runSafelyAsync } from "./run-safely";
import { getTraceAttributeScope, type TraceAttributeScope } from "./trace-attributes";

/** Settings of {@link SightlineSpanProcessor}. */
export interface SightlineSpanProcessorOptions {
  /** Where batches go: the retrying, bounded queue in front of the OTLP exporter. */
  exporter: RetryingExporter;
  /** Written on every span (environment, release). */
  spanAttributes: Attributes;
  /** Spans buffered between two batches. */
  maxQueueSize: number;
  /** Delay between two batches, in ms. */
  flushIntervalMs: number;
  log: DebugLogger;
}

/**
 * The span processor the SDK adds to a TracerProvider. At start it copies the trace attributes of
 * the span's scope (user, session, feature, tags, metadata) and the environment/release onto the
 * span; at end it hands the span to a BatchSpanProcessor feeding the retrying exporter.
 */
export class SightlineSpanProcessor implements SpanProcessor {
  private readonly batch: BatchSpanProcessor;
  private readonly scopes = new WeakMap<object, TraceAttributeScope>();
  private shutdownPromise: Promise<void> | null = null;

  constructor(private readonly options: SightlineSpanProcessorOptions) {
    this.batch = new BatchSpanProcessor(options.exporter, {
      maxQueueSize: options.maxQueueSize,
      maxExportBatchSize: Math.min(512, options.maxQueueSize),
      scheduledDelayMillis: options.flushIntervalMs,
    });
  }

  /** Spans lost because Sightline was unreachable or refused them. */
  get droppedSpans(): number {
    return this.options.exporter.droppedSpans;
  }

  /** Copies trace attributes and environment/release onto the starting span. */
  onStart(span: Span, parentContext: Context): void {
    runSafely(
      this.options.log,
      "span start",
      () => {
        span.setAttributes(this.options.spanAttributes);
        const scope = getTraceAttributeScope(parentContext);
        if (!scope) return;
        scope.attach(span);
        this.scopes.set(span, scope);
      },
      undefined,
    );
  }

  /** Queues the finished span for export. */
  onEnd(span: ReadableSpan): void {
    runSafely(
      this.options.log,
      "span end",
      () => {
        this.scopes.get(span)?.detach(span);
        this.scopes.delete(span);
        this.batch.onEnd(span);
      },
      undefined,
    );
  }

  /** Sends every finished span now (one attempt; failures stay queued for retry). */
  forceFlush(): Promise<void> {
    return runSafelyAsync(
      this.options.log,
      "flush",
      async () => {
        await this.batch.forceFlush();
        await this.options.exporter.forceFlush();
      },
      undefined,
    );
  }

  /** Flushes, then stops; later calls return the same promise. */
  shutdown(): Promise<void> {
    this.shutdownPromise ??= runSafelyAsync(
      this.options.log,
      "shutdown",
      () => this.batch.shutdown(),
      undefined,
    );
    return this.shutdownPromise;
  }
}
