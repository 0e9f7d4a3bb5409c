// The Langfuse JS SDK (v4+: @langfuse/tracing + @langfuse/otel) pointed at Sightline: its span
// processor posts OTLP/JSON to /api/public/otel/v1/traces with Basic auth, and the langfuse.*
// attributes it writes map to observation types, usage, cost, I/O and trace attributes.
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { LangfuseSpanProcessor } from "@langfuse/otel";
import {
  propagateAttributes,
  setLangfuseTracerProvider,
  startObservation,
} from "@langfuse/tracing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { TEST_KEYS } from "../setup/test-env";
import { baseUrl, getJson, getTrace, type TraceDetail } from "./ingest-helpers";

interface ObservationDetail {
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
  mappingReport: Array<{ field: string; source: string }>;
  scope: { name: string };
}

describe("Langfuse JS SDK", () => {
  let provider: NodeTracerProvider;
  let traceId: string;
  let generationId: string;
  let trace: TraceDetail;

  beforeAll(async () => {
    provider = new NodeTracerProvider({
      spanProcessors: [
        new LangfuseSpanProcessor({
          publicKey: TEST_KEYS.publicKey,
          secretKey: TEST_KEYS.secretKey,
          baseUrl: baseUrl(),
          exportMode: "immediate",
          environment: "staging",
          release: "v2.3.0",
        }),
      ],
    });
    // The context manager lets propagateAttributes reach the spans started inside it.
    provider.register();
    setLangfuseTracerProvider(provider);

    await propagateAttributes(
      {
        userId: "user-lf",
        sessionId: "session-lf",
        tags: ["beta", "support"],
        traceName: "support-chat",
      },
      async () => {
        const agent = startObservation(
          "handle-ticket",
          { input: { ticket: "My invoice is wrong" } },
          { asType: "agent" },
        );
        const generation = agent.startObservation(
          "draft-reply",
          {
            model: "gpt-4o-mini",
            modelParameters: { temperature: 0.3 },
            input: [{ role: "user", content: "My invoice is wrong" }],
            usageDetails: { input: 50, output: 20 },
            costDetails: { input: 0.0000075, output: 0.000012 },
          },
          { asType: "generation" },
        );
        generation.update({ output: { role: "assistant", content: "Sorry, fixing it." } }).end();
        const tool = agent.startObservation(
          "lookup-invoice",
          { input: { id: 7 } },
          { asType: "tool" },
        );
        tool.end();
        agent.update({ output: { resolved: true } }).end();
        traceId = agent.traceId;
        generationId = generation.id;
      },
    );
    await provider.forceFlush();
    trace = await getTrace(traceId);
  });

  afterAll(async () => {
    await provider?.shutdown();
  });

  it("should set the trace attributes it propagates", () => {
    expect(trace).toMatchObject({
      name: "support-chat",
      userId: "user-lf",
      sessionId: "session-lf",
      observationCount: 3,
      input: { ticket: "My invoice is wrong" },
      output: { resolved: true },
    });
    expect([...trace.tags].sort()).toEqual(["beta", "support"]);
  });

  it("should map observation types, model, usage and client cost", () => {
    const types = Object.fromEntries(trace.observations.map((item) => [item.name, item.type]));
    expect(types).toEqual({
      "handle-ticket": "AGENT",
      "draft-reply": "GENERATION",
      "lookup-invoice": "TOOL",
    });

    const generation = trace.observations.find((item) => item.id === generationId);
    expect(generation).toMatchObject({
      model: "gpt-4o-mini",
      usageDetails: { input: 50, output: 20, total: 70 },
      totalCost: 0.0000195,
      output: { role: "assistant", content: "Sorry, fixing it." },
    });
    expect(trace.totalCost).toBe(0.0000195);
  });

  it("should keep what the SDK sent, and report where each field came from", async () => {
    const { status, body } = await getJson<ObservationDetail>(
      `/api/public/observations/${generationId}?traceId=${traceId}`,
    );

    expect(status).toBe(200);
    const keys = body.attributes.map((attribute) => attribute.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "langfuse.observation.type",
        "langfuse.observation.model.name",
        "langfuse.observation.usage_details",
        "langfuse.environment",
        "langfuse.release",
        "user.id",
        "session.id",
      ]),
    );
    expect(body.scope.name).toBe("langfuse-sdk");
    expect(body.mappingReport).toEqual(
      expect.arrayContaining([
        { field: "type", source: "langfuse.observation.type" },
        { field: "userId", source: "user.id" },
      ]),
    );
  });
});
