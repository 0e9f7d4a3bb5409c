import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";

import type { DebugLogger } from "./debug-logger";
import { describeError } from "./run-safely";

/** Settings of {@link RetryingExporter}; every field has a default. */
export interface RetryingExporterOptions {
  /** Spans held while the destination is unreachable; beyond it the oldest are dropped. */
  maxQueueSize?: number;
  /** Spans sent in one export call. */
  maxBatchSize?: number;
  /** Attempts per batch before it is given up (and counted as dropped). */
  maxAttempts?: number;
  /** Wait before the first retry; doubled on each further failure. */
  initialBackoffMs?: number;
  /** Ceiling of the wait between retries. */
  maxBackoffMs?: number;
  /** Relative jitter applied to each wait (0.2 = ±20 %), so that clients do not retry in step. */
  jitter?: number;
  /** How long one export call may take before it counts as a (retryable) failure. */
  exportTimeoutMs?: number;
}

const DEFAULTS: Required<RetryingExporterOptions> = {
  maxQueueSize: 2048,
  maxBatchSize: 512,
  maxAttempts: 5,
  initialBackoffMs: 1000,
  maxBackoffMs: 30_000,
  jitter: 0.2,
  exportTimeoutMs: 30_000,
};

type SendOutcome = "sent" | "retry" | "give-up";

/**
 * Sits between the BatchSpanProcessor and the real exporter. It accepts spans at once (so the
 * processor never blocks), keeps them in a bounded queue, sends them one batch at a time, and
 * retries failed batches with exponential backoff. When the queue is full the OLDEST spans are
 * dropped and counted: recent spans are the ones someone is looking for during an outage.
 *
 * Retryable: HTTP 429 and 5xx, and errors without a status (network errors, timeouts, and the
 * OTLP exporter's "retryable status" after its own short retries). Other 4xx (bad key, payload
 * refused) are given up at once, as resending cannot fix them.
 */
export class RetryingExporter implements SpanExporter {
  private readonly settings: Required<RetryingExporterOptions>;
  private queue: ReadableSpan[] = [];
  private draining: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failedAttempts = 0;
  private isShutDown = false;
  private shutdownPromise: Promise<void> | null = null;
  private dropped = 0;

  constructor(
    private readonly inner: SpanExporter,
    private readonly log: DebugLogger,
    options: RetryingExporterOptions = {},
  ) {
    this.settings = { ...DEFAULTS, ...withoutUndefined(options) };
  }

  /** Spans lost so far: dropped from a full queue, refused, or given up after retries. */
  get droppedSpans(): number {
    return this.dropped;
  }

  /** Spans waiting to be sent. */
  get queuedSpans(): number {
    return this.queue.length;
  }

  /** Queues the spans and reports success at once; sending happens in the background. */
  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.isShutDown) {
      this.drop(spans.length, "the exporter is shut down");
      resultCallback({ code: ExportResultCode.FAILED, error: new Error("Exporter shut down") });
      return;
    }

    this.queue.push(...spans);
    this.enforceQueueBound();
    resultCallback({ code: ExportResultCode.SUCCESS });
    if (this.retryTimer === null) void this.startDrain();
  }

  /**
   * Tries to send everything queued now, skipping any backoff wait. Batches that fail stay queued
   * for a later retry, so this resolves after one attempt per batch even when Sightline is down.
   */
  async forceFlush(): Promise<void> {
    this.clearRetryTimer();
    await this.startDrain();
  }

  /** Makes a last attempt to send, drops what is left (counted) and shuts the inner exporter. */
  shutdown(): Promise<void> {
    this.shutdownPromise ??= this.shutDownOnce();
    return this.shutdownPromise;
  }

  private async shutDownOnce(): Promise<void> {
    this.isShutDown = true;
    await this.forceFlush();
    this.clearRetryTimer();
    if (this.queue.length > 0) {
      this.drop(this.queue.length, "still unsent at shutdown");
      this.queue = [];
    }

    try {
      await this.inner.shutdown();
    } catch (error) {
      this.log.debug("exporter shutdown failed", describeError(error));
    }
  }

  private startDrain(): Promise<void> {
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && this.retryTimer === null) {
      const batch = this.queue.splice(0, this.settings.maxBatchSize);
      const outcome = await this.send(batch);

      if (outcome === "sent") {
        this.failedAttempts = 0;
        continue;
      }
      if (outcome === "give-up") {
        this.failedAttempts = 0;
        continue;
      }

      // Put the batch back in front: it is older than anything queued meanwhile.
      this.queue.unshift(...batch);
      this.enforceQueueBound();
      if (!this.isShutDown) this.scheduleRetry();
      return;
    }
  }

  private async send(batch: ReadableSpan[]): Promise<SendOutcome> {
    const result = await this.exportWithTimeout(batch);
    if (result.code === ExportResultCode.SUCCESS) {
      this.log.debug(`exported ${batch.length} spans`);
      return "sent";
    }

    const reason = describeError(result.error ?? "export failed");
    if (!isRetryable(result.error)) {
      this.drop(batch.length, `refused by the destination (${reason})`);
      return "give-up";
    }

    this.failedAttempts += 1;
    if (this.failedAttempts >= this.settings.maxAttempts) {
      this.drop(batch.length, `failed ${this.failedAttempts} times (${reason})`);
      return "give-up";
    }
    this.log.debug(`export of ${batch.length} spans failed, will retry: ${reason}`);
    return "retry";
  }

  private exportWithTimeout(batch: ReadableSpan[]): Promise<ExportResult> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (result: ExportResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };

      const timer = setTimeout(
        () => settle({ code: ExportResultCode.FAILED, error: new Error("Export timed out") }),
        this.settings.exportTimeoutMs,
      );
      timer.unref();

      try {
        this.inner.export(batch, settle);
      } catch (error) {
        settle({ code: ExportResultCode.FAILED, error: toError(error) });
      }
    });
  }

  private scheduleRetry(): void {
    const { initialBackoffMs, maxBackoffMs, jitter } = this.settings;
    const base = Math.min(initialBackoffMs * 2 ** (this.failedAttempts - 1), maxBackoffMs);
    const delay = Math.max(0, Math.round(base * (1 + jitter * (Math.random() * 2 - 1))));

    this.log.debug(`retrying in ${delay} ms (attempt ${this.failedAttempts + 1})`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.startDrain();
    }, delay);
    // A pending retry must not keep the host process alive.
    this.retryTimer.unref();
  }

  private clearRetryTimer(): void {
    if (this.retryTimer === null) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private enforceQueueBound(): void {
    const excess = this.queue.length - this.settings.maxQueueSize;
    if (excess <= 0) return;

    this.queue.splice(0, excess);
    this.drop(
      excess,
      `the oldest, as the queue is full (maxQueueSize ${this.settings.maxQueueSize})`,
    );
  }

  private drop(count: number, reason: string): void {
    this.dropped += count;
    this.log.debug(`dropped ${count} spans: ${reason}; ${this.dropped} dropped in total`);
  }
}

/** Whether resending the same batch later could succeed. */
export function isRetryable(error: unknown): boolean {
  const status = httpStatusOf(error);
  if (status === null) return true;
  return status === 408 || status === 429 || status >= 500;
}

function httpStatusOf(error: unknown): number | null {
  if (typeof error !== "object" || error === null || !("code" in error)) return null;
  const { code } = error;
  return typeof code === "number" && Number.isInteger(code) ? code : null;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(describeError(error));
}

function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
