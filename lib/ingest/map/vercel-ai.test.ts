import { describe, expect, it } from "vitest";

import type { ObservationType, Usage } from "@/lib/ingest/types";

import { mapSpan } from "./map-span";
import { buildSpan, json, type AttributeInput } from "./test-builders";

describe("Vercel AI SDK telemetry", () => {
  it.each<[string, ObservationType]>([
    ["ai.generateText", "CHAIN"],
    ["ai.streamText", "CHAIN"],
    ["ai.generateObject", "CHAIN"],
    ["ai.streamObject", "CHAIN"],
    ["ai.generateText.doGenerate", "GENERATION"],
    ["ai.streamText.doStream", "GENERATION"],
    ["ai.generateObject.doGenerate", "GENERATION"],
    ["ai.streamObject.doStream", "GENERATION"],
    ["ai.embed", "EMBEDDING"],
    ["ai.embed.doEmbed", "EMBEDDING"],
    ["ai.embedMany", "EMBEDDING"],
    ["ai.embedMany.doEmbed", "EMBEDDING"],
    ["ai.toolCall", "TOOL"],
    ["ai.somethingElse", "SPAN"],
  ])("should type %s as %s", (operationId, type) => {
    expect(mapSpan(buildSpan({ "ai.operationId": operationId })).type).toBe(type);
  });

  it("should fall back to the span name when ai.operationId is missing", () => {
    const mapped = mapSpan(buildSpan({}, { name: "ai.toolCall" }));
    expect(mapped.type).toBe("TOOL");
    expect(mapped.mappingReport).toContainEqual({ field: "type", source: "name" });
  });

  it("should read model, provider and settings", () => {
    const mapped = mapSpan(
      buildSpan({
        "ai.operationId": "ai.generateText.doGenerate",
        "ai.model.id": "gpt-4o-mini",
        "ai.model.provider": "openai.chat",
        "ai.response.model": "gpt-4o-mini-2024-07-18",
        "ai.settings.maxOutputTokens": 512,
        "ai.settings.temperature": 0.7,
      }),
    );
    expect(mapped).toMatchObject({
      requestModel: "gpt-4o-mini",
      responseModel: "gpt-4o-mini-2024-07-18",
      model: "gpt-4o-mini-2024-07-18",
      provider: "openai.chat",
      modelParameters: { maxOutputTokens: 512, temperature: 0.7 },
    });
  });

  it.each<[string, Record<string, AttributeInput>, Partial<Usage>]>([
    [
      "v4 names",
      { "ai.usage.promptTokens": 11, "ai.usage.completionTokens": 7 },
      { input: 11, output: 7, total: 18 },
    ],
    [
      "v5 names",
      {
        "ai.usage.inputTokens": 100,
        "ai.usage.outputTokens": 30,
        "ai.usage.totalTokens": 130,
        "ai.usage.cachedInputTokens": 80,
        "ai.usage.reasoningTokens": 12,
      },
      { input: 100, output: 30, total: 130, cacheRead: 80, reasoning: 12 },
    ],
    [
      "v6 detail names",
      {
        "ai.usage.inputTokens": 100,
        "ai.usage.outputTokens": 30,
        "ai.usage.inputTokenDetails.cacheReadTokens": 50,
        "ai.usage.inputTokenDetails.cacheWriteTokens": 10,
        "ai.usage.outputTokenDetails.reasoningTokens": 5,
      },
      { cacheRead: 50, cacheWrite: 10, reasoning: 5 },
    ],
    ["new names over old", { "ai.usage.inputTokens": 1, "ai.usage.promptTokens": 2 }, { input: 1 }],
    ["embedding tokens", { "ai.usage.tokens": 9 }, { input: 9, output: null }],
  ])("should read usage on a provider call: %s", (_label, attributes, expected) => {
    const mapped = mapSpan(
      buildSpan({ "ai.operationId": "ai.generateText.doGenerate", ...attributes }),
    );
    expect(mapped.usage).toMatchObject(expected);
  });

  // Regression (getsentry/sentry-javascript#21488, anomalyco/opencode#19758): before v6 the
  // Anthropic and Bedrock providers reported inputTokens without the cached tokens, which came
  // beside it (cachedInputTokens, or providerMetadata in v4); the cache read was clamped to the
  // few uncached tokens and the trace's input undercounted a thousandfold.
  it.each<[string, Record<string, AttributeInput>, Partial<Usage>]>([
    [
      "v5 Anthropic (cache beside input)",
      {
        "ai.model.provider": "anthropic.messages",
        "ai.usage.inputTokens": 5,
        "ai.usage.outputTokens": 10,
        "ai.usage.totalTokens": 15,
        "ai.usage.cachedInputTokens": 128955,
        "ai.response.providerMetadata": json({ anthropic: { cacheCreationInputTokens: 1253 } }),
      },
      { input: 130213, output: 10, total: 130223, cacheRead: 128955, cacheWrite: 1253 },
    ],
    [
      "v4 Anthropic (cache in providerMetadata)",
      {
        "ai.model.provider": "anthropic.messages",
        "ai.usage.promptTokens": 5,
        "ai.usage.completionTokens": 10,
        "ai.response.providerMetadata": json({
          anthropic: { cacheCreationInputTokens: 20, cacheReadInputTokens: 75 },
        }),
      },
      { input: 100, output: 10, total: 110, cacheRead: 75, cacheWrite: 20 },
    ],
    [
      "v5 Bedrock (cache beside input)",
      {
        "ai.model.provider": "amazon-bedrock",
        "ai.usage.inputTokens": 10,
        "ai.usage.outputTokens": 2,
        "ai.usage.cachedInputTokens": 90,
      },
      { input: 100, output: 2, total: 102, cacheRead: 90 },
    ],
    [
      "v6 Anthropic (cache inside input)",
      {
        "ai.model.provider": "anthropic.messages",
        "ai.usage.inputTokens": 100,
        "ai.usage.outputTokens": 10,
        "ai.usage.cachedInputTokens": 90,
        "ai.usage.inputTokenDetails.noCacheTokens": 10,
        "ai.usage.inputTokenDetails.cacheReadTokens": 90,
      },
      { input: 100, output: 10, total: 110, cacheRead: 90 },
    ],
    [
      "v5 OpenAI (cache inside input)",
      {
        "ai.model.provider": "openai.responses",
        "ai.usage.inputTokens": 100,
        "ai.usage.outputTokens": 10,
        "ai.usage.cachedInputTokens": 90,
      },
      { input: 100, output: 10, total: 110, cacheRead: 90 },
    ],
  ])("should count cached tokens once on a provider call: %s", (_label, attributes, expected) => {
    const mapped = mapSpan(
      buildSpan({ "ai.operationId": "ai.generateText.doGenerate", ...attributes }),
    );
    expect(mapped.usage).toMatchObject(expected);
    expect(mapped.warnings).toEqual([]);
  });

  it.each(["ai.generateText", "ai.streamObject", "ai.embedMany"])(
    "should not count the summed usage of the outer %s span",
    (operationId) => {
      const mapped = mapSpan(
        buildSpan({
          "ai.operationId": operationId,
          "ai.usage.promptTokens": 11,
          "ai.usage.completionTokens": 7,
          "ai.usage.tokens": 3,
        }),
      );
      expect(Object.values(mapped.usage).every((count) => count === null)).toBe(true);
    },
  );

  // Regression: v7's GenAI integration (`usage: true`) sends ai.usage.* details beside its
  // gen_ai.usage.* counts; the details alone were taken as the usage and hid the counts.
  it.each<[string, Record<string, AttributeInput>, Partial<Usage>]>([
    [
      "a chat span",
      {
        "gen_ai.operation.name": "chat",
        "gen_ai.usage.input_tokens": 50,
        "gen_ai.usage.output_tokens": 12,
        "gen_ai.usage.cache_read.input_tokens": 20,
        "ai.usage.inputTokenDetails.noCacheTokens": 30,
        "ai.usage.outputTokenDetails.textTokens": 8,
        "ai.usage.outputTokenDetails.reasoningTokens": 4,
      },
      { input: 50, output: 12, total: 62, cacheRead: 20, reasoning: 4 },
    ],
    [
      "a step span",
      {
        "gen_ai.operation.name": "agent_step",
        "ai.usage.inputTokenDetails.noCacheTokens": 30,
        "ai.usage.outputTokenDetails.reasoningTokens": 4,
      },
      { input: null, output: null, total: null, reasoning: null },
    ],
  ])("should take v7 GenAI counts with their ai.usage details on %s", (_label, attrs, usage) => {
    expect(mapSpan(buildSpan(attrs)).usage).toMatchObject(usage);
  });

  // Regression: the v7 embed operation span carries the texts (`embedding: true`) but no count;
  // its tokens were estimated from the texts, on top of those its provider call reported.
  it.each<[string, Record<string, AttributeInput>, boolean]>([
    ["the embed operation", { "ai.value": '"sunny"' }, true],
    ["the embedMany operation", { "ai.values": ['"a"', '"b"'] }, true],
    ["a provider call", { "ai.values": ['"a"'], "gen_ai.usage.input_tokens": 4 }, false],
  ])("should tell whether a v7 embeddings span is %s", (_label, attributes, aggregate) => {
    const mapped = mapSpan(
      buildSpan({ "gen_ai.operation.name": "embeddings", ...attributes }, { kind: 3 }),
    );
    expect(mapped.type).toBe("EMBEDDING");
    expect(mapped.usageIsAggregate).toBe(aggregate);
  });

  it("should still take explicit Langfuse usage on an outer span", () => {
    const mapped = mapSpan(
      buildSpan({
        "ai.operationId": "ai.generateText",
        "ai.usage.promptTokens": 11,
        "langfuse.observation.usage_details": json({ input: 1, output: 2 }),
      }),
    );
    expect(mapped.usage).toMatchObject({ input: 1, output: 2, total: 3 });
  });

  it("should not let gen_ai.* usage of a v6 outer span be counted either", () => {
    const mapped = mapSpan(
      buildSpan({ "ai.operationId": "ai.streamText", "gen_ai.usage.input_tokens": 5 }),
    );
    expect(mapped.usage.input).toBeNull();
  });

  describe("input and output", () => {
    it("should rebuild provider messages from ai.prompt.messages", () => {
      const messages = [
        { role: "system", content: "Be nice." },
        { role: "user", content: [{ type: "text", text: "Weather?" }] },
        {
          role: "assistant",
          content: [
            { type: "text", text: "Checking." },
            { type: "tool-call", toolCallId: "c1", toolName: "weather", input: { city: "Oslo" } },
          ],
        },
        {
          role: "tool",
          content: [
            {
              type: "tool-result",
              toolCallId: "c1",
              toolName: "weather",
              output: { type: "text", value: "cold" },
            },
            { type: "tool-result", toolCallId: "c2", toolName: "time", result: "noon" },
          ],
        },
      ];
      const mapped = mapSpan(
        buildSpan({
          "ai.operationId": "ai.streamText.doStream",
          "ai.prompt.messages": json(messages),
        }),
      );
      expect(mapped.input).toEqual([
        { role: "system", content: "Be nice." },
        { role: "user", content: "Weather?" },
        {
          role: "assistant",
          content: "Checking.",
          tool_calls: [{ id: "c1", name: "weather", arguments: { city: "Oslo" } }],
        },
        { role: "tool", content: { type: "text", value: "cold" }, tool_call_id: "c1" },
        { role: "tool", content: "noon", tool_call_id: "c2" },
      ]);
    });

    it.each<[string, unknown, unknown]>([
      [
        "system + prompt",
        { system: "S", prompt: "P" },
        [
          { role: "system", content: "S" },
          { role: "user", content: "P" },
        ],
      ],
      [
        "messages",
        { messages: [{ role: "user", content: "M" }] },
        [{ role: "user", content: "M" }],
      ],
      ["an unknown shape", { foo: 1 }, { foo: 1 }],
    ])("should read ai.prompt with %s", (_label, prompt, expected) => {
      const mapped = mapSpan(
        buildSpan({ "ai.operationId": "ai.generateText", "ai.prompt": json(prompt) }),
      );
      expect(mapped.input).toEqual(expected);
    });

    it("should make text plus tool calls one assistant message", () => {
      const mapped = mapSpan(
        buildSpan({
          "ai.operationId": "ai.generateText.doGenerate",
          "ai.response.text": "Let me check.",
          "ai.response.toolCalls": json([
            { toolCallType: "function", toolCallId: "t1", toolName: "search", args: '{"q":"a"}' },
          ]),
        }),
      );
      expect(mapped.output).toEqual({
        role: "assistant",
        content: "Let me check.",
        tool_calls: [{ id: "t1", name: "search", arguments: '{"q":"a"}' }],
      });
    });

    it.each<[string, Record<string, AttributeInput>, unknown, unknown]>([
      ["plain text", { "ai.response.text": "Hi there" }, null, "Hi there"],
      ["an object", { "ai.response.object": json({ answer: 42 }) }, null, { answer: 42 }],
      [
        "v4 tool args/result",
        { "ai.toolCall.args": json({ a: 1 }), "ai.toolCall.result": json({ ok: true }) },
        { a: 1 },
        { ok: true },
      ],
      [
        "v5 tool input/output",
        { "ai.toolCall.input": json({ a: 2 }), "ai.toolCall.output": "plain" },
        { a: 2 },
        "plain",
      ],
      ["embedding values", { "ai.values": ['"first"', '"second"'] }, ["first", "second"], null],
      ["one embedding value", { "ai.value": '"only"' }, "only", null],
    ])("should read %s", (_label, attributes, input, output) => {
      const mapped = mapSpan(buildSpan(attributes));
      expect(mapped.input).toEqual(input);
      expect(mapped.output).toEqual(output);
    });
  });

  it("should read telemetry metadata, user, session, tags and function id", () => {
    const mapped = mapSpan(
      buildSpan({
        "ai.telemetry.functionId": "summarize-ticket",
        "ai.telemetry.metadata.userId": "user-7",
        "ai.telemetry.metadata.sessionId": "sess-3",
        "ai.telemetry.metadata.tags": ["support"],
        "ai.telemetry.metadata.plan": "pro",
      }),
    );
    expect(mapped).toMatchObject({
      feature: "summarize-ticket",
      userId: "user-7",
      sessionId: "sess-3",
      tags: ["support"],
    });
    expect(mapped.metadata).toEqual({
      userId: "user-7",
      sessionId: "sess-3",
      tags: ["support"],
      plan: "pro",
    });
    expect(mapped.traceName).toBeNull();
  });

  // Regression: v7 replaced telemetry metadata by the runtime context, sent as
  // ai.settings.context.*; user and session were lost and the context was shown as model settings.
  it.each(["ai.settings.context.", "ai.settings.runtimeContext."])(
    "should read user and session from the v7 runtime context under %s",
    (prefix) => {
      const mapped = mapSpan(
        buildSpan({
          "ai.operationId": "ai.generateText.doGenerate",
          "ai.settings.maxRetries": 2,
          [`${prefix}userId`]: "user-7",
          [`${prefix}sessionId`]: "sess-3",
          [`${prefix}tenant`]: "acme",
        }),
      );
      expect(mapped).toMatchObject({ userId: "user-7", sessionId: "sess-3" });
      expect(mapped.modelParameters).toEqual({ maxRetries: 2 });
      expect(mapped.metadata).toEqual({ userId: "user-7", sessionId: "sess-3", tenant: "acme" });
    },
  );

  it("should prefer telemetry metadata over the runtime context for the user", () => {
    const mapped = mapSpan(
      buildSpan({
        "ai.settings.context.userId": "from-context",
        "ai.telemetry.metadata.userId": "from-metadata",
      }),
    );
    expect(mapped.userId).toBe("from-metadata");
    expect(mapped.metadata).toEqual({ userId: "from-metadata" });
  });

  it("should let explicit user and feature win over telemetry metadata", () => {
    const mapped = mapSpan(
      buildSpan({
        "user.id": "explicit",
        "sightline.feature": "chat",
        "ai.telemetry.metadata.userId": "meta",
        "ai.telemetry.functionId": "fn",
      }),
    );
    expect(mapped.userId).toBe("explicit");
    expect(mapped.feature).toBe("chat");
  });
});
