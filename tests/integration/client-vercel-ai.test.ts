// The real Vercel AI SDK (v7) against a fake OpenAI-compatible server, traced by both of its
// OpenTelemetry integrations from @ai-sdk/otel and exported by the OTel JS SDK to Sightline:
// `OpenTelemetry` (GenAI semconv spans: invoke_agent / step / chat / execute_tool / embeddings)
// and `LegacyOpenTelemetry` (ai.generateText / doGenerate / ai.toolCall / ai.embed spans).
// The read API must show the right types, models, messages and user/session/feature, and count
// every token once: the outer spans repeat the sum of their model calls. Phoenix users add
// @arizeai/openinference-vercel's span processor, which copies the GenAI attributes into
// OpenInference ones (llm.token_count.* on invoke_agent too): the totals must not change.
import { OpenInferenceSimpleSpanProcessor } from "@arizeai/openinference-vercel";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { LegacyOpenTelemetry, OpenTelemetry } from "@ai-sdk/otel";
import {
  embed,
  embedMany,
  generateObject,
  generateText,
  stepCountIs,
  streamText,
  tool,
  type Telemetry,
} from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import {
  observationsNamed,
  onlyObservation,
  startClientTracing,
  type ClientTracing,
  type Observation,
} from "./client-helpers";
import {
  FAILING_MODEL,
  FINAL_ANSWER,
  FIRST_CHAT_USAGE,
  JSON_ANSWER,
  SECOND_CHAT_USAGE,
  startFakeOpenAiServer,
  TOKENS_PER_EMBEDDED_TEXT,
  type FakeOpenAiServer,
} from "./fake-openai-server";
import { getTrace } from "./ingest-helpers";

// The AI SDK warns on stderr about the deprecated generateObject and unsupported JSON schema.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

const MODEL = "gpt-4o-mini";
const RESPONSE_MODEL = "gpt-4o-mini-2024-07-18";
const EMBEDDING_MODEL = "text-embedding-3-small";

const BOTH_CHATS = {
  input: FIRST_CHAT_USAGE.prompt + SECOND_CHAT_USAGE.prompt,
  output: FIRST_CHAT_USAGE.completion + SECOND_CHAT_USAGE.completion,
  cache_read: FIRST_CHAT_USAGE.cached + SECOND_CHAT_USAGE.cached,
};

// gpt-4o-mini: $0.15 input, $0.075 cached input, $0.60 output per million tokens; the two calls
// cost (30·0.15 + 20·0.075 + 12·0.6) + (80·0.15 + 9·0.6) = 13.2 + 17.4 = 30.6 per million.
const TOOL_LOOP_COST = 0.0000306;
// text-embedding-3-small: $0.02 per million; embedMany sends 3 texts of 4 tokens.
const EMBED_MANY_COST = 0.00000024;

let fake: FakeOpenAiServer;
let tracing: ClientTracing;

beforeAll(async () => {
  fake = await startFakeOpenAiServer();
  tracing = startClientTracing("vercel-ai-app");
});

afterAll(async () => {
  await tracing.shutdown();
  await fake.close();
});

function provider() {
  return createOpenAICompatible({
    name: "openai",
    baseURL: fake.baseUrl,
    apiKey: "test-key",
    includeUsage: true,
  });
}

const weather = tool({
  description: "Current weather of a city",
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, sky: "sunny" }),
});

const runtimeContext = { userId: "user-7", sessionId: "session-3", apiToken: "never-sent" };

function telemetryFor(integration: Telemetry) {
  return {
    functionId: "weather-bot",
    integrations: [integration],
    includeRuntimeContext: { userId: true, sessionId: true },
  };
}

/** The five calls both integrations are checked on; each returns its trace id. */
async function runCalls(integration: Telemetry, through: ClientTracing = tracing) {
  const openai = provider();
  const telemetry = telemetryFor(integration);

  const toolLoop = await through.captureTrace(async () => {
    const result = await generateText({
      model: openai(MODEL),
      system: "Answer briefly.",
      prompt: "What is the weather in Paris?",
      tools: { weather },
      stopWhen: stepCountIs(3),
      runtimeContext,
      telemetry,
    });
    expect(result.text).toBe(FINAL_ANSWER);
    expect(result.steps).toHaveLength(2);
  });

  const stream = await through.captureTrace(async () => {
    const result = streamText({ model: openai(MODEL), prompt: "Hi", runtimeContext, telemetry });
    expect(await result.text).toBe(FINAL_ANSWER);
  });

  const object = await through.captureTrace(async () => {
    const result = await generateObject({
      model: openai(MODEL),
      schema: z.object({ city: z.string(), temperature: z.number() }),
      prompt: "Weather as JSON",
      telemetry,
    });
    expect(result.object).toEqual(JSON_ANSWER);
  });

  const single = await through.captureTrace(() =>
    embed({
      model: openai.embeddingModel(EMBEDDING_MODEL),
      value: "sunny day",
      runtimeContext,
      telemetry,
    }),
  );

  const many = await through.captureTrace(() =>
    embedMany({
      model: openai.embeddingModel(EMBEDDING_MODEL),
      values: ["rain", "snow", "sun"],
      runtimeContext,
      telemetry,
    }),
  );

  return { toolLoop, stream, object, single, many };
}

/** A streamed call's first chunk: within the span, as Langfuse's fields, without warnings. */
function expectTimeToFirstToken(observation: Observation) {
  expect(observation.timeToFirstToken).toBeGreaterThanOrEqual(0);
  expect(observation.timeToFirstToken).toBeLessThanOrEqual(observation.latency);
  expect(observation.completionStartTime).toEqual(expect.any(String));
  expect(observation.warnings).toEqual([]);
}

describe("Vercel AI SDK v7 with the OpenTelemetry (GenAI semconv) integration", () => {
  let traces: Awaited<ReturnType<typeof runCalls>>;

  beforeAll(async () => {
    const integration = new OpenTelemetry({
      tracer: tracing.provider.getTracer("gen_ai"),
      runtimeContext: true,
      usage: true,
      embedding: true,
    });
    traces = await runCalls(integration);
  });

  it("should type a two-step tool loop and count each model call's tokens once", async () => {
    const trace = await getTrace(traces.toolLoop);

    expect(trace).toMatchObject({
      name: `invoke_agent ${MODEL}`,
      userId: "user-7",
      sessionId: "session-3",
      feature: "weather-bot",
      observationCount: 6,
      usageDetails: { ...BOTH_CHATS, total: BOTH_CHATS.input + BOTH_CHATS.output },
    });
    expect(trace.totalCost).toBe(TOOL_LOOP_COST);

    const agent = onlyObservation(trace, `invoke_agent ${MODEL}`);
    expect(agent).toMatchObject({ type: "AGENT", usageDetails: {}, totalCost: null });
    expect(agent.output).toContainEqual(
      expect.objectContaining({ role: "assistant", content: FINAL_ANSWER }),
    );
    expect(observationsNamed(trace, "step ").map((step) => step.type)).toEqual(["CHAIN", "CHAIN"]);

    const chats = observationsNamed(trace, "chat ");
    expect(chats.map((chat) => [chat.type, chat.model])).toEqual([
      ["GENERATION", RESPONSE_MODEL],
      ["GENERATION", RESPONSE_MODEL],
    ]);
    expect(chats[0]?.usageDetails).toEqual({
      input: FIRST_CHAT_USAGE.prompt,
      output: FIRST_CHAT_USAGE.completion,
      total: FIRST_CHAT_USAGE.prompt + FIRST_CHAT_USAGE.completion,
      cache_read: FIRST_CHAT_USAGE.cached,
      reasoning: FIRST_CHAT_USAGE.reasoning,
    });
    expect(Number(chats[0]?.totalCost)).toBeGreaterThan(0);
    expect(chats[0]?.input).toEqual([
      { role: "system", content: "Answer briefly." },
      { role: "user", content: "What is the weather in Paris?" },
    ]);
    expect(chats[0]?.output).toEqual([
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "call_weather_1", name: "weather", arguments: { city: "Paris" } }],
      },
    ]);
    expect(chats[1]?.input).toContainEqual({
      role: "tool",
      content: { city: "Paris", sky: "sunny" },
      tool_call_id: "call_weather_1",
    });
    expect(chats[1]?.output).toEqual([{ role: "assistant", content: FINAL_ANSWER }]);

    const toolCall = onlyObservation(trace, "execute_tool weather");
    expect(toolCall).toMatchObject({
      type: "TOOL",
      input: { city: "Paris" },
      output: { city: "Paris", sky: "sunny" },
      usageDetails: {},
    });
    for (const observation of trace.observations) {
      expect(observation.modelParameters ?? {}).not.toHaveProperty("context.apiToken");
    }
  });

  it("should keep the usage of a streamed call on its chat span only", async () => {
    const trace = await getTrace(traces.stream);

    expect(trace.usageDetails).toMatchObject({
      input: FIRST_CHAT_USAGE.prompt,
      output: FIRST_CHAT_USAGE.completion,
      reasoning: FIRST_CHAT_USAGE.reasoning,
    });
    expect(onlyObservation(trace, `invoke_agent ${MODEL}`).usageDetails).toEqual({});
    expect(onlyObservation(trace, `chat ${MODEL}`)).toMatchObject({
      type: "GENERATION",
      model: RESPONSE_MODEL,
      output: [{ role: "assistant", content: FINAL_ANSWER }],
    });
    expect(trace).toMatchObject({ userId: "user-7", sessionId: "session-3" });
  });

  it("should give the streamed chat span a time to first token", async () => {
    const trace = await getTrace(traces.stream);

    expectTimeToFirstToken(onlyObservation(trace, `chat ${MODEL}`));
    expect(onlyObservation(trace, `invoke_agent ${MODEL}`).timeToFirstToken).toBeNull();
  });

  it("should show generateObject's JSON answer once in the totals", async () => {
    const trace = await getTrace(traces.object);

    expect(trace.usageDetails).toMatchObject({
      input: FIRST_CHAT_USAGE.prompt,
      output: FIRST_CHAT_USAGE.completion,
    });
    const chat = onlyObservation(trace, `chat ${MODEL}`);
    expect(chat.type).toBe("GENERATION");
    expect(JSON.stringify(chat.output)).toContain("temperature");
  });

  it("should type embed and embedMany as embeddings with the provider's token count", async () => {
    const single = await getTrace(traces.single);
    expect(single.observations.map((observation) => observation.type)).toEqual([
      "EMBEDDING",
      "EMBEDDING",
    ]);
    expect(single.usageDetails).toMatchObject({ input: TOKENS_PER_EMBEDDED_TEXT });
    expect(single).toMatchObject({ userId: "user-7", sessionId: "session-3" });

    const many = await getTrace(traces.many);
    expect(many.usageDetails).toMatchObject({ input: 3 * TOKENS_PER_EMBEDDED_TEXT });
    expect(many.totalCost).toBe(EMBED_MANY_COST);
    expect(many.observations.every((observation) => observation.model === EMBEDDING_MODEL)).toBe(
      true,
    );
  });
});

describe("Vercel AI SDK v7 when the provider fails", () => {
  it("should mark every span of the run as an error and count no tokens", async () => {
    const integration = new OpenTelemetry({ tracer: tracing.provider.getTracer("gen_ai") });
    const traceId = await tracing.captureTrace(async () => {
      const call = generateText({
        model: provider()(FAILING_MODEL),
        prompt: "Hi",
        maxRetries: 0,
        telemetry: { integrations: [integration] },
      });
      await expect(call).rejects.toThrow("The server is overloaded");
    });

    const trace = await getTrace(traceId);
    expect(trace.observations.map((observation) => [observation.type, observation.level])).toEqual([
      ["AGENT", "ERROR"],
      ["CHAIN", "ERROR"],
      ["GENERATION", "ERROR"],
    ]);
    expect(onlyObservation(trace, `chat ${FAILING_MODEL}`)).toMatchObject({
      statusMessage: "The server is overloaded",
      usageDetails: {},
      totalCost: null,
    });
    expect(trace.usageDetails).toMatchObject({ input: 0, output: 0 });
  });
});

describe("Vercel AI SDK v7 with the LegacyOpenTelemetry integration", () => {
  let traces: Awaited<ReturnType<typeof runCalls>>;

  beforeAll(async () => {
    traces = await runCalls(new LegacyOpenTelemetry({ tracer: tracing.provider.getTracer("ai") }));
  });

  it("should type a two-step tool loop and count each doGenerate's tokens once", async () => {
    const trace = await getTrace(traces.toolLoop);

    expect(trace).toMatchObject({
      name: "ai.generateText",
      userId: "user-7",
      sessionId: "session-3",
      feature: "weather-bot",
      observationCount: 4,
      usageDetails: {
        ...BOTH_CHATS,
        total: BOTH_CHATS.input + BOTH_CHATS.output,
        reasoning: FIRST_CHAT_USAGE.reasoning,
      },
    });

    expect(trace.totalCost).toBe(TOOL_LOOP_COST);

    const outer = onlyObservation(trace, "ai.generateText");
    expect(outer).toMatchObject({ type: "CHAIN", usageDetails: {}, totalCost: null });
    expect(outer.input).toEqual([
      { role: "system", content: "Answer briefly." },
      { role: "user", content: "What is the weather in Paris?" },
    ]);

    const calls = observationsNamed(trace, "ai.generateText.doGenerate");
    expect(calls.map((call) => [call.type, call.model])).toEqual([
      ["GENERATION", RESPONSE_MODEL],
      ["GENERATION", RESPONSE_MODEL],
    ]);
    expect(calls[0]?.usageDetails).toEqual({
      input: FIRST_CHAT_USAGE.prompt,
      output: FIRST_CHAT_USAGE.completion,
      total: FIRST_CHAT_USAGE.prompt + FIRST_CHAT_USAGE.completion,
      cache_read: FIRST_CHAT_USAGE.cached,
      reasoning: FIRST_CHAT_USAGE.reasoning,
    });
    expect(calls[0]?.output).toMatchObject({
      role: "assistant",
      tool_calls: [{ id: "call_weather_1", name: "weather", arguments: { city: "Paris" } }],
    });
    expect(calls[1]?.output).toBe(FINAL_ANSWER);
    expect(calls[0]?.modelParameters ?? {}).not.toHaveProperty("context.userId");

    expect(onlyObservation(trace, "ai.toolCall")).toMatchObject({
      type: "TOOL",
      input: { city: "Paris" },
      output: { city: "Paris", sky: "sunny" },
    });
  });

  it("should type streamText, generateObject, embed and embedMany", async () => {
    const stream = await getTrace(traces.stream);
    expect(stream.observations.map((observation) => observation.type)).toEqual([
      "CHAIN",
      "GENERATION",
    ]);
    expect(stream.usageDetails).toMatchObject({ input: FIRST_CHAT_USAGE.prompt });
    expect(onlyObservation(stream, "ai.streamText.doStream").output).toBe(FINAL_ANSWER);
    expectTimeToFirstToken(onlyObservation(stream, "ai.streamText.doStream"));

    const object = await getTrace(traces.object);
    expect(onlyObservation(object, "ai.generateObject.doGenerate").output).toEqual(JSON_ANSWER);
    expect(object.usageDetails).toMatchObject({ input: FIRST_CHAT_USAGE.prompt });

    const single = await getTrace(traces.single);
    expect(single.usageDetails).toMatchObject({ input: TOKENS_PER_EMBEDDED_TEXT });
    expect(onlyObservation(single, "ai.embed.doEmbed")).toMatchObject({
      type: "EMBEDDING",
      input: ["sunny day"],
    });
    expect(single).toMatchObject({ userId: "user-7", sessionId: "session-3" });

    const many = await getTrace(traces.many);
    expect(many.usageDetails).toMatchObject({ input: 3 * TOKENS_PER_EMBEDDED_TEXT });
    expect(many.totalCost).toBe(EMBED_MANY_COST);
  });
});

describe("Vercel AI SDK v7 through the OpenInference span processor (Phoenix setup)", () => {
  let traces: Awaited<ReturnType<typeof runCalls>>;
  let phoenixTracing: ClientTracing;

  beforeAll(async () => {
    phoenixTracing = startClientTracing(
      "vercel-ai-phoenix-app",
      (exporter) => new OpenInferenceSimpleSpanProcessor({ exporter }),
    );
    const integration = new OpenTelemetry({
      tracer: phoenixTracing.provider.getTracer("gen_ai"),
      runtimeContext: true,
      embedding: true,
    });
    traces = await runCalls(integration, phoenixTracing);
  });

  afterAll(() => phoenixTracing.shutdown());

  it("should count tool-loop tokens once despite the agent's OpenInference counts", async () => {
    const trace = await getTrace(traces.toolLoop);

    expect(trace).toMatchObject({
      userId: "user-7",
      sessionId: "session-3",
      feature: "weather-bot",
      usageDetails: { ...BOTH_CHATS, total: BOTH_CHATS.input + BOTH_CHATS.output },
    });
    expect(trace.totalCost).toBe(TOOL_LOOP_COST);
    expect(onlyObservation(trace, `invoke_agent ${MODEL}`)).toMatchObject({
      type: "AGENT",
      usageDetails: {},
    });
    expect(observationsNamed(trace, "step ").map((step) => step.type)).toEqual(["CHAIN", "CHAIN"]);
    const chats = observationsNamed(trace, "chat ");
    expect(chats.map((chat) => chat.type)).toEqual(["GENERATION", "GENERATION"]);
    expect(chats[0]?.input).toEqual([
      { role: "system", content: "Answer briefly." },
      { role: "user", content: "What is the weather in Paris?" },
    ]);
    expect(chats[0]?.output).toEqual([
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "call_weather_1", name: "weather", arguments: '{"city":"Paris"}' }],
      },
    ]);
    expect(onlyObservation(trace, "execute_tool weather")).toMatchObject({
      type: "TOOL",
      input: { city: "Paris" },
      output: { city: "Paris", sky: "sunny" },
    });
  });

  it("should count embedding tokens once", async () => {
    const single = await getTrace(traces.single);
    expect(single.usageDetails).toMatchObject({ input: TOKENS_PER_EMBEDDED_TEXT });
    const many = await getTrace(traces.many);
    expect(many.usageDetails).toMatchObject({ input: 3 * TOKENS_PER_EMBEDDED_TEXT });
    expect(many.totalCost).toBe(EMBED_MANY_COST);
  });
});
