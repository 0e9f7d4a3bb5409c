import { describe, expect, it } from "vitest";

import type { ObservationType, Usage } from "@/lib/ingest/types";

import { mapSpan } from "./map-span";
import { buildSpan, json, type AttributeInput } from "./test-builders";

describe("OpenInference conventions", () => {
  it.each<[string, ObservationType]>([
    ["LLM", "GENERATION"],
    ["EMBEDDING", "EMBEDDING"],
    ["RETRIEVER", "RETRIEVER"],
    ["RERANKER", "RETRIEVER"],
    ["TOOL", "TOOL"],
    ["AGENT", "AGENT"],
    ["CHAIN", "CHAIN"],
    ["GUARDRAIL", "GUARDRAIL"],
    ["EVALUATOR", "EVALUATOR"],
    ["llm", "GENERATION"],
    ["UNKNOWN", "SPAN"],
  ])("should type span kind %s as %s", (kind, type) => {
    expect(mapSpan(buildSpan({ "openinference.span.kind": kind })).type).toBe(type);
  });

  it("should warn about an unmapped span kind", () => {
    const mapped = mapSpan(buildSpan({ "openinference.span.kind": "TELEPORT" }));
    expect(mapped.warnings).toEqual([
      'openinference.span.kind has unmapped kind "TELEPORT"; ignored',
    ]);
  });

  it("should read model, provider and invocation parameters", () => {
    const mapped = mapSpan(
      buildSpan({
        "openinference.span.kind": "LLM",
        "llm.model_name": "claude-3-5-sonnet",
        "llm.provider": "anthropic",
        "llm.system": "anthropic-sdk",
        "llm.invocation_parameters": json({ temperature: 0, max_tokens: 100 }),
      }),
    );
    expect(mapped).toMatchObject({
      requestModel: "claude-3-5-sonnet",
      model: "claude-3-5-sonnet",
      responseModel: null,
      provider: "anthropic",
      modelParameters: { temperature: 0, max_tokens: 100 },
    });
  });

  it("should fall back to llm.system and embedding.model_name", () => {
    const mapped = mapSpan(
      buildSpan({ "llm.system": "openai", "embedding.model_name": "text-embedding-3-small" }),
    );
    expect(mapped.provider).toBe("openai");
    expect(mapped.requestModel).toBe("text-embedding-3-small");
  });

  it("should warn when invocation parameters are not a JSON object", () => {
    const mapped = mapSpan(buildSpan({ "llm.invocation_parameters": "temperature=0" }));
    expect(mapped.modelParameters).toBeNull();
    expect(mapped.warnings).toEqual(["llm.invocation_parameters is not a JSON object; ignored"]);
  });

  it.each<[string, Record<string, AttributeInput>, Partial<Usage>]>([
    [
      "every count",
      {
        "llm.token_count.prompt": 120,
        "llm.token_count.completion": 40,
        "llm.token_count.total": 160,
        "llm.token_count.prompt_details.cache_read": 100,
        "llm.token_count.prompt_details.cache_write": 20,
        "llm.token_count.prompt_details.audio": 5,
        "llm.token_count.completion_details.reasoning": 30,
        "llm.token_count.completion_details.audio": 2,
      },
      {
        input: 120,
        output: 40,
        total: 160,
        cacheRead: 100,
        cacheWrite: 20,
        audioInput: 5,
        reasoning: 30,
        audioOutput: 2,
      },
    ],
    [
      "a computed total",
      { "llm.token_count.prompt": 3, "llm.token_count.completion": 4 },
      { total: 7 },
    ],
    [
      "cache_input as cache read",
      { "llm.token_count.prompt": 10, "llm.token_count.prompt_details.cache_input": 4 },
      { cacheRead: 4 },
    ],
    ["prompt only", { "llm.token_count.prompt": 10 }, { input: 10, output: null, total: 10 }],
  ])("should read usage: %s", (_label, attributes, expected) => {
    expect(mapSpan(buildSpan(attributes)).usage).toMatchObject(expected);
  });

  it("should clamp reasoning above completion", () => {
    const mapped = mapSpan(
      buildSpan({
        "llm.token_count.completion": 10,
        "llm.token_count.completion_details.reasoning": 11,
      }),
    );
    expect(mapped.usage.reasoning).toBe(10);
    expect(mapped.warnings[0]).toContain("clamped to 10");
  });

  it("should read client cost as exact decimals and add the total", () => {
    const mapped = mapSpan(buildSpan({ "llm.cost.prompt": 0.1, "llm.cost.completion": 0.2 }));
    expect(mapped.clientCost).toEqual({ input: "0.1", output: "0.2", total: "0.3" });
    expect(mapped.mappingReport).toContainEqual({
      field: "clientCost.total",
      source: "computed: input + output",
    });
  });

  it("should prefer a given total cost", () => {
    const mapped = mapSpan(buildSpan({ "llm.cost.total": "0.00042" }));
    expect(mapped.clientCost).toEqual({ input: null, output: null, total: "0.00042" });
  });

  describe("input and output", () => {
    it.each<[string, Record<string, AttributeInput>, unknown]>([
      [
        "JSON by mime type",
        { "input.value": json({ q: "hi" }), "input.mime_type": "application/json" },
        { q: "hi" },
      ],
      [
        "text by mime type",
        { "input.value": json({ q: "hi" }), "input.mime_type": "text/plain" },
        '{"q":"hi"}',
      ],
      ["text without mime type", { "input.value": "hello" }, "hello"],
      [
        "invalid JSON despite the mime type",
        { "input.value": "{oops", "input.mime_type": "application/json" },
        "{oops",
      ],
    ])("should read input.value as %s", (_label, attributes, expected) => {
      expect(mapSpan(buildSpan(attributes)).input).toEqual(expected);
    });

    it("should rebuild flattened messages in numeric order with contents and tool calls", () => {
      const attributes: Record<string, AttributeInput> = {
        "input.value": "raw invocation",
        "llm.input_messages.10.message.role": "user",
        "llm.input_messages.10.message.content": "tenth",
        "llm.input_messages.9.message.role": "assistant",
        "llm.input_messages.9.message.content": "ninth",
        "llm.input_messages.0.message.role": "system",
        "llm.input_messages.0.message.contents.1.message_content.type": "image",
        "llm.input_messages.0.message.contents.1.message_content.image.image.url":
          "https://x/y.png",
        "llm.input_messages.0.message.contents.0.message_content.type": "text",
        "llm.input_messages.0.message.contents.0.message_content.text": "look",
        "llm.input_messages.3.message.role": "tool",
        "llm.input_messages.3.message.content": "sunny",
        "llm.input_messages.3.message.tool_call_id": "call_7",
        "llm.input_messages.3.message.name": "weather",
        "llm.output_messages.0.message.role": "assistant",
        "llm.output_messages.0.message.tool_calls.0.tool_call.id": "call_8",
        "llm.output_messages.0.message.tool_calls.0.tool_call.function.name": "search",
        "llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments": '{"q":"x"}',
      };
      const mapped = mapSpan(buildSpan(attributes));

      expect(mapped.input).toEqual([
        {
          role: "system",
          content: [
            { type: "text", text: "look" },
            { type: "image", image_url: "https://x/y.png" },
          ],
        },
        { role: "tool", content: "sunny", tool_call_id: "call_7", name: "weather" },
        { role: "assistant", content: "ninth" },
        { role: "user", content: "tenth" },
      ]);
      expect(mapped.output).toEqual([
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "call_8", name: "search", arguments: '{"q":"x"}' }],
        },
      ]);
      expect(mapped.mappingReport).toContainEqual({
        field: "input",
        source: "llm.input_messages.*",
      });
    });

    it("should handle a huge message index without a giant array", () => {
      const mapped = mapSpan(
        buildSpan({
          "llm.input_messages.99999999.message.content": "x",
          "llm.input_messages.not-a-number.message.content": "skip",
        }),
      );
      expect(mapped.input).toEqual([{ role: "unknown", content: "x" }]);
    });

    it("should list retrieved documents as the retriever output", () => {
      const mapped = mapSpan(
        buildSpan({
          "openinference.span.kind": "RETRIEVER",
          "input.value": "what is otel?",
          "retrieval.documents.1.document.id": "doc-b",
          "retrieval.documents.1.document.score": 0.5,
          "retrieval.documents.0.document.id": "doc-a",
          "retrieval.documents.0.document.content": "OpenTelemetry is…",
          "retrieval.documents.0.document.score": 0.9,
          "retrieval.documents.0.document.metadata": json({ source: "wiki" }),
        }),
      );
      expect(mapped.type).toBe("RETRIEVER");
      expect(mapped.input).toBe("what is otel?");
      expect(mapped.output).toEqual([
        { id: "doc-a", content: "OpenTelemetry is…", score: 0.9, metadata: { source: "wiki" } },
        { id: "doc-b", score: 0.5 },
      ]);
    });

    it("should list reranked documents as the reranker output", () => {
      const mapped = mapSpan(
        buildSpan({
          "openinference.span.kind": "RERANKER",
          "reranker.output_documents.0.document.id": "d1",
        }),
      );
      expect(mapped.output).toEqual([{ id: "d1" }]);
    });

    // Regression: a reranker span (OpenInference's LlamaIndex and LangChain instrumentations)
    // carries what it was asked to rank in reranker.query and reranker.input_documents.N.*, and
    // no input.value: its input was empty, so the view of a RAG step lost the candidates.
    it("should show the query and the input documents as the reranker input", () => {
      const mapped = mapSpan(
        buildSpan({
          "openinference.span.kind": "RERANKER",
          "reranker.query": "what is otel?",
          "reranker.model_name": "cross-encoder/ms-marco-MiniLM-L-6-v2",
          "reranker.top_k": 1,
          "reranker.input_documents.1.document.content": "OpenTelemetry is…",
          "reranker.input_documents.0.document.id": "d0",
          "reranker.input_documents.0.document.content": "Jaeger is…",
          "reranker.input_documents.0.document.score": 0.4,
          "reranker.output_documents.0.document.content": "OpenTelemetry is…",
          "reranker.output_documents.0.document.score": 0.98,
        }),
      );
      expect(mapped.input).toEqual({
        query: "what is otel?",
        documents: [
          { id: "d0", content: "Jaeger is…", score: 0.4 },
          { content: "OpenTelemetry is…" },
        ],
      });
      expect(mapped.output).toEqual([{ content: "OpenTelemetry is…", score: 0.98 }]);
      expect(mapped.mappingReport).toContainEqual({
        field: "input",
        source: "reranker.query, reranker.input_documents.*",
      });
    });

    it("should list embedded texts as the embedding input", () => {
      const mapped = mapSpan(
        buildSpan({
          "openinference.span.kind": "EMBEDDING",
          "embedding.embeddings.1.embedding.text": "second",
          "embedding.embeddings.0.embedding.text": "first",
        }),
      );
      expect(mapped.input).toEqual(["first", "second"]);
    });
  });

  // Regression: @arizeai/openinference-vercel flattens metadata into metadata.<key>
  // attributes, which were not read.
  it("should read flattened metadata.<key> attributes", () => {
    const mapped = mapSpan(
      buildSpan({
        "openinference.span.kind": "CHAIN",
        "metadata.userId": "user-7",
        "metadata.attempt": 2,
        "metadata.flags": json({ beta: true }),
      }),
    );
    expect(mapped.metadata).toEqual({ userId: "user-7", attempt: 2, flags: { beta: true } });
  });

  it("should read tags and metadata", () => {
    const mapped = mapSpan(buildSpan({ "tag.tags": ["a", "b"], metadata: json({ k: "v" }) }));
    expect(mapped.tags).toEqual(["a", "b"]);
    expect(mapped.metadata).toEqual({ k: "v" });
  });

  it("should read user and session from the shared keys", () => {
    const mapped = mapSpan(buildSpan({ "user.id": "u1", "session.id": "s1" }));
    expect(mapped.userId).toBe("u1");
    expect(mapped.sessionId).toBe("s1");
  });
});
