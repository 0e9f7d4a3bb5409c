// The traces list search. Regression: it matched only the trace rollup (the root span's name,
// input and output) and a whole trace id, so an answer of a child generation, a retrieved
// document or a trace-id prefix found nothing. It now also matches every span of the trace that
// starts in the list's range, and hex text of 4 to 31 digits matches trace ids by prefix.
import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { stringAttribute } from "../../lib/otlp/test-builders";
import { TEST_USER } from "../setup/test-env";
import { SessionClient } from "../setup/session-client";
import { baseUrl, getJson, nanos, newSpanId, newTraceId, postSpans, span } from "./ingest-helpers";

const run = randomBytes(4).toString("hex");

/** An OpenInference LLM span whose only output is the assistant's message. */
function generation(traceId: string, parentId: string, startMs: number, answer: string) {
  return span(traceId, newSpanId(), parentId, "chat gpt-4o", startMs, startMs + 50, {
    attributes: [
      stringAttribute("openinference.span.kind", "LLM"),
      stringAttribute("llm.output_messages.0.message.role", "assistant"),
      stringAttribute("llm.output_messages.0.message.content", answer),
    ],
  });
}

/** An OpenInference retriever span returning one document. */
function retriever(traceId: string, parentId: string, startMs: number, document: string) {
  return span(traceId, newSpanId(), parentId, "retrieve-docs", startMs, startMs + 30, {
    attributes: [
      stringAttribute("openinference.span.kind", "RETRIEVER"),
      stringAttribute("retrieval.documents.0.document.id", `doc-${run}`),
      stringAttribute("retrieval.documents.0.document.content", document),
    ],
  });
}

/** A root span with a plain question and answer that contain none of the searched terms. */
function root(traceId: string, spanId: string, startMs: number, endMs: number) {
  return span(traceId, spanId, "", `search agent ${run}`, startMs, endMs, {
    attributes: [
      stringAttribute("input.value", "a question"),
      stringAttribute("output.value", "a final answer"),
    ],
  });
}

function isoAt(offsetMs: number): string {
  return new Date(Number(BigInt(nanos(offsetMs)) / 1_000_000n)).toISOString();
}

describe("traces list search", () => {
  const client = new SessionClient(baseUrl());
  let projectId = "";
  const nested = { traceId: newTraceId(), rootId: newSpanId() };
  const answer = `the refund takes ${run}-genanswer days`;
  const document = `Refund policy ${run}-retrieved: thirty days.`;
  const probe = `<img src=x onerror=alert('${run}')>'); DROP TABLE traces; --`;
  const literal = { traceId: newTraceId(), text: `literal ${run}ab` };

  async function search(q: string, range = "range=24h"): Promise<string[]> {
    const list = await client.json(
      `/api/projects/${projectId}/traces?${range}&limit=100&q=${encodeURIComponent(q)}`,
    );
    expect(list.status).toBe(200);
    return (list.body.data as { traceId: string }[]).map((row) => row.traceId);
  }

  beforeAll(async () => {
    expect(await client.signIn(TEST_USER.email, TEST_USER.password)).toBe(true);
    const projects = await getJson<{ data: { id: string }[] }>("/api/public/projects");
    projectId = projects.body.data[0]!.id;

    const { traceId, rootId } = nested;
    const literalRoot = newSpanId();
    const response = await postSpans([
      root(traceId, rootId, 0, 1000),
      retriever(traceId, rootId, 10, document),
      generation(traceId, rootId, 100, answer),
      generation(traceId, rootId, 200, probe),
      root(literal.traceId, literalRoot, 0, 100),
      generation(literal.traceId, literalRoot, 10, literal.text),
    ]);
    expect(response.status).toBe(200);
  });

  it.each([
    { label: "a child generation's output", term: `${run}-GenAnswer` },
    { label: "a retrieved document", term: `policy ${run}-retrieved` },
    { label: "an HTML and SQL probe, as plain text", term: probe },
  ])("finds a trace by text only in $label", async ({ term }) => {
    expect(await search(term)).toEqual([nested.traceId]);
  });

  it("matches % and _ in the term literally", async () => {
    expect(await search(`literal ${run}ab`)).toEqual([literal.traceId]);
    expect(await search(`literal ${run}%`)).toEqual([]);
    expect(await search(`literal ${run}__`)).toEqual([]);
  });

  it.each([
    { label: "a prefix of 4 digits", length: 4 },
    { label: "a prefix of 12 digits", length: 12 },
    { label: "a prefix of 31 digits", length: 31 },
  ])("finds a trace by $label of its id", async ({ length }) => {
    expect(await search(nested.traceId.slice(0, length))).toContain(nested.traceId);
    expect(await search(nested.traceId.slice(0, length).toUpperCase())).toContain(nested.traceId);
  });

  it("finds a trace by its whole id, and by nothing else", async () => {
    expect(await search(nested.traceId)).toEqual([nested.traceId]);
    expect(await search(nested.traceId.toUpperCase())).toEqual([nested.traceId]);
    expect(await search(`${nested.traceId.slice(0, 31)}g`)).toEqual([]);
  });

  it("finds a span starting after a custom range's end in a trace starting in it", async () => {
    // Traces start 100 s into the shared base instant: one starts in the range and has its
    // matching span after the range's end, one starts before the range with its match inside.
    const term = `late ${run}-span`;
    const inRange = { traceId: newTraceId(), rootId: newSpanId() };
    const before = { traceId: newTraceId(), rootId: newSpanId() };
    const response = await postSpans([
      root(inRange.traceId, inRange.rootId, 100_000, 160_000),
      generation(inRange.traceId, inRange.rootId, 150_000, term),
      root(before.traceId, before.rootId, 90_000, 160_000),
      generation(before.traceId, before.rootId, 100_500, term),
    ]);
    expect(response.status).toBe(200);

    const range = `range=custom&from=${isoAt(99_000)}&to=${isoAt(101_000)}`;
    expect(await search(term, range)).toEqual([inRange.traceId]);
    expect(await search(term)).toEqual([inRange.traceId, before.traceId]);
  });
});
