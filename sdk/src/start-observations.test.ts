import { SpanStatusCode } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";

import {
  shutdown,
  startAgent,
  startChain,
  startEmbedding,
  startGeneration,
  startObservation,
  startRetrieval,
  startTool,
} from "./index";
import { createTestClient, jsonAttribute, parentIdOf } from "./testing/test-client";
import type { ObservationType } from "./types";

afterEach(async () => {
  await shutdown();
});

describe("startGeneration", () => {
  it("should write the GenAI request attributes at start", async () => {
    const { exportedSpan } = createTestClient();

    startGeneration({
      name: "answer",
      model: "gpt-4o",
      provider: "openai",
      input: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
      ],
      modelParameters: { temperature: 0.2, max_tokens: 256, stop: ["\n\n"] },
    }).end();

    const span = await exportedSpan("answer");
    expect(span.attributes).toMatchObject({
      "sightline.type": "GENERATION",
      "gen_ai.operation.name": "chat",
      "gen_ai.request.model": "gpt-4o",
      "gen_ai.provider.name": "openai",
      "gen_ai.system": "openai",
      "gen_ai.request.temperature": 0.2,
      "gen_ai.request.max_tokens": 256,
      "gen_ai.request.stop": '["\\n\\n"]',
    });
    expect(jsonAttribute(span, "gen_ai.input.messages")).toEqual([
      { role: "system", parts: [{ type: "text", content: "Be brief." }] },
      { role: "user", parts: [{ type: "text", content: "Hi" }] },
    ]);
  });

  it("should write output, response model and usage with cached and reasoning tokens", async () => {
    const { exportedSpan } = createTestClient();

    startGeneration({ name: "reason", model: "o3-mini" }).end({
      output: "42",
      model: "o3-mini-2025-01-31",
      finishReason: "stop",
      usage: { input: 1200, output: 300, cacheRead: 1024, cacheWrite: 0, reasoning: 256 },
    });

    const span = await exportedSpan("reason");
    expect(span.attributes).toMatchObject({
      "gen_ai.response.model": "o3-mini-2025-01-31",
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 1200,
      "gen_ai.usage.output_tokens": 300,
      "gen_ai.usage.cache_read.input_tokens": 1024,
      "gen_ai.usage.cache_creation.input_tokens": 0,
      "gen_ai.usage.reasoning.output_tokens": 256,
    });
    expect(jsonAttribute(span, "gen_ai.output.messages")).toEqual([
      { role: "assistant", parts: [{ type: "text", content: "42" }], finish_reason: "stop" },
    ]);
  });

  it.each([
    ["negative", -1],
    ["not finite", Number.NaN],
  ])("should leave out a token count that is %s", async (_case, count) => {
    const { exportedSpan } = createTestClient();

    startGeneration({ name: "odd-usage" }).end({ usage: { input: count, output: 3 } });

    const span = await exportedSpan("odd-usage");
    expect(span.attributes["gen_ai.usage.input_tokens"]).toBeUndefined();
    expect(span.attributes["gen_ai.usage.output_tokens"]).toBe(3);
  });

  it("should mark a failed call (e.g. rate limit) with status ERROR and its message", async () => {
    const { exportedSpan } = createTestClient();

    startGeneration({ name: "limited", model: "gpt-4o" }).end({
      error: new Error("429 Too Many Requests"),
    });

    const span = await exportedSpan("limited");
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: "429 Too Many Requests" });
    expect(span.events[0]?.attributes?.["exception.message"]).toBe("429 Too Many Requests");
  });

  it("should honour explicit start and end times", async () => {
    const { exportedSpan } = createTestClient();
    const start = new Date("2026-11-20T10:00:00.000Z");

    startGeneration({ name: "replayed", startTime: start }).end({
      endTime: new Date(start.getTime() + 1500),
    });

    const span = await exportedSpan("replayed");
    expect(span.startTime).toEqual([Math.floor(start.getTime() / 1000), 0]);
    expect(span.duration).toEqual([1, 500_000_000]);
  });

  it("should ignore a second end", async () => {
    const { exportedSpans } = createTestClient();
    const generation = startGeneration({ name: "twice" });

    generation.end({ output: "first" });
    generation.end({ output: "second" });

    const spans = await exportedSpans();
    expect(spans).toHaveLength(1);
    expect(jsonAttribute(spans[0]!, "gen_ai.output.messages")).toEqual([
      { role: "assistant", parts: [{ type: "text", content: "first" }] },
    ]);
  });
});

describe("startEmbedding", () => {
  it("should write an EMBEDDING with the embeddings operation, its input as a value", async () => {
    const { exportedSpan } = createTestClient();

    startEmbedding({
      name: "embed",
      model: "text-embedding-3-small",
      provider: "openai",
      input: ["first text", "second text"],
    }).end({ usage: { input: 6 } });

    const span = await exportedSpan("embed");
    expect(span.attributes).toMatchObject({
      "sightline.type": "EMBEDDING",
      "gen_ai.operation.name": "embeddings",
      "gen_ai.request.model": "text-embedding-3-small",
      "gen_ai.usage.input_tokens": 6,
      "input.value": '["first text","second text"]',
    });
    expect(span.attributes["gen_ai.input.messages"]).toBeUndefined();
  });
});

describe("startRetrieval", () => {
  it("should write documents with scores as OpenInference retrieval.documents", async () => {
    const { exportedSpan } = createTestClient();

    startRetrieval({ name: "search-docs", input: "refund policy" }).end({
      documents: [
        { id: "doc-1", content: "Refunds within 30 days.", score: 0.92, metadata: { page: 3 } },
        { id: "doc-2", content: "Shipping takes 5 days.", score: 0.41 },
      ],
    });

    const span = await exportedSpan("search-docs");
    expect(span.attributes).toMatchObject({
      "sightline.type": "RETRIEVER",
      "input.value": "refund policy",
      "retrieval.documents.0.document.id": "doc-1",
      "retrieval.documents.0.document.content": "Refunds within 30 days.",
      "retrieval.documents.0.document.score": 0.92,
      "retrieval.documents.0.document.metadata": '{"page":3}',
      "retrieval.documents.1.document.id": "doc-2",
      "retrieval.documents.1.document.score": 0.41,
    });
    expect(span.attributes["retrieval.documents.1.document.metadata"]).toBeUndefined();
  });
});

describe("startTool and startAgent", () => {
  it("should write a TOOL with the tool name and call id", async () => {
    const { exportedSpan } = createTestClient();

    startTool({ name: "calculator", toolCallId: "call_1", input: { expression: "2+2" } }).end({
      output: 4,
    });

    const span = await exportedSpan("calculator");
    expect(span.attributes).toMatchObject({
      "sightline.type": "TOOL",
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "calculator",
      "gen_ai.tool.call.id": "call_1",
      "input.value": '{"expression":"2+2"}',
      "output.value": "4",
    });
  });

  it("should write an AGENT with invoke_agent and its name", async () => {
    const { exportedSpan } = createTestClient();

    startAgent({ name: "planner" }).end();

    expect((await exportedSpan("planner")).attributes).toMatchObject({
      "sightline.type": "AGENT",
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.agent.name": "planner",
    });
  });
});

describe("startObservation", () => {
  it.each<ObservationType>(["GUARDRAIL", "EVALUATOR", "EVENT", "SPAN"])(
    "should write sightline.type %s",
    async (type) => {
      const { exportedSpan } = createTestClient();

      startObservation({ name: "step", type }).end();

      expect((await exportedSpan("step")).attributes["sightline.type"]).toBe(type);
    },
  );

  it("should write per-observation metadata and later updates", async () => {
    const { exportedSpan } = createTestClient();

    startObservation({ name: "meta", metadata: { attempt: 2, flags: ["a"] } })
      .update({ input: "late input", metadata: { cached: true } })
      .end();

    expect((await exportedSpan("meta")).attributes).toMatchObject({
      "sightline.metadata.attempt": 2,
      "sightline.metadata.flags": '["a"]',
      "sightline.metadata.cached": true,
      "input.value": "late input",
    });
  });
});

describe("parenting", () => {
  it("should nest under an explicit parent and under the observation running work", async () => {
    const { exportedSpans } = createTestClient();

    const chain = startChain({ name: "pipeline" });
    startRetrieval({ name: "retrieve", parent: chain }).end();
    chain.run(() => startGeneration({ name: "generate" }).end());
    chain.end();
    startChain({ name: "separate" }).end();

    const spans = await exportedSpans();
    const byName = new Map(spans.map((span) => [span.name, span]));
    const chainId = byName.get("pipeline")!.spanContext().spanId;
    expect(parentIdOf(byName.get("retrieve")!)).toBe(chainId);
    expect(parentIdOf(byName.get("generate")!)).toBe(chainId);
    expect(parentIdOf(byName.get("separate")!)).toBeUndefined();
    expect(byName.get("separate")!.spanContext().traceId).not.toBe(chain.traceId);
  });

  it("should expose the trace and observation ids of the span", () => {
    createTestClient();
    const chain = startChain({ name: "ids" });

    expect(chain.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(chain.observationId).toMatch(/^[0-9a-f]{16}$/);
    chain.end();
  });
});
