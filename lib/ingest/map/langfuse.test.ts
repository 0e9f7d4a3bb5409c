import { describe, expect, it } from "vitest";

import type { ObservationType, Usage } from "@/lib/ingest/types";

import { mapSpan } from "./map-span";
import { buildSpan, json, type AttributeInput } from "./test-builders";

describe("Langfuse attributes", () => {
  it.each<[string, ObservationType]>([
    ["generation", "GENERATION"],
    ["embedding", "EMBEDDING"],
    ["retriever", "RETRIEVER"],
    ["tool", "TOOL"],
    ["agent", "AGENT"],
    ["chain", "CHAIN"],
    ["guardrail", "GUARDRAIL"],
    ["evaluator", "EVALUATOR"],
    ["event", "EVENT"],
    ["span", "SPAN"],
    ["GENERATION", "GENERATION"],
  ])("should type %s as %s", (name, type) => {
    expect(mapSpan(buildSpan({ "langfuse.observation.type": name })).type).toBe(type);
  });

  it("should warn about an unknown observation type", () => {
    const mapped = mapSpan(buildSpan({ "langfuse.observation.type": "banana" }));
    expect(mapped.type).toBe("SPAN");
    expect(mapped.warnings).toEqual([
      'langfuse.observation.type has unknown observation type "banana"; ignored',
    ]);
  });

  it("should read level, status message, model and parameters", () => {
    const mapped = mapSpan(
      buildSpan({
        "langfuse.observation.level": "ERROR",
        "langfuse.observation.status_message": "content filter",
        "langfuse.observation.model.name": "gpt-4.1",
        "langfuse.observation.model.parameters": json({ temperature: "0.1", max_tokens: 10 }),
      }),
    );
    expect(mapped).toMatchObject({
      level: "ERROR",
      statusMessage: "content filter",
      requestModel: "gpt-4.1",
      model: "gpt-4.1",
      modelParameters: { temperature: "0.1", max_tokens: 10 },
    });
  });

  it("should ignore an unknown level with a warning", () => {
    const mapped = mapSpan(buildSpan({ "langfuse.observation.level": "LOUD" }));
    expect(mapped.level).toBe("DEFAULT");
    expect(mapped.warnings[0]).toContain("langfuse.observation.level");
  });

  describe("usage_details", () => {
    const key = "langfuse.observation.usage_details";

    it.each<[string, unknown, Partial<Usage>]>([
      [
        "input/output/total",
        { input: 10, output: 5, total: 15 },
        { input: 10, output: 5, total: 15 },
      ],
      [
        "cached tokens beside input (added to it)",
        { input: 20, input_cached_tokens: 80, output: 5 },
        { input: 100, cacheRead: 80, output: 5, total: 105 },
      ],
      [
        "Anthropic-style cache keys beside input",
        { input: 10, cache_read_input_tokens: 50, cache_creation_input_tokens: 40, output: 1 },
        { input: 100, cacheRead: 50, cacheWrite: 40, output: 1, total: 101 },
      ],
      [
        "reasoning and audio beside output",
        { input: 1, output: 10, output_reasoning_tokens: 30, output_audio_tokens: 5 },
        { output: 45, reasoning: 30, audioOutput: 5, total: 46 },
      ],
      [
        "an Anthropic usage object",
        { input_tokens: 10, cache_read_input_tokens: 90, output_tokens: 3 },
        { input: 100, cacheRead: 90, output: 3, total: 103 },
      ],
      [
        "an OpenAI usage object (details inside)",
        {
          prompt_tokens: 100,
          completion_tokens: 40,
          total_tokens: 140,
          prompt_tokens_details: { cached_tokens: 60 },
          completion_tokens_details: { reasoning_tokens: 25 },
        },
        { input: 100, cacheRead: 60, output: 40, reasoning: 25, total: 140 },
      ],
      // Regression: the Responses API names its counts like Anthropic (input_tokens) but counts
      // cached tokens inside them, in input_tokens_details; the details were dropped, so cached
      // input was priced at the full rate. LangChain's usage_metadata does the same.
      [
        "an OpenAI Responses usage object (details inside)",
        {
          input_tokens: 100,
          output_tokens: 50,
          total_tokens: 150,
          input_tokens_details: { cached_tokens: 80 },
          output_tokens_details: { reasoning_tokens: 30 },
        },
        { input: 100, cacheRead: 80, output: 50, reasoning: 30, total: 150 },
      ],
      [
        "a LangChain usage_metadata object (details inside)",
        {
          input_tokens: 100,
          output_tokens: 50,
          total_tokens: 150,
          input_token_details: { cache_read: 70, cache_creation: 20, audio: 5 },
          output_token_details: { reasoning: 30, audio: 4 },
        },
        {
          input: 100,
          cacheRead: 70,
          cacheWrite: 20,
          audioInput: 5,
          output: 50,
          reasoning: 30,
          audioOutput: 4,
          total: 150,
        },
      ],
      ["numeric strings", { input: "7", output: "3" }, { input: 7, output: 3, total: 10 }],
      ["an empty object", {}, { input: null, output: null, total: null }],
    ])("should read %s", (_label, details, expected) => {
      expect(mapSpan(buildSpan({ [key]: json(details) })).usage).toMatchObject(expected);
    });

    it("should keep the cached count but leave input unknown when only details are sent", () => {
      const mapped = mapSpan(buildSpan({ [key]: json({ input_cached_tokens: 5, output: 2 }) }));
      expect(mapped.usage).toMatchObject({ input: null, cacheRead: 5, output: 2, total: null });
    });

    it.each<[string, unknown, string]>([
      ["negative", -3, "is negative"],
      ["fractional", 1.5, "is not a whole number"],
      ["text", "lots", "is not a finite number"],
      ["null", null, ""],
    ])("should ignore a %s input count", (_label, input, warning) => {
      const mapped = mapSpan(buildSpan({ [key]: json({ input, output: 2 }) }));
      expect(mapped.usage.input).toBeNull();
      expect(mapped.usage.output).toBe(2);
      if (warning) expect(mapped.warnings[0]).toContain(`${key}.input ${warning}`);
      else expect(mapped.warnings).toEqual([]);
    });

    it("should warn when usage_details is not JSON", () => {
      const mapped = mapSpan(buildSpan({ [key]: "input=5" }));
      expect(mapped.warnings).toEqual([`${key} is not a JSON object; ignored`]);
    });
  });

  it.each<[string, unknown, unknown]>([
    [
      "all three",
      { input: 0.001, output: 0.002, total: 0.003 },
      { input: "0.001", output: "0.002", total: "0.003" },
    ],
    [
      "a computed total",
      { input: "0.1", output: "0.25" },
      { input: "0.1", output: "0.25", total: "0.35" },
    ],
    [
      "tiny numbers without exponent",
      { total: 1.2e-9 },
      { input: null, output: null, total: "0.0000000012" },
    ],
    [
      "a negative figure dropped",
      { input: -1, output: 0.5 },
      { input: null, output: "0.5", total: null },
    ],
    ["nothing usable", { input: "free" }, null],
    // Regression: Langfuse's cost_details is keyed by usage type and its total, when not given,
    // is the sum of every key; the cost of cached input or reasoning was left out of the total.
    [
      "more keys than input and output",
      { input: 0.001, input_cached_tokens: 0.0002, output: 0.002, output_reasoning: 0.0005 },
      { input: "0.001", output: "0.002", total: "0.0037" },
    ],
    [
      "more keys with an unusable one (total unknown)",
      { input: 0.001, input_cached_tokens: "n/a", output: 0.002 },
      { input: "0.001", output: "0.002", total: null },
    ],
    [
      "only keys other than input and output",
      { input_cached_tokens: 0.0002, output_reasoning: 0.0005, input: null },
      { input: null, output: null, total: "0.0007" },
    ],
  ])("should read cost_details with %s", (_label, details, expected) => {
    expect(
      mapSpan(buildSpan({ "langfuse.observation.cost_details": json(details) })).clientCost,
    ).toEqual(expected);
  });

  it("should read observation and trace input/output, keeping non-JSON text", () => {
    const mapped = mapSpan(
      buildSpan({
        "langfuse.observation.input": json({ question: "why?" }),
        "langfuse.observation.output": "because",
        "langfuse.trace.input": json(["a"]),
        "langfuse.trace.output": "{broken",
      }),
    );
    expect(mapped).toMatchObject({
      input: { question: "why?" },
      output: "because",
      traceInput: ["a"],
      traceOutput: "{broken",
    });
  });

  it("should parse a JSON-encoded string input", () => {
    expect(mapSpan(buildSpan({ "langfuse.observation.input": '"hello"' })).input).toBe("hello");
  });

  it("should read trace-level fields", () => {
    const mapped = mapSpan(
      buildSpan({
        "langfuse.trace.name": "checkout",
        "langfuse.user.id": "u-legacy",
        "langfuse.session.id": "s-legacy",
        "langfuse.environment": "staging",
        "langfuse.release": "2024.06.1",
        "langfuse.version": "prompt-v3",
        "langfuse.trace.tags": json(["a", "b"]),
      }),
    );
    expect(mapped).toMatchObject({
      traceName: "checkout",
      userId: "u-legacy",
      sessionId: "s-legacy",
      environment: "staging",
      release: "2024.06.1",
      version: "prompt-v3",
      tags: ["a", "b"],
    });
  });

  it("should prefer user.id and session.id over the legacy Langfuse keys", () => {
    const mapped = mapSpan(
      buildSpan({
        "user.id": "new",
        "langfuse.user.id": "old",
        "session.id": "s-new",
        "langfuse.session.id": "s-old",
      }),
    );
    expect(mapped.userId).toBe("new");
    expect(mapped.sessionId).toBe("s-new");
  });

  it("should prefer langfuse.environment and release over resource attributes", () => {
    const mapped = mapSpan(
      buildSpan(
        { "langfuse.environment": "explicit", "langfuse.release": "r1" },
        {
          resourceAttributes: { "deployment.environment.name": "resource", "service.version": "9" },
        },
      ),
    );
    expect(mapped.environment).toBe("explicit");
    expect(mapped.release).toBe("r1");
  });

  it.each<[string, Record<string, AttributeInput>, Record<string, unknown>]>([
    [
      "flattened keys, JSON values parsed",
      {
        "langfuse.trace.metadata.customer": "acme",
        "langfuse.trace.metadata.limits": json({ rpm: 5 }),
      },
      { customer: "acme", limits: { rpm: 5 } },
    ],
    ["one JSON object", { "langfuse.observation.metadata": json({ a: 1 }) }, { a: 1 }],
    [
      "observation keys over trace keys",
      { "langfuse.trace.metadata.k": "trace", "langfuse.observation.metadata.k": "observation" },
      { k: "observation" },
    ],
    [
      "a non-object kept under its key",
      { "langfuse.trace.metadata": "just text" },
      { "langfuse.trace.metadata": "just text" },
    ],
  ])("should read metadata as %s", (_label, attributes, expected) => {
    expect(mapSpan(buildSpan(attributes)).metadata).toEqual(expected);
  });
});
