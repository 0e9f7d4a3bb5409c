// Regression: a trace's own input and output, set with `langfuse.trace.input|output` on its spans,
// reached the traces list and the API but appeared nowhere on the trace page: the page showed
// span payloads only, and the root span had none of its own ("None recorded"). The trace page
// now shows the trace's input and output above the tree, rendered like span payloads.
import { randomBytes } from "node:crypto";

import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import type { WireSpan } from "../../lib/otlp/otlp-wire-schema";
import { buildWireRequest, buildWireSpan, stringAttribute } from "../../lib/otlp/test-builders";
import { newSpanId, newTraceId, sendOtlp, XSS_PROBES } from "../fixtures/explorer-traces";
import { openSignedInPage } from "../setup/browser";

const baseUrl = inject("baseUrl");
const run = randomBytes(4).toString("hex");

function nanos(millis: number): string {
  return (BigInt(millis) * 1_000_000n).toString();
}

/**
 * A root span carrying the trace input (a chat) and no payload of its own, and a child span
 * carrying the trace output (text with an HTML probe that must stay text).
 */
function buildTraceWithTraceLevelPayloads(start: number) {
  const traceId = newTraceId();
  const rootId = newSpanId();
  const question = `Will it rain in Faro tomorrow? (${run})`;
  const answer = `No rain expected in Faro (${run}). ${XSS_PROBES.name}`;
  const spans: WireSpan[] = [
    buildWireSpan({
      traceId,
      spanId: rootId,
      name: "forecast-agent",
      kind: 1,
      startTimeUnixNano: nanos(start),
      endTimeUnixNano: nanos(start + 800),
      attributes: [
        stringAttribute("langfuse.trace.name", "forecast-agent"),
        stringAttribute(
          "langfuse.trace.input",
          JSON.stringify([{ role: "user", content: question }]),
        ),
      ],
    }),
    buildWireSpan({
      traceId,
      spanId: newSpanId(),
      parentSpanId: rootId,
      name: "compose-answer",
      kind: 1,
      startTimeUnixNano: nanos(start + 100),
      endTimeUnixNano: nanos(start + 700),
      attributes: [stringAttribute("langfuse.trace.output", answer)],
    }),
  ];
  return { request: buildWireRequest({ spans }), traceId, rootId, question, answer };
}

describe("trace input and output on the trace page", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let projectPath: string;

  beforeAll(async () => {
    ({ browser, context, page, projectPath } = await openSignedInPage(baseUrl));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it("shows the trace's input as a chat and its output as text (langfuse.trace.*)", async () => {
    const trace = buildTraceWithTraceLevelPayloads(Date.now() - 60_000);
    await sendOtlp(baseUrl, trace.request);

    await page.goto(`${baseUrl}${projectPath}/traces/${trace.traceId}`);
    const panel = page.getByTestId("trace-input-output");
    await expect.poll(() => panel.count()).toBe(1);

    const input = panel.getByRole("region", { name: "Trace input", exact: true });
    const message = input.getByTestId("chat-message");
    expect(await message.getAttribute("data-role")).toBe("user");
    expect(await message.textContent()).toContain(trace.question);

    const output = panel.getByRole("region", { name: "Trace output", exact: true });
    expect(await output.textContent()).toContain(trace.answer);
    expect(await output.locator("img").count()).toBe(0);
    expect(await page.evaluate(() => "__xss" in window)).toBe(false);

    // The root span, selected by default, still tells its own (empty) payload apart.
    const spanPanel = page.getByTestId("span-panel");
    expect(await spanPanel.getAttribute("data-span-id")).toBe(trace.rootId);
    await expect
      .poll(() => spanPanel.getByRole("region", { name: "Input", exact: true }).textContent())
      .toContain("None recorded");
  });

  it("leaves the panel out when the trace has neither input nor output", async () => {
    const traceId = newTraceId();
    const start = Date.now() - 30_000;
    const span = buildWireSpan({
      traceId,
      spanId: newSpanId(),
      name: `silent-${run}`,
      kind: 1,
      startTimeUnixNano: nanos(start),
      endTimeUnixNano: nanos(start + 50),
      attributes: [],
    });
    await sendOtlp(baseUrl, buildWireRequest({ spans: [span] }));

    await page.goto(`${baseUrl}${projectPath}/traces/${traceId}`);
    await expect.poll(() => page.getByTestId("trace-name").textContent()).toBe(`silent-${run}`);
    expect(await page.getByTestId("trace-input-output").count()).toBe(0);
  });
});
