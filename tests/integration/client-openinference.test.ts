// The real OpenAI client (openai@7) instrumented by OpenInference's OpenAI instrumentation (as
// used with Arize Phoenix), against a fake OpenAI-compatible server, exported by the OTel JS SDK
// to Sightline. The read API must rebuild the chat messages from llm.input_messages.N.* and
// llm.output_messages.N.*, keep the tool calls, count the reported tokens and price a known model.
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import * as openaiModule from "openai";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startClientTracing, type ClientTracing } from "./client-helpers";
import {
  FINAL_ANSWER,
  FIRST_CHAT_USAGE,
  SECOND_CHAT_USAGE,
  startFakeOpenAiServer,
  TOOL_ARGUMENTS,
  type FakeOpenAiServer,
} from "./fake-openai-server";
import { getTrace } from "./ingest-helpers";

const RESPONSE_MODEL = "gpt-4o-mini-2024-07-18";

const TOOLS: OpenAI.ChatCompletionTool[] = [
  {
    type: "function",
    function: {
      name: "weather",
      description: "Current weather of a city",
      parameters: { type: "object", properties: { city: { type: "string" } } },
    },
  },
];

let fake: FakeOpenAiServer;
let tracing: ClientTracing;
let client: OpenAI;
let instrumentation: OpenAIInstrumentation;

beforeAll(async () => {
  fake = await startFakeOpenAiServer();
  tracing = startClientTracing("openinference-app");
  instrumentation = new OpenAIInstrumentation({ tracerProvider: tracing.provider });
  // Vitest loads openai as ESM, which require hooks do not see: patch the module directly. The
  // instrumentation reads `module.OpenAI` at run time but types its parameter as the class.
  type PatchedModule = Parameters<OpenAIInstrumentation["manuallyInstrument"]>[0];
  instrumentation.manuallyInstrument(openaiModule as unknown as PatchedModule);
  client = new OpenAI({ baseURL: fake.baseUrl, apiKey: "test-key", maxRetries: 0 });
});

afterAll(async () => {
  instrumentation.disable();
  await tracing.shutdown();
  await fake.close();
});

describe("OpenInference OpenAI instrumentation", () => {
  it("should rebuild a tool-call round trip as two priced generations", async () => {
    const messages: OpenAI.ChatCompletionMessageParam[] = [
      { role: "system", content: "Answer briefly." },
      { role: "user", content: "What is the weather in Paris?" },
    ];
    let firstCall: OpenAI.ChatCompletion | undefined;
    const firstTrace = await tracing.captureTrace(async () => {
      firstCall = await client.chat.completions.create({
        model: "gpt-4o-mini",
        messages,
        tools: TOOLS,
        temperature: 0.2,
      });
    });
    const assistant = firstCall?.choices[0]?.message;
    const toolCall = assistant?.tool_calls?.[0];
    if (!assistant || !toolCall) throw new Error("the fake did not ask for the tool");
    messages.push(assistant, { role: "tool", tool_call_id: toolCall.id, content: "sunny" });
    const secondTrace = await tracing.captureTrace(() =>
      client.chat.completions.create({ model: "gpt-4o-mini", messages, tools: TOOLS }),
    );

    const first = await getTrace(firstTrace);
    const [call] = first.observations;
    expect(first.observations).toHaveLength(1);
    expect(call).toMatchObject({
      type: "GENERATION",
      model: RESPONSE_MODEL,
      input: [
        { role: "system", content: "Answer briefly." },
        { role: "user", content: "What is the weather in Paris?" },
      ],
      output: [
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "call_weather_1", name: "weather", arguments: JSON.stringify(TOOL_ARGUMENTS) },
          ],
        },
      ],
      usageDetails: {
        input: FIRST_CHAT_USAGE.prompt,
        output: FIRST_CHAT_USAGE.completion,
        total: FIRST_CHAT_USAGE.prompt + FIRST_CHAT_USAGE.completion,
        cache_read: FIRST_CHAT_USAGE.cached,
        reasoning: FIRST_CHAT_USAGE.reasoning,
      },
      modelParameters: expect.objectContaining({ temperature: 0.2 }),
    });
    expect(Number(call?.totalCost)).toBeGreaterThan(0);
    expect(first.totalCost).toBe(call?.totalCost);

    const second = await getTrace(secondTrace);
    expect(second.observations[0]).toMatchObject({
      type: "GENERATION",
      output: [{ role: "assistant", content: FINAL_ANSWER }],
      usageDetails: { input: SECOND_CHAT_USAGE.prompt, output: SECOND_CHAT_USAGE.completion },
    });
    expect(second.observations[0]?.input).toEqual([
      { role: "system", content: "Answer briefly." },
      { role: "user", content: "What is the weather in Paris?" },
      {
        role: "assistant",
        content: null,
        tool_calls: [
          { id: "call_weather_1", name: "weather", arguments: JSON.stringify(TOOL_ARGUMENTS) },
        ],
      },
      { role: "tool", content: "sunny", tool_call_id: "call_weather_1" },
    ]);
  });

  it("should show a streamed answer, tokens estimated when the stream sends no usage", async () => {
    const traceId = await tracing.captureTrace(async () => {
      const stream = await client.chat.completions.create({
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: "Hi" }],
        stream: true,
        stream_options: { include_usage: true },
      });
      let text = "";
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
      expect(text).toBe(FINAL_ANSWER);
    });

    const [call] = (await getTrace(traceId)).observations;
    expect(call).toMatchObject({
      type: "GENERATION",
      model: "gpt-4o-mini",
      input: [{ role: "user", content: "Hi" }],
      output: [{ role: "assistant", content: FINAL_ANSWER }],
    });
    // OpenInference 4.2.7 records no llm.token_count.* for streams: Sightline counts the text.
    expect(call?.usageDetails.input).toBeGreaterThan(0);
    expect(call?.usageDetails.output).toBeGreaterThan(0);
    expect(Number(call?.totalCost)).toBeGreaterThan(0);
  });

  it("should type embeddings and keep the embedded texts as input", async () => {
    const traceId = await tracing.captureTrace(() =>
      client.embeddings.create({ model: "text-embedding-3-small", input: ["rain", "snow"] }),
    );

    const [embedding] = (await getTrace(traceId)).observations;
    expect(embedding).toMatchObject({
      type: "EMBEDDING",
      model: "text-embedding-3-small",
      input: ["rain", "snow"],
    });
  });

  it("should map a Responses API call with its usage details", async () => {
    const traceId = await tracing.captureTrace(() =>
      client.responses.create({
        model: "gpt-4o-mini",
        instructions: "Answer briefly.",
        input: "What is the weather in Paris?",
      }),
    );

    const [call] = (await getTrace(traceId)).observations;
    expect(call).toMatchObject({
      type: "GENERATION",
      model: RESPONSE_MODEL,
      input: [
        { role: "system", content: "Answer briefly." },
        { role: "user", content: "What is the weather in Paris?" },
      ],
      output: [{ role: "assistant", content: FINAL_ANSWER }],
      usageDetails: {
        input: FIRST_CHAT_USAGE.prompt,
        output: FIRST_CHAT_USAGE.completion,
        reasoning: FIRST_CHAT_USAGE.reasoning,
      },
    });
    expect(Number(call?.totalCost)).toBeGreaterThan(0);
  });
});
