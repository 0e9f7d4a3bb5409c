// The official OpenTelemetry JS SDK exporting to Sightline: the protobuf exporter with a
// SimpleSpanProcessor and the JSON exporter with a BatchSpanProcessor each send a RAG trace and
// an agent trace with GenAI attributes, and the read API shows the tree, types and usage.
import {
  context,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
  type Tracer,
} from "@opentelemetry/api";
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import { OTLPTraceExporter as HttpTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";

import { AUTH, baseUrl, getTrace, OTLP_PATH, type TraceDetail } from "./ingest-helpers";

/** Wraps an exporter to record what the SDK concluded from each of our replies. */
function recordResults(exporter: SpanExporter, results: ExportResult[]): SpanExporter {
  return {
    export: (spans: ReadableSpan[], done: (result: ExportResult) => void) =>
      exporter.export(spans, (result) => {
        results.push(result);
        done(result);
      }),
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}

const VARIANTS: Array<{
  name: string;
  processor: (exporter: SpanExporter) => SpanProcessor;
  exporter: () => SpanExporter;
}> = [
  {
    name: "protobuf exporter + SimpleSpanProcessor",
    exporter: () =>
      new ProtoTraceExporter({ url: `${baseUrl()}${OTLP_PATH}`, headers: { Authorization: AUTH } }),
    processor: (exporter) => new SimpleSpanProcessor(exporter),
  },
  {
    name: "JSON exporter + BatchSpanProcessor",
    exporter: () =>
      new HttpTraceExporter({ url: `${baseUrl()}/v1/traces`, headers: { Authorization: AUTH } }),
    processor: (exporter) => new BatchSpanProcessor(exporter, { scheduledDelayMillis: 50 }),
  },
];

function child(tracer: Tracer, parent: Span, name: string, attributes: Record<string, unknown>) {
  const parentContext = trace.setSpan(context.active(), parent);
  return tracer.startSpan(
    name,
    { kind: SpanKind.CLIENT, attributes: attributes as Record<string, string | number> },
    parentContext,
  );
}

/** A RAG request: embed the question, retrieve documents, answer with a chat model. */
function sendRagTrace(tracer: Tracer): string {
  const root = tracer.startSpan("rag-query", {
    kind: SpanKind.SERVER,
    attributes: { "user.id": "user-42", "session.id": "session-9", "http.route": "/ask" },
  });
  const embed = child(tracer, root, "embeddings text-embedding-3-small", {
    "gen_ai.operation.name": "embeddings",
    "gen_ai.request.model": "text-embedding-3-small",
    "gen_ai.usage.input_tokens": 12,
  });
  embed.end();
  const retrieve = child(tracer, root, "retrieve documents", {
    "sightline.type": "retriever",
    "db.system": "pgvector",
  });
  retrieve.end();
  const chat = child(tracer, root, "chat gpt-4o", {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "openai",
    "gen_ai.request.model": "gpt-4o",
    "gen_ai.response.model": "gpt-4o-2024-08-06",
    "gen_ai.request.temperature": 0.2,
    "gen_ai.usage.input_tokens": 120,
    "gen_ai.usage.output_tokens": 30,
    "gen_ai.input.messages": JSON.stringify([
      { role: "user", parts: [{ type: "text", content: "What is OTLP?" }] },
    ]),
    "gen_ai.output.messages": JSON.stringify([
      { role: "assistant", parts: [{ type: "text", content: "A protocol." }] },
    ]),
  });
  chat.end();
  root.end();
  return root.spanContext().traceId;
}

/** An agent run: the agent calls a model, runs a tool, calls the model again. */
function sendAgentTrace(tracer: Tracer): string {
  const agent = tracer.startSpan("invoke_agent planner", {
    attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "planner" },
  });
  const first = child(tracer, agent, "chat claude", {
    "gen_ai.operation.name": "chat",
    "gen_ai.request.model": "claude-sonnet-4",
    "gen_ai.usage.input_tokens": 200,
    "gen_ai.usage.output_tokens": 40,
  });
  first.end();
  const tool = child(tracer, agent, "execute_tool get_weather", {
    "gen_ai.operation.name": "execute_tool",
    "gen_ai.tool.name": "get_weather",
  });
  tool.setStatus({ code: SpanStatusCode.ERROR, message: "weather service down" });
  tool.end();
  const second = child(tracer, agent, "chat claude", {
    "gen_ai.operation.name": "chat",
    "gen_ai.request.model": "claude-sonnet-4",
    "gen_ai.usage.input_tokens": 260,
    "gen_ai.usage.output_tokens": 25,
  });
  second.end();
  agent.end();
  return agent.spanContext().traceId;
}

function byName(trace: TraceDetail, name: string) {
  const found = trace.observations.filter((observation) => observation.name === name);
  if (found.length === 0) throw new Error(`no observation named ${name}`);
  return found;
}

describe.each(VARIANTS)("OpenTelemetry JS SDK with the $name", ({ exporter, processor }) => {
  it("should store a RAG trace and an agent trace the read API shows as trees", async () => {
    const results: ExportResult[] = [];
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": "rag-app", "service.version": "1.4.0" }),
      spanProcessors: [processor(recordResults(exporter(), results))],
    });
    const tracer = provider.getTracer("rag-app", "1.0.0");

    const ragTraceId = sendRagTrace(tracer);
    const agentTraceId = sendAgentTrace(tracer);
    await provider.forceFlush();
    await provider.shutdown();

    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => result.code === ExportResultCode.SUCCESS)).toBe(true);

    const rag = await getTrace(ragTraceId);
    expect(rag).toMatchObject({
      name: "rag-query",
      userId: "user-42",
      sessionId: "session-9",
      observationCount: 4,
      missingParentCount: 0,
      usageDetails: { input: 132, output: 30, total: 162 },
    });
    const [root] = byName(rag, "rag-query");
    expect(root).toMatchObject({ type: "SPAN", parentObservationId: null, depth: 0 });
    expect(rag.observations.map((observation) => observation.type).sort()).toEqual([
      "EMBEDDING",
      "GENERATION",
      "RETRIEVER",
      "SPAN",
    ]);
    const [chat] = byName(rag, "chat gpt-4o");
    expect(chat).toMatchObject({
      type: "GENERATION",
      parentObservationId: root?.id,
      model: "gpt-4o-2024-08-06",
      usageDetails: { input: 120, output: 30, total: 150 },
      // Set on the root only: the child reports its trace's user.
      userId: "user-42",
    });
    expect(JSON.stringify(chat?.input)).toContain("What is OTLP?");
    const [retrieve] = byName(rag, "retrieve documents");
    expect(retrieve).toMatchObject({ type: "RETRIEVER", model: null, usageDetails: {} });

    const agent = await getTrace(agentTraceId);
    expect(agent).toMatchObject({
      name: "invoke_agent planner",
      observationCount: 4,
      usageDetails: { input: 460, output: 65, total: 525 },
    });
    const [agentSpan, ...steps] = agent.observations;
    expect(agentSpan).toMatchObject({ type: "AGENT", depth: 0, parentObservationId: null });
    expect(steps.map((step) => step.type).sort()).toEqual(["GENERATION", "GENERATION", "TOOL"]);
    for (const step of steps) {
      expect(step).toMatchObject({ depth: 1, parentObservationId: agentSpan?.id });
    }
    // Siblings come in start order (the SDK's clock may give two spans the same start).
    const starts = steps.map((step) => BigInt(step.startTimeNanos));
    expect(starts).toEqual([...starts].sort((left, right) => (left < right ? -1 : 1)));
    const [tool] = byName(agent, "execute_tool get_weather");
    expect(tool).toMatchObject({ level: "ERROR", usageDetails: {} });
  });
});
