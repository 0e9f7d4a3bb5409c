import { describe, expect, it } from "vitest";

import type { ObservationType, Usage } from "@/lib/ingest/types";

import { mapSpan } from "./map-span";
import { buildEvent, buildSpan, double, json, type AttributeInput } from "./test-builders";

function sourceOf(attributes: Record<string, AttributeInput>, field: string): string | undefined {
  return mapSpan(buildSpan(attributes)).mappingReport.find((entry) => entry.field === field)
    ?.source;
}

describe("GenAI semantic conventions", () => {
  it.each<[Record<string, AttributeInput>, ObservationType]>([
    [{ "gen_ai.operation.name": "chat" }, "GENERATION"],
    [{ "gen_ai.operation.name": "text_completion" }, "GENERATION"],
    [{ "gen_ai.operation.name": "generate_content" }, "GENERATION"],
    [{ "gen_ai.operation.name": "embeddings" }, "EMBEDDING"],
    [{ "gen_ai.operation.name": "execute_tool" }, "TOOL"],
    [{ "gen_ai.operation.name": "invoke_agent" }, "AGENT"],
    [{ "gen_ai.operation.name": "create_agent" }, "AGENT"],
    [{ "gen_ai.operation.name": "agent_step" }, "CHAIN"],
    [{ "gen_ai.operation.name": "CHAT" }, "GENERATION"],
    [{ "gen_ai.operation.name": "something_new" }, "SPAN"],
    [{ "gen_ai.operation.name": "something_new", "gen_ai.request.model": "m" }, "SPAN"],
    [{ "llm.request.type": "chat" }, "GENERATION"],
    [{ "llm.request.type": "embedding" }, "EMBEDDING"],
    [{ "gen_ai.request.model": "gpt-4o" }, "GENERATION"],
    [{ "gen_ai.response.model": "gpt-4o" }, "GENERATION"],
    [{ "gen_ai.system": "openai" }, "SPAN"],
  ])("should type %j as %s", (attributes, type) => {
    expect(mapSpan(buildSpan(attributes)).type).toBe(type);
  });

  it.each([
    [
      { "gen_ai.provider.name": "anthropic", "gen_ai.system": "old" },
      "anthropic",
      "gen_ai.provider.name",
    ],
    [{ "gen_ai.system": "openai" }, "openai", "gen_ai.system"],
  ])("should read the provider from %j", (attributes, provider, source) => {
    expect(mapSpan(buildSpan(attributes)).provider).toBe(provider);
    expect(sourceOf(attributes, "provider")).toBe(source);
  });

  // Regression: the AI SDK v7 invoke_agent span repeats the summed usage of its chat spans, so
  // every token of an agent run was counted twice in the trace totals.
  it.each<[string, number, Record<string, AttributeInput>, boolean]>([
    ["an in-process agent", 1, { "gen_ai.operation.name": "invoke_agent" }, true],
    ["a remote agent (CLIENT)", 3, { "gen_ai.operation.name": "invoke_agent" }, false],
    ["create_agent", 1, { "gen_ai.operation.name": "create_agent" }, false],
    ["a chat call", 1, { "gen_ai.operation.name": "chat" }, false],
  ])("should tell whether the usage of %s repeats its children's", (_l, kind, attrs, aggregate) => {
    const mapped = mapSpan(
      buildSpan(
        { ...attrs, "gen_ai.usage.input_tokens": 130, "gen_ai.usage.output_tokens": 21 },
        { kind },
      ),
    );
    expect(mapped.usageIsAggregate).toBe(aggregate);
    expect(mapped.usage.input).toBe(aggregate ? null : 130);
  });

  it("should not estimate tokens for an agent whose usage is its children's", () => {
    const mapped = mapSpan(
      buildSpan({
        "gen_ai.operation.name": "invoke_agent",
        "gen_ai.input.messages": json([{ role: "user", parts: [{ type: "text", content: "Hi" }] }]),
      }),
    );
    expect(mapped.usageIsAggregate).toBe(true);
  });

  it("should take the agent name as the feature", () => {
    const mapped = mapSpan(
      buildSpan({ "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "weather-bot" }),
    );
    expect(mapped.feature).toBe("weather-bot");
  });

  it("should collect request parameters without the model", () => {
    const mapped = mapSpan(
      buildSpan({
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.request.temperature": 0.2,
        "gen_ai.request.max_tokens": 256,
        "gen_ai.request.top_p": double(1),
        "gen_ai.request.stop_sequences": ["\n\n", "END"],
      }),
    );
    expect(mapped.modelParameters).toEqual({
      temperature: 0.2,
      max_tokens: 256,
      top_p: 1,
      stop_sequences: ["\n\n", "END"],
    });
  });

  it("should map the conversation id to the session", () => {
    expect(mapSpan(buildSpan({ "gen_ai.conversation.id": "c-9" })).sessionId).toBe("c-9");
  });

  describe("usage", () => {
    it.each<[string, Record<string, AttributeInput>, Partial<Usage>]>([
      [
        "new names",
        { "gen_ai.usage.input_tokens": 100, "gen_ai.usage.output_tokens": 20 },
        { input: 100, output: 20, total: 120 },
      ],
      [
        "old names",
        { "gen_ai.usage.prompt_tokens": 7, "gen_ai.usage.completion_tokens": 3 },
        { input: 7, output: 3, total: 10 },
      ],
      [
        "new names over old",
        { "gen_ai.usage.input_tokens": 1, "gen_ai.usage.prompt_tokens": 99 },
        { input: 1, output: null, total: 1 },
      ],
      [
        "cache and reasoning, new names (included in input/output)",
        {
          "gen_ai.usage.input_tokens": 100,
          "gen_ai.usage.output_tokens": 50,
          "gen_ai.usage.cache_read.input_tokens": 60,
          "gen_ai.usage.cache_creation.input_tokens": 10,
          "gen_ai.usage.reasoning.output_tokens": 30,
        },
        { input: 100, output: 50, total: 150, cacheRead: 60, cacheWrite: 10, reasoning: 30 },
      ],
      // Regression (pydantic/pydantic-ai#2262): pydantic-ai puts its provider's reasoning and
      // cached counts under gen_ai.usage.details.*; they were dropped, the cache priced as input.
      [
        "pydantic-ai's details (OpenAI)",
        {
          "gen_ai.usage.input_tokens": 100,
          "gen_ai.usage.output_tokens": 50,
          "gen_ai.usage.details.cached_tokens": 60,
          "gen_ai.usage.details.reasoning_tokens": 30,
          "gen_ai.usage.details.accepted_prediction_tokens": 5,
        },
        { input: 100, output: 50, total: 150, cacheRead: 60, reasoning: 30 },
      ],
      [
        "pydantic-ai's details (its own cache names)",
        {
          "gen_ai.usage.input_tokens": 100,
          "gen_ai.usage.output_tokens": 5,
          "gen_ai.usage.details.cache_read_tokens": 70,
          "gen_ai.usage.details.cache_write_tokens": 20,
        },
        { input: 100, output: 5, total: 105, cacheRead: 70, cacheWrite: 20 },
      ],
      [
        "cache and reasoning, old names",
        {
          "gen_ai.usage.input_tokens": 100,
          "gen_ai.usage.output_tokens": 50,
          "gen_ai.usage.cache_read_input_tokens": 60,
          "gen_ai.usage.cache_creation_input_tokens": 10,
          "gen_ai.usage.reasoning_tokens": 30,
        },
        { cacheRead: 60, cacheWrite: 10, reasoning: 30 },
      ],
      // Regression (langfuse/langfuse#12306, #14902, #17117): other writers of gen_ai.usage.*
      // name cache and reasoning counts their own way; unread, cached input was priced at the
      // full input rate.
      [
        "cache names of pydantic-ai / genai-prices",
        {
          "gen_ai.usage.input_tokens": 130213,
          "gen_ai.usage.output_tokens": 10,
          "gen_ai.usage.cache_read_tokens": 128955,
          "gen_ai.usage.cache_write_tokens": 1253,
        },
        { input: 130213, output: 10, cacheRead: 128955, cacheWrite: 1253 },
      ],
      [
        "cache names with Langfuse's keys and cache_write",
        {
          "gen_ai.usage.input_tokens": 300,
          "gen_ai.usage.output_tokens": 5,
          "gen_ai.usage.input_cached_tokens": 40,
          "gen_ai.usage.cache_write.input_tokens": 25,
        },
        { input: 300, cacheRead: 40, cacheWrite: 25 },
      ],
      [
        "cache and reasoning names of Sentry's conventions",
        {
          "gen_ai.usage.input_tokens": 300,
          "gen_ai.usage.output_tokens": 50,
          "gen_ai.usage.input_tokens.cached": 40,
          "gen_ai.usage.input_tokens.cache_write": 25,
          "gen_ai.usage.output_tokens.reasoning": 20,
        },
        { input: 300, output: 50, cacheRead: 40, cacheWrite: 25, reasoning: 20 },
      ],
      [
        "a given total",
        {
          "gen_ai.usage.input_tokens": 1,
          "gen_ai.usage.output_tokens": 2,
          "gen_ai.usage.total_tokens": 5,
        },
        { total: 5 },
      ],
      [
        "ints sent as doubles",
        { "gen_ai.usage.input_tokens": double(12), "gen_ai.usage.output_tokens": double(3) },
        { input: 12, output: 3 },
      ],
      [
        "numeric strings",
        { "gen_ai.usage.input_tokens": "12", "gen_ai.usage.output_tokens": " 3 " },
        { input: 12, output: 3 },
      ],
    ])("should read %s", (_label, attributes, expected) => {
      expect(mapSpan(buildSpan(attributes)).usage).toMatchObject(expected);
    });

    it.each<[string, AttributeInput, string]>([
      ["negative", -5, "is negative (-5)"],
      ["fractional", 2.5, "is not a whole number (2.5)"],
      ["NaN", { anyValue: { doubleValue: "NaN" } }, "is not a finite number"],
      ["Infinity", { anyValue: { doubleValue: "Infinity" } }, "is not a finite number"],
      ["text", "many", "is not a finite number"],
      ["an empty string", "", "is not a finite number"],
      ["a list", ["1"], "is not a single value"],
      ["too large", { anyValue: { intValue: "9007199254740993" } }, "is too large"],
    ])("should ignore a %s token count with a warning", (_label, value, warning) => {
      const mapped = mapSpan(
        buildSpan({ "gen_ai.usage.input_tokens": value, "gen_ai.usage.output_tokens": 4 }),
      );
      expect(mapped.usage.input).toBeNull();
      expect(mapped.usage.output).toBe(4);
      expect(mapped.usage.total).toBeNull();
      expect(mapped.warnings.join("\n")).toContain(`gen_ai.usage.input_tokens ${warning}`);
    });

    it("should count a cache larger than the input beside it, and clamp reasoning", () => {
      const mapped = mapSpan(
        buildSpan({
          "gen_ai.usage.input_tokens": 10,
          "gen_ai.usage.output_tokens": 5,
          "gen_ai.usage.cache_read.input_tokens": 40,
          "gen_ai.usage.reasoning.output_tokens": 9,
        }),
      );
      expect(mapped.usage).toMatchObject({ input: 50, cacheRead: 40, output: 5, reasoning: 5 });
      expect(mapped.warnings).toHaveLength(1);
      expect(mapped.warnings[0]).toContain("usage.reasoning (9");
    });

    it("should read Strands' Bedrock cache counts, which come beside the input", () => {
      const mapped = mapSpan(
        buildSpan({
          "gen_ai.system": "aws.bedrock",
          "gen_ai.request.model": "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
          "gen_ai.usage.input_tokens": 10,
          "gen_ai.usage.output_tokens": 5,
          "gen_ai.usage.total_tokens": 2260,
          "gen_ai.usage.cache_read_input_tokens": 512,
          "gen_ai.usage.cache_write_input_tokens": 1733,
        }),
      );
      expect(mapped.usage).toMatchObject({
        input: 2255,
        output: 5,
        total: 2260,
        cacheRead: 512,
        cacheWrite: 1733,
      });
      expect(mapped.warnings).toEqual([]);
    });

    it("should report no usage when no count was sent", () => {
      const mapped = mapSpan(buildSpan({ "gen_ai.operation.name": "chat" }));
      expect(Object.values(mapped.usage).every((count) => count === null)).toBe(true);
      expect(mapped.mappingReport.some((entry) => entry.field.startsWith("usage."))).toBe(false);
    });
  });

  it.each<[AttributeInput, string | null]>([
    [0.0123, "0.0123"],
    [double(2), "2"],
    [1e-7, "0.0000001"],
    ["0.000000123456789", "0.000000123456789"],
    [-1, null],
    ["free", null],
  ])("should read gen_ai.usage.cost %j as a decimal string", (cost, expected) => {
    const mapped = mapSpan(buildSpan({ "gen_ai.usage.cost": cost }));
    expect(mapped.clientCost).toEqual(
      expected === null ? null : { input: null, output: null, total: expected },
    );
  });

  describe("input and output", () => {
    const newInput = [
      { role: "user", parts: [{ type: "text", content: "Weather in Paris?" }] },
      {
        role: "assistant",
        parts: [
          { type: "tool_call", id: "call_1", name: "get_weather", arguments: { city: "Paris" } },
        ],
      },
      { role: "tool", parts: [{ type: "tool_call_response", id: "call_1", response: "rainy" }] },
    ];
    const rebuiltInput = [
      { role: "user", content: "Weather in Paris?" },
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "call_1", name: "get_weather", arguments: { city: "Paris" } }],
      },
      { role: "tool", content: "rainy", tool_call_id: "call_1" },
    ];

    it("should rebuild parts-based messages with system instructions first", () => {
      const mapped = mapSpan(
        buildSpan({
          "gen_ai.input.messages": json(newInput),
          "gen_ai.system_instructions": json([{ type: "text", content: "Be brief." }]),
          "gen_ai.output.messages": json([
            {
              role: "assistant",
              parts: [{ type: "text", content: "It is rainy." }],
              finish_reason: "stop",
            },
          ]),
        }),
      );
      expect(mapped.input).toEqual([{ role: "system", content: "Be brief." }, ...rebuiltInput]);
      expect(mapped.output).toEqual([{ role: "assistant", content: "It is rainy." }]);
      expect(mapped.mappingReport).toContainEqual({
        field: "input",
        source: "gen_ai.system_instructions, gen_ai.input.messages",
      });
    });

    it("should read messages from the operation details event", () => {
      const span = buildSpan(
        {},
        {
          events: [
            buildEvent("gen_ai.client.inference.operation.details", {
              "gen_ai.input.messages": json(newInput),
              "gen_ai.output.messages": json([
                { role: "assistant", parts: [{ type: "text", content: "ok" }] },
              ]),
            }),
          ],
        },
      );
      const mapped = mapSpan(span);
      expect(mapped.input).toEqual(rebuiltInput);
      expect(mapped.output).toEqual([{ role: "assistant", content: "ok" }]);
      expect(mapped.mappingReport).toContainEqual({
        field: "input",
        source: "event:gen_ai.client.inference.operation.details gen_ai.input.messages",
      });
    });

    it.each<[string, Record<string, AttributeInput>, unknown, unknown]>([
      [
        "old gen_ai.prompt / gen_ai.completion as JSON messages",
        {
          "gen_ai.prompt": json([{ role: "user", content: "hi" }]),
          "gen_ai.completion": json([{ role: "assistant", content: "yo" }]),
        },
        [{ role: "user", content: "hi" }],
        [{ role: "assistant", content: "yo" }],
      ],
      [
        "old gen_ai.prompt as plain text",
        { "gen_ai.prompt": "Tell me a joke", "gen_ai.completion": "No." },
        "Tell me a joke",
        "No.",
      ],
      [
        "JSON that is not messages",
        { "gen_ai.prompt": json({ query: "x" }) },
        { query: "x" },
        null,
      ],
      [
        "broken JSON kept as text",
        { "gen_ai.prompt": '[{"role": "user"' },
        '[{"role": "user"',
        null,
      ],
      [
        "tool call arguments and result",
        { "gen_ai.tool.call.arguments": json({ q: 1 }), "gen_ai.tool.call.result": "done" },
        { q: 1 },
        "done",
      ],
      // Regression (langfuse/langfuse#9287): pydantic-ai's default instrumentation (versions 1
      // and 2) names a tool call's arguments and result tool_arguments and tool_response.
      [
        "pydantic-ai's tool arguments and response",
        {
          "gen_ai.operation.name": "execute_tool",
          "gen_ai.tool.name": "roll_die",
          tool_arguments: json({ sides: 6 }),
          tool_response: "4",
        },
        { sides: 6 },
        "4",
      ],
      [
        "no tool_arguments on a span that names no tool",
        { tool_arguments: json({ sides: 6 }), tool_response: "4" },
        null,
        null,
      ],
    ])("should read %s", (_label, attributes, input, output) => {
      const mapped = mapSpan(buildSpan(attributes));
      expect(mapped.input).toEqual(input);
      expect(mapped.output).toEqual(output);
    });

    it("should rebuild flattened messages by numeric index, tolerating gaps", () => {
      const attributes: Record<string, AttributeInput> = {};
      for (const index of [10, 9, 2, 0]) {
        attributes[`gen_ai.prompt.${index}.role`] = "user";
        attributes[`gen_ai.prompt.${index}.content`] = `message ${index}`;
      }
      attributes["gen_ai.completion.0.role"] = "assistant";
      attributes["gen_ai.completion.0.tool_calls.1.name"] = "second";
      attributes["gen_ai.completion.0.tool_calls.0.name"] = "first";
      attributes["gen_ai.completion.0.tool_calls.0.id"] = "c0";
      attributes["gen_ai.completion.0.tool_calls.0.arguments"] = '{"a":1}';

      const mapped = mapSpan(buildSpan(attributes));
      expect(mapped.input).toEqual(
        [0, 2, 9, 10].map((index) => ({ role: "user", content: `message ${index}` })),
      );
      expect(mapped.output).toEqual([
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "c0", name: "first", arguments: '{"a":1}' },
            { id: null, name: "second", arguments: null },
          ],
        },
      ]);
      expect(mapped.mappingReport).toContainEqual({ field: "input", source: "gen_ai.prompt.*" });
    });

    it("should not allocate for a huge flattened index", () => {
      const mapped = mapSpan(
        buildSpan({
          "gen_ai.prompt.99999999.role": "user",
          "gen_ai.prompt.99999999.content": "far away",
          "gen_ai.prompt.1.content": "near",
        }),
      );
      expect(mapped.input).toEqual([
        { role: "unknown", content: "near" },
        { role: "user", content: "far away" },
      ]);
    });

    it("should rebuild messages from per-message events and choices", () => {
      const span = buildSpan(
        {},
        {
          events: [
            buildEvent("gen_ai.system.message", { content: "You are helpful." }),
            buildEvent("gen_ai.user.message", { content: "Hi" }),
            buildEvent("gen_ai.assistant.message", {
              tool_calls: json([
                { id: "t1", type: "function", function: { name: "lookup", arguments: '{"x":1}' } },
              ]),
            }),
            buildEvent("gen_ai.tool.message", { content: "42", id: "t1" }),
            buildEvent("gen_ai.choice", {
              index: 1,
              message: json({ role: "assistant", content: "second" }),
            }),
            buildEvent("gen_ai.choice", {
              index: 0,
              "gen_ai.event.content": json({ content: "first" }),
            }),
            buildEvent("unrelated", { content: "ignored" }),
          ],
        },
      );
      const mapped = mapSpan(span);
      expect(mapped.input).toEqual([
        { role: "system", content: "You are helpful." },
        { role: "user", content: "Hi" },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "t1", name: "lookup", arguments: '{"x":1}' }],
        },
        { role: "tool", content: "42", tool_call_id: "t1" },
      ]);
      expect(mapped.output).toEqual([
        { role: "assistant", content: "first" },
        { role: "assistant", content: "second" },
      ]);
      expect(mapped.mappingReport).toContainEqual({
        field: "input",
        source: ["system", "user", "assistant", "tool"]
          .map((role) => `event:gen_ai.${role}.message`)
          .join(", "),
      });
      expect(mapped.mappingReport).toContainEqual({
        field: "output",
        source: "event:gen_ai.choice",
      });
    });

    // Regression (opensearch-project/agent-health#319): Strands Agents put a choice's content in
    // `message` as a JSON list of content blocks (a chat or tool result) or as the agent's plain
    // text; only a message object was read there, so every Strands output was empty.
    it.each<[string, AttributeInput, unknown]>([
      ["a list of content blocks", json([{ type: "text", text: "2" }]), "2"],
      ["the agent's plain text", "The answer is 2.", "The answer is 2."],
    ])("should read a gen_ai.choice whose message is %s as its content", (_, message, content) => {
      const span = buildSpan(
        { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "calculator" },
        {
          events: [
            buildEvent("gen_ai.tool.message", { role: "tool", content: json({ x: 1 }), id: "t1" }),
            buildEvent("gen_ai.choice", { message, id: "t1", finish_reason: "end_turn" }),
          ],
        },
      );
      expect(mapSpan(span).output).toEqual([{ role: "assistant", content }]);
    });

    // Regression (langfuse/langfuse#7038, microsoft/semantic-kernel#11659): Semantic Kernel and
    // Spring AI send the prompt and completion as gen_ai.content.prompt/completion events (the
    // semconv of 2024) holding gen_ai.prompt/gen_ai.completion; their input and output were null.
    it("should read the prompt and completion from gen_ai.content.* events", () => {
      const span = buildSpan(
        { "gen_ai.operation.name": "chat" },
        {
          events: [
            buildEvent("gen_ai.content.prompt", {
              "gen_ai.prompt": json([
                { role: "system", content: "Be brief." },
                { role: "user", content: "Hi" },
              ]),
            }),
            buildEvent("gen_ai.content.completion", {
              "gen_ai.completion": json([
                { role: "assistant", content: "Hello", finish_reason: "stop" },
              ]),
            }),
          ],
        },
      );
      const mapped = mapSpan(span);
      expect(mapped.input).toEqual([
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
      ]);
      expect(mapped.output).toEqual([{ role: "assistant", content: "Hello" }]);
      expect(mapped.mappingReport).toContainEqual({
        field: "input",
        source: "event:gen_ai.content.prompt gen_ai.prompt",
      });
      expect(mapped.mappingReport).toContainEqual({
        field: "output",
        source: "event:gen_ai.content.completion gen_ai.completion",
      });
    });

    it("should keep a gen_ai.content.* event's plain text as it is", () => {
      const span = buildSpan(
        {},
        {
          events: [
            buildEvent("gen_ai.content.prompt", { "gen_ai.prompt": "What is 2+2?" }),
            buildEvent("gen_ai.content.completion", { "gen_ai.completion": "4" }),
          ],
        },
      );
      const mapped = mapSpan(span);
      expect(mapped.input).toBe("What is 2+2?");
      expect(mapped.output).toBe("4");
    });

    it("should prefer span attributes over events", () => {
      const span = buildSpan(
        {
          "gen_ai.input.messages": json([
            { role: "user", parts: [{ type: "text", content: "attr" }] },
          ]),
        },
        { events: [buildEvent("gen_ai.user.message", { content: "event" })] },
      );
      expect(mapSpan(span).input).toEqual([{ role: "user", content: "attr" }]);
    });

    it("should sanitize NULs and lone surrogates produced by JSON escapes", () => {
      const mapped = mapSpan(
        buildSpan({ "gen_ai.prompt": '[{"role":"user","content":"a\\u0000b\\ud800"}]' }),
      );
      expect(mapped.input).toEqual([{ role: "user", content: "a\uFFFDb\uFFFD" }]);
    });

    it("should leave input and output null when absent", () => {
      const mapped = mapSpan(buildSpan({ "gen_ai.operation.name": "chat" }));
      expect(mapped.input).toBeNull();
      expect(mapped.output).toBeNull();
    });
  });
});
