import type { TokenUsage } from "../../sdk/src/index";

export type FailureKind = "tool error" | "timeout" | "rate limit";

/** What the demo sent, for the closing summary. */
export class DemoStats {
  traces = 0;
  spans = 0;
  generations = 0;
  inputTokens = 0;
  cachedTokens = 0;
  outputTokens = 0;
  reasoningTokens = 0;
  readonly tracesByFeature = new Map<string, number>();
  readonly callsByModel = new Map<string, number>();
  readonly failures = new Map<FailureKind, number>();
  readonly users = new Set<string>();
  readonly sessions = new Set<string>();
  slowTraceId: string | null = null;

  recordTrace(feature: string, userId: string, sessionId: string | undefined): void {
    this.traces += 1;
    increment(this.tracesByFeature, feature);
    this.users.add(userId);
    if (sessionId) this.sessions.add(sessionId);
  }

  recordModelCall(model: string, usage: TokenUsage): void {
    this.generations += 1;
    increment(this.callsByModel, model);
    this.inputTokens += usage.input ?? 0;
    this.cachedTokens += usage.cacheRead ?? 0;
    this.outputTokens += usage.output ?? 0;
    this.reasoningTokens += usage.reasoning ?? 0;
  }

  recordFailure(kind: FailureKind): void {
    increment(this.failures, kind);
  }
}

/** The summary printed at the end of a run. */
export function formatSummary(
  stats: DemoStats,
  run: { baseUrl: string; days: number; seconds: number; droppedSpans: number },
): string {
  const number = (value: number) => value.toLocaleString("en-US");
  const list = (map: Map<string, number>) =>
    [...map].sort((left, right) => right[1] - left[1]).map(([key, count]) => `${key} ${count}`);
  const failures = list(stats.failures);

  return [
    `Sent ${number(stats.traces)} traces (${number(stats.spans)} spans) spread over the past ` +
      `${stats.traces > 0 ? run.days : 0} days to ${run.baseUrl} in ${run.seconds.toFixed(1)} s.`,
    `  features:   ${list(stats.tracesByFeature).join(", ")}`,
    `  users:      ${stats.users.size}, sessions: ${stats.sessions.size}`,
    `  models:     ${list(stats.callsByModel).join(", ")}`,
    `  tokens:     ${number(stats.inputTokens)} input (${number(stats.cachedTokens)} cached), ` +
      `${number(stats.outputTokens)} output (${number(stats.reasoningTokens)} reasoning)`,
    `  failures:   ${failures.length > 0 ? failures.join(", ") : "none"}`,
    `  slow trace: ${stats.slowTraceId ?? "none"}`,
    "  cost:       none reported by the client; " +
      "Sightline prices each model call from its price list",
    `  dropped:    ${number(run.droppedSpans)} spans`,
    `Open ${run.baseUrl} and go to Traces to explore them.`,
  ].join("\n");
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
