import { type ExportResult, ExportResultCode } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { createDebugLogger } from "./debug-logger";
import { isRetryable, RetryingExporter, type RetryingExporterOptions } from "./retrying-exporter";

type Outcome = "ok" | "network-error" | "throw" | "hang" | { status: number };

/** An exporter that answers each call with the next scripted outcome (the last one repeats). */
class ScriptedExporter implements SpanExporter {
  readonly calls: Array<{ at: number; names: string[] }> = [];
  shutdownCalls = 0;

  constructor(private outcomes: Outcome[]) {}

  answerFromNowOn(outcome: Outcome): void {
    this.outcomes = [outcome];
  }

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.calls.push({ at: Date.now(), names: spans.map((span) => span.name) });
    const outcome = this.outcomes.length > 1 ? this.outcomes.shift()! : this.outcomes[0]!;

    if (outcome === "ok") return done({ code: ExportResultCode.SUCCESS });
    if (outcome === "hang") return;
    if (outcome === "throw") throw new Error("exporter bug");
    const error =
      outcome === "network-error"
        ? Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })
        : Object.assign(new Error(`HTTP ${outcome.status}`), { code: outcome.status });
    done({ code: ExportResultCode.FAILED, error });
  }

  async shutdown(): Promise<void> {
    this.shutdownCalls += 1;
  }
}

function spans(...names: string[]): ReadableSpan[] {
  return names.map((name) => ({ name }) as ReadableSpan);
}

function createExporter(outcomes: Outcome[], options: RetryingExporterOptions = {}) {
  const inner = new ScriptedExporter(outcomes);
  const exporter = new RetryingExporter(inner, createDebugLogger(false), {
    initialBackoffMs: 100,
    maxBackoffMs: 1000,
    jitter: 0,
    ...options,
  });
  return { inner, exporter };
}

function exportNow(exporter: RetryingExporter, batch: ReadableSpan[]): ExportResult {
  let result: ExportResult | undefined;
  exporter.export(batch, (value) => (result = value));
  if (!result) throw new Error("export did not answer synchronously");
  return result;
}

describe("RetryingExporter", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  describe("retries", () => {
    it("should accept spans at once and retry a 503 with exponential backoff", async () => {
      const { inner, exporter } = createExporter([{ status: 503 }, { status: 503 }, "ok"]);

      expect(exportNow(exporter, spans("a", "b")).code).toBe(ExportResultCode.SUCCESS);
      await vi.advanceTimersByTimeAsync(0);
      await vi.advanceTimersByTimeAsync(99);
      expect(inner.calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(inner.calls).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(200);

      expect(inner.calls.map((call) => call.at)).toEqual([0, 100, 300]);
      expect(inner.calls.at(-1)!.names).toEqual(["a", "b"]);
      expect(exporter.droppedSpans).toBe(0);
      expect(exporter.queuedSpans).toBe(0);
    });

    it.each<[string, Outcome]>([
      ["a rate limit (429)", { status: 429 }],
      ["a server error (500)", { status: 500 }],
      ["a network error", "network-error"],
      ["an exporter that throws", "throw"],
    ])("should retry after %s", async (_case, failure) => {
      const { inner, exporter } = createExporter([failure, "ok"]);

      exportNow(exporter, spans("a"));
      await vi.advanceTimersByTimeAsync(100);

      expect(inner.calls).toHaveLength(2);
      expect(exporter.droppedSpans).toBe(0);
    });

    it("should treat an export that never answers as a failure and retry it", async () => {
      const { inner, exporter } = createExporter(["hang", "ok"], { exportTimeoutMs: 50 });

      exportNow(exporter, spans("a"));
      await vi.advanceTimersByTimeAsync(50 + 100);

      expect(inner.calls).toHaveLength(2);
      expect(exporter.queuedSpans).toBe(0);
    });

    it("should cap the backoff", async () => {
      const { inner, exporter } = createExporter([{ status: 503 }], {
        maxAttempts: 10,
        maxBackoffMs: 250,
      });

      exportNow(exporter, spans("a"));
      await vi.advanceTimersByTimeAsync(100 + 200 + 250 + 250);

      expect(inner.calls.map((call) => call.at)).toEqual([0, 100, 300, 550, 800]);
    });

    it("should give a batch up after maxAttempts and count it dropped", async () => {
      const { inner, exporter } = createExporter([{ status: 503 }], { maxAttempts: 3 });

      exportNow(exporter, spans("a", "b"));
      await vi.advanceTimersByTimeAsync(10_000);

      expect(inner.calls).toHaveLength(3);
      expect(exporter.droppedSpans).toBe(2);
      expect(exporter.queuedSpans).toBe(0);
    });

    it("should drop a refused batch (401) without retrying", async () => {
      const { inner, exporter } = createExporter([{ status: 401 }, "ok"]);

      exportNow(exporter, spans("a", "b", "c"));
      await vi.advanceTimersByTimeAsync(10_000);

      expect(inner.calls).toHaveLength(1);
      expect(exporter.droppedSpans).toBe(3);
    });
  });

  describe("bounded queue", () => {
    it("should drop the OLDEST spans when full and deliver the newest later", async () => {
      const { inner, exporter } = createExporter([{ status: 503 }], { maxQueueSize: 3 });

      for (const name of ["s1", "s2", "s3", "s4", "s5"]) exportNow(exporter, spans(name));
      await vi.advanceTimersByTimeAsync(0);
      expect(exporter.droppedSpans).toBe(2);
      expect(exporter.queuedSpans).toBe(3);

      inner.answerFromNowOn("ok");
      await exporter.forceFlush();

      expect(inner.calls.at(-1)!.names).toEqual(["s3", "s4", "s5"]);
      expect(exporter.queuedSpans).toBe(0);
    });

    it("should say so in debug output", async () => {
      const debug = vi.spyOn(console, "debug").mockImplementation(() => undefined);
      const exporter = new RetryingExporter(
        new ScriptedExporter([{ status: 503 }]),
        createDebugLogger(true),
        { maxQueueSize: 1, initialBackoffMs: 100 },
      );

      exportNow(exporter, spans("s1", "s2"));

      expect(debug).toHaveBeenCalledWith(expect.stringMatching(/dropped 1 spans: the oldest/));
      await exporter.shutdown();
      debug.mockRestore();
    });

    it("should send in batches of maxBatchSize, oldest first", async () => {
      const { inner, exporter } = createExporter(["ok"], { maxBatchSize: 2 });

      exporter.export(spans("a", "b", "c"), () => undefined);
      await exporter.forceFlush();

      expect(inner.calls.map((call) => call.names)).toEqual([["a", "b"], ["c"]]);
    });
  });

  describe("forceFlush", () => {
    it("should try at once, without backoff, and resolve even when the attempt fails", async () => {
      const { inner, exporter } = createExporter([{ status: 503 }], { initialBackoffMs: 60_000 });

      exportNow(exporter, spans("a"));
      await vi.advanceTimersByTimeAsync(0);
      await exporter.forceFlush();

      expect(inner.calls).toHaveLength(2);
      expect(exporter.queuedSpans).toBe(1);
    });
  });

  describe("shutdown", () => {
    it("should make a last attempt, drop the rest and shut the inner exporter once", async () => {
      const { inner, exporter } = createExporter([{ status: 503 }]);

      exportNow(exporter, spans("a", "b"));
      const first = exporter.shutdown();
      const second = exporter.shutdown();
      await first;

      expect(second).toBe(first);
      expect(exporter.droppedSpans).toBe(2);
      expect(inner.shutdownCalls).toBe(1);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(inner.calls.length).toBeLessThanOrEqual(2);
    });

    it("should refuse and count spans exported after shutdown", async () => {
      const { exporter } = createExporter(["ok"]);
      await exporter.shutdown();

      expect(exportNow(exporter, spans("late")).code).toBe(ExportResultCode.FAILED);
      expect(exporter.droppedSpans).toBe(1);
    });
  });
});

describe("isRetryable", () => {
  it.each<[string, unknown, boolean]>([
    ["429", { code: 429 }, true],
    ["500", { code: 500 }, true],
    ["503", { code: 503 }, true],
    ["408", { code: 408 }, true],
    ["400", { code: 400 }, false],
    ["401", { code: 401 }, false],
    ["413", { code: 413 }, false],
    ["a network error code", { code: "ECONNREFUSED" }, true],
    ["no error", undefined, true],
  ])("%s → %s", (_case, error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});
