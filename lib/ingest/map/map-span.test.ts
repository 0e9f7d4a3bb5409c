import { describe, expect, it } from "vitest";

import type { MappedSpan, ObservationType } from "@/lib/ingest/types";

import { mapSpan } from "./map-span";
import { buildEvent, buildSpan, json, type AttributeInput } from "./test-builders";

function sourceOf(mapped: MappedSpan, field: string): string | undefined {
  return mapped.mappingReport.find((entry) => entry.field === field)?.source;
}

describe("mapSpan", () => {
  it("should map a plain span to a SPAN with nothing else set", () => {
    const mapped = mapSpan(buildSpan({ "http.method": "GET" }));

    expect(mapped).toMatchObject({
      type: "SPAN",
      level: "DEFAULT",
      statusMessage: null,
      model: null,
      requestModel: null,
      responseModel: null,
      provider: null,
      modelParameters: null,
      clientCost: null,
      input: null,
      output: null,
      userId: null,
      sessionId: null,
      feature: null,
      tags: [],
      environment: null,
      release: null,
      version: null,
      traceName: null,
      traceInput: null,
      traceOutput: null,
      metadata: {},
      warnings: [],
    });
    expect(Object.values(mapped.usage).every((count) => count === null)).toBe(true);
    expect(mapped.mappingReport).toEqual([{ field: "type", source: "default" }]);
  });

  it("should keep the raw span untouched", () => {
    const span = buildSpan({ "gen_ai.request.model": "gpt-4o", "custom.key": "kept" });
    const mapped = mapSpan(span);
    expect(mapped.span).toBe(span);
    expect(mapped.span.attributes).toHaveLength(2);
  });

  it("should not make a zero-duration span an EVENT", () => {
    const span = buildSpan({}, { startTimeUnixNano: "5", endTimeUnixNano: "5" });
    expect(mapSpan(span).type).toBe("SPAN");
  });

  it.each<[string, Record<string, AttributeInput>, ObservationType, string]>([
    [
      "Langfuse over OpenInference and GenAI",
      {
        "langfuse.observation.type": "guardrail",
        "openinference.span.kind": "LLM",
        "gen_ai.operation.name": "chat",
      },
      "GUARDRAIL",
      "langfuse.observation.type",
    ],
    [
      "sightline over Langfuse",
      { "sightline.type": "evaluator", "langfuse.observation.type": "span" },
      "EVALUATOR",
      "sightline.type",
    ],
    [
      "OpenInference over Vercel and GenAI",
      {
        "openinference.span.kind": "CHAIN",
        "ai.operationId": "ai.generateText.doGenerate",
        "gen_ai.operation.name": "chat",
      },
      "CHAIN",
      "openinference.span.kind",
    ],
    [
      "Vercel over GenAI",
      { "ai.operationId": "ai.toolCall", "gen_ai.operation.name": "chat" },
      "TOOL",
      "ai.operationId",
    ],
    [
      "GenAI when it is alone",
      { "gen_ai.operation.name": "embeddings" },
      "EMBEDDING",
      "gen_ai.operation.name",
    ],
    [
      "a lower convention when a higher one sent an unknown value",
      { "langfuse.observation.type": "mystery", "gen_ai.operation.name": "chat" },
      "GENERATION",
      "gen_ai.operation.name",
    ],
  ])("should type by precedence: %s", (_label, attributes, type, source) => {
    const mapped = mapSpan(buildSpan(attributes));
    expect(mapped.type).toBe(type);
    expect(sourceOf(mapped, "type")).toBe(source);
  });

  it("should take model fields independently and prefer the response model", () => {
    const mapped = mapSpan(
      buildSpan({
        "langfuse.observation.model.name": "my-deployment",
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.response.model": "gpt-4o-2024-08-06",
      }),
    );
    expect(mapped).toMatchObject({
      requestModel: "my-deployment",
      responseModel: "gpt-4o-2024-08-06",
      model: "gpt-4o-2024-08-06",
    });
    expect(sourceOf(mapped, "requestModel")).toBe("langfuse.observation.model.name");
    expect(sourceOf(mapped, "model")).toBe("gen_ai.response.model");
  });

  it("should take usage whole from the highest convention that reported it", () => {
    const mapped = mapSpan(
      buildSpan({
        "langfuse.observation.usage_details": json({ input: 10, output: 5 }),
        "gen_ai.usage.input_tokens": 999,
        "gen_ai.usage.output_tokens": 999,
        "gen_ai.usage.reasoning.output_tokens": 3,
      }),
    );
    expect(mapped.usage).toMatchObject({ input: 10, output: 5, total: 15, reasoning: null });
    expect(sourceOf(mapped, "usage.input")).toBe("langfuse.observation.usage_details.input");
  });

  // Regression: @arizeai/openinference-vercel copies the AI SDK invoke_agent's summed
  // gen_ai.usage.* into llm.token_count.*, and OpenInference's precedence made them count.
  it.each<[string, Record<string, AttributeInput>, number | null]>([
    [
      "OpenInference copies on an in-process agent",
      { "openinference.span.kind": "AGENT", "llm.token_count.prompt": 130 },
      null,
    ],
    [
      "explicit Langfuse usage on an in-process agent",
      { "langfuse.observation.usage_details": json({ input: 7 }) },
      7,
    ],
  ])("should weigh %s against the aggregate rule", (_label, attributes, input) => {
    const mapped = mapSpan(
      buildSpan({
        "gen_ai.operation.name": "invoke_agent",
        "gen_ai.usage.input_tokens": 130,
        ...attributes,
      }),
    );
    expect(mapped.usage.input).toBe(input);
    expect(mapped.usageIsAggregate).toBe(input === null);
  });

  it("should still count OpenInference usage on a model call", () => {
    const mapped = mapSpan(
      buildSpan({
        "openinference.span.kind": "LLM",
        "gen_ai.operation.name": "chat",
        "llm.token_count.prompt": 80,
      }),
    );
    expect(mapped.usage.input).toBe(80);
    expect(sourceOf(mapped, "usage.input")).toBe("llm.token_count.prompt");
  });

  it("should union tags across conventions in precedence order without duplicates", () => {
    const mapped = mapSpan(
      buildSpan({
        "sightline.tags": "prod, beta",
        "langfuse.trace.tags": ["beta", "vip"],
        "tag.tags": ["vip", "rag"],
        "ai.telemetry.metadata.tags": ["rag", "last"],
      }),
    );
    expect(mapped.tags).toEqual(["prod", "beta", "vip", "rag", "last"]);
    expect(sourceOf(mapped, "tags")).toBe(
      "sightline.tags, langfuse.trace.tags, tag.tags, ai.telemetry.metadata.tags",
    );
  });

  it("should merge metadata with the higher convention winning per key", () => {
    const mapped = mapSpan(
      buildSpan({
        "langfuse.observation.metadata.team": "search",
        metadata: json({ team: "other", region: "eu" }),
        "ai.telemetry.metadata.region": "us",
        "ai.telemetry.metadata.plan": "pro",
      }),
    );
    expect(mapped.metadata).toEqual({ team: "search", region: "eu", plan: "pro" });
  });

  it("should let Langfuse level and status message override the span status", () => {
    const mapped = mapSpan(
      buildSpan(
        {
          "langfuse.observation.level": "warning",
          "langfuse.observation.status_message": "retried",
        },
        { status: { code: 2, message: "boom" } },
      ),
    );
    expect(mapped.level).toBe("WARNING");
    expect(mapped.statusMessage).toBe("retried");
    expect(sourceOf(mapped, "level")).toBe("langfuse.observation.level");
  });

  it("should report a source for every field it sets", () => {
    const mapped = mapSpan(
      buildSpan(
        {
          "gen_ai.operation.name": "chat",
          "gen_ai.request.model": "gpt-4o",
          "gen_ai.system": "openai",
          "gen_ai.request.temperature": 0.5,
          "gen_ai.usage.input_tokens": 10,
          "gen_ai.usage.output_tokens": 4,
          "gen_ai.usage.cost": 0.01,
          "gen_ai.input.messages": json([
            { role: "user", parts: [{ type: "text", content: "hi" }] },
          ]),
          "gen_ai.output.messages": json([
            { role: "assistant", parts: [{ type: "text", content: "hello" }] },
          ]),
          "gen_ai.conversation.id": "conv-1",
          "user.id": "u-1",
          "sightline.feature": "search",
          "langfuse.trace.name": "trace",
          "langfuse.trace.input": "q",
          "langfuse.trace.output": "a",
          "langfuse.version": "v3",
        },
        {
          status: { code: 2, message: "rate limited" },
          resourceAttributes: { "deployment.environment.name": "prod", "service.version": "1.4.0" },
        },
      ),
    );

    const fields = new Set(mapped.mappingReport.map((entry) => entry.field));
    for (const field of [
      "type",
      "level",
      "statusMessage",
      "requestModel",
      "model",
      "provider",
      "modelParameters",
      "usage.input",
      "usage.output",
      "usage.total",
      "clientCost.total",
      "input",
      "output",
      "userId",
      "sessionId",
      "feature",
      "environment",
      "release",
      "version",
      "traceName",
      "traceInput",
      "traceOutput",
    ]) {
      expect(fields, field).toContain(field);
    }
    expect(fields).not.toContain("responseModel");
    expect(fields).not.toContain("tags");
    expect(fields).not.toContain("usage.cacheRead");
    expect(sourceOf(mapped, "environment")).toBe("resource:deployment.environment.name");
    expect(sourceOf(mapped, "release")).toBe("resource:service.version");
    expect(sourceOf(mapped, "usage.total")).toBe("computed: input + output");
  });

  it("should never throw for attributes of the wrong type, and warn instead", () => {
    const wrong: Record<string, AttributeInput> = {};
    const keys = [
      "langfuse.observation.type",
      "langfuse.observation.usage_details",
      "langfuse.observation.cost_details",
      "langfuse.observation.model.parameters",
      "langfuse.trace.tags",
      "openinference.span.kind",
      "llm.token_count.prompt",
      "llm.invocation_parameters",
      "llm.input_messages.0.message.role",
      "gen_ai.usage.input_tokens",
      "gen_ai.input.messages",
      "gen_ai.prompt.0.content",
      "ai.operationId",
      "ai.usage.promptTokens",
      "ai.prompt",
      "ai.response.toolCalls",
      "sightline.tags",
      "user.id",
      "metadata",
      "tag.tags",
    ];
    for (const key of keys)
      wrong[key] = {
        anyValue: { kvlistValue: { values: [{ key: "x", value: { boolValue: true } }] } },
      };

    const span = buildSpan(wrong, {
      events: [
        buildEvent("gen_ai.user.message", {
          content: { anyValue: { arrayValue: { values: [] } } },
        }),
      ],
    });
    expect(() => mapSpan(span)).not.toThrow();
    expect(mapSpan(span).warnings.length).toBeGreaterThan(5);
  });

  it("should never throw for string attributes holding garbage", () => {
    const garbage: Record<string, AttributeInput> = {};
    for (const key of [
      "langfuse.observation.usage_details",
      "langfuse.observation.cost_details",
      "gen_ai.input.messages",
      "gen_ai.output.messages",
      "ai.prompt.messages",
      "ai.response.toolCalls",
      "llm.invocation_parameters",
      "gen_ai.usage.input_tokens",
    ]) {
      garbage[key] = "{not json";
    }
    garbage["ai.prompt"] = json({ messages: "nope", system: 5 });
    garbage["gen_ai.output.messages"] = json([{ role: 5 }, null, "x"]);
    expect(() => mapSpan(buildSpan(garbage))).not.toThrow();
  });
});
