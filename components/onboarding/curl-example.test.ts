// The home page's curl example sent a fixed trace id, so running it again overwrote the trace it
// had sent before. The shell now makes the ids; the example runs here with curl stubbed to print
// its body.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

import { buildCurlExample } from "./curl-example";

interface SentSpan {
  traceId: string;
  spanId: string;
  startTimeUnixNano: string;
}

/** Runs the example in bash with a `curl` that prints the body it was given (-d). */
function runExample(): SentSpan {
  const stub = 'curl() { while [ "$1" != "-d" ]; do shift; done; printf "%s" "$2"; }';
  const body = execFileSync("bash", ["-c", `${stub}\n${buildCurlExample("http://x", "pk")}`], {
    encoding: "utf8",
  });
  const request = JSON.parse(body) as {
    resourceSpans: Array<{ scopeSpans: Array<{ spans: SentSpan[] }> }>;
  };
  const span = request.resourceSpans[0]?.scopeSpans[0]?.spans[0];
  if (!span) throw new Error(`no span in ${body}`);
  return span;
}

describe("buildCurlExample", () => {
  it("should send a new trace id and span id on every run", () => {
    const first = runExample();
    const second = runExample();

    expect(first.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(first.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(first.startTimeUnixNano).toMatch(/^\d{19}$/);
    expect(second.traceId).not.toBe(first.traceId);
    expect(second.spanId).not.toBe(first.spanId);
  });
});
