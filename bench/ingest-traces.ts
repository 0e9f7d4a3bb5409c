// Synthetic but realistic LLM-app traces for the ingest bench: agent runs (model calls, tool
// calls, a guardrail) and RAG requests (embedding, retrieval, one answer), with GenAI
// attributes, chat messages as JSON, resource attributes and the odd exception event.
import { randomBytes } from "node:crypto";

import type { WireKeyValue, WireSpan, WireTraceRequest } from "../lib/otlp/otlp-wire-schema";
import { buildWireRequest, stringAttribute } from "../lib/otlp/test-builders";

const WORDS = (
  "order refund invoice shipping delay customer account password reset billing plan upgrade " +
  "warehouse tracking number address payment card declined subscription renewal support agent " +
  "policy return window damaged item replacement discount coupon loyalty points email receipt"
).split(" ");

function sentence(seed: number, length: number): string {
  const words: string[] = [];
  for (let index = 0; index < length; index++) {
    words.push(WORDS[(seed * 31 + index * 17) % WORDS.length] as string);
  }
  return words.join(" ");
}

function int(key: string, value: number): WireKeyValue {
  return { key, value: { intValue: String(value) } };
}

function double(key: string, value: number): WireKeyValue {
  return { key, value: { doubleValue: value } };
}

function messages(role: string, seed: number, length: number): string {
  return JSON.stringify([{ role, parts: [{ type: "text", content: sentence(seed, length) }] }]);
}

interface TraceContext {
  traceId: string;
  seed: number;
  startNs: bigint;
}

function spanOf(
  context: TraceContext,
  name: string,
  parentSpanId: string,
  offsetMs: number,
  durationMs: number,
  attributes: WireKeyValue[],
  kind = 1,
): WireSpan {
  const start = context.startNs + BigInt(offsetMs) * 1_000_000n + BigInt(context.seed % 997);
  return {
    traceId: context.traceId,
    spanId: randomBytes(8).toString("hex"),
    parentSpanId,
    name,
    kind,
    startTimeUnixNano: start.toString(),
    endTimeUnixNano: (start + BigInt(durationMs) * 1_000_000n).toString(),
    attributes,
    status: { code: 0, message: "" },
  };
}

function chat(
  context: TraceContext,
  parent: string,
  offsetMs: number,
  model: string,
  turn: number,
) {
  const seed = context.seed + turn;
  return spanOf(
    context,
    `chat ${model}`,
    parent,
    offsetMs,
    900 + (seed % 700),
    [
      stringAttribute("gen_ai.operation.name", "chat"),
      stringAttribute("gen_ai.provider.name", "openai"),
      stringAttribute("gen_ai.request.model", model),
      stringAttribute("gen_ai.response.model", `${model}-2024-08-06`),
      double("gen_ai.request.temperature", 0.2),
      int("gen_ai.request.max_tokens", 1024),
      int("gen_ai.usage.input_tokens", 800 + (seed % 900)),
      int("gen_ai.usage.output_tokens", 60 + (seed % 240)),
      int("gen_ai.usage.cache_read.input_tokens", seed % 3 === 0 ? 512 : 0),
      stringAttribute("gen_ai.response.id", `chatcmpl-${seed.toString(36)}`),
      stringAttribute("gen_ai.input.messages", messages("user", seed, 60)),
      stringAttribute("gen_ai.output.messages", messages("assistant", seed + 7, 40)),
    ],
    3,
  );
}

function tool(context: TraceContext, parent: string, offsetMs: number, name: string) {
  const seed = context.seed;
  return spanOf(context, `execute_tool ${name}`, parent, offsetMs, 120 + (seed % 200), [
    stringAttribute("gen_ai.operation.name", "execute_tool"),
    stringAttribute("gen_ai.tool.name", name),
    stringAttribute("gen_ai.tool.call.id", `call_${seed.toString(36)}`),
    stringAttribute("gen_ai.tool.call.arguments", JSON.stringify({ query: sentence(seed, 6) })),
    stringAttribute("gen_ai.tool.call.result", JSON.stringify({ rows: sentence(seed + 3, 30) })),
  ]);
}

/** An agent run: 10 spans. */
function agentTrace(context: TraceContext): WireSpan[] {
  const root = spanOf(
    context,
    "POST /api/chat",
    "",
    0,
    6000,
    [
      stringAttribute("http.request.method", "POST"),
      stringAttribute("http.route", "/api/chat"),
      stringAttribute("user.id", `user-${context.seed % 5000}`),
      stringAttribute("session.id", `session-${context.seed % 20000}`),
      stringAttribute("sightline.feature", "support-agent"),
    ],
    2,
  );
  const agent = spanOf(context, "invoke_agent support", root.spanId ?? "", 5, 5900, [
    stringAttribute("gen_ai.operation.name", "invoke_agent"),
    stringAttribute("gen_ai.agent.name", "support"),
  ]);
  const agentId = agent.spanId ?? "";
  const guard = spanOf(context, "guardrail pii", agentId, 5800, 40, [
    stringAttribute("sightline.type", "guardrail"),
  ]);
  if (context.seed % 50 === 0) {
    guard.status = { code: 2, message: "" };
    guard.events = [
      {
        name: "exception",
        timeUnixNano: guard.endTimeUnixNano,
        attributes: [
          stringAttribute("exception.type", "PolicyViolation"),
          stringAttribute("exception.message", "answer contains an email address"),
        ],
      },
    ];
  }
  return [
    root,
    agent,
    chat(context, agentId, 10, "gpt-4o", 1),
    tool(context, agentId, 1600, "search_orders"),
    chat(context, agentId, 1800, "gpt-4o", 2),
    tool(context, agentId, 3400, "issue_refund"),
    chat(context, agentId, 3600, "gpt-4o", 3),
    tool(context, agentId, 5000, "send_email"),
    chat(context, agentId, 5200, "gpt-4o-mini", 4),
    guard,
  ];
}

/** A RAG request: 5 spans. */
function ragTrace(context: TraceContext): WireSpan[] {
  const root = spanOf(
    context,
    "POST /api/ask",
    "",
    0,
    2500,
    [
      stringAttribute("http.request.method", "POST"),
      stringAttribute("http.route", "/api/ask"),
      stringAttribute("user.id", `user-${context.seed % 5000}`),
      stringAttribute("sightline.feature", "docs-search"),
    ],
    2,
  );
  const rootId = root.spanId ?? "";
  const documents = Array.from({ length: 4 }, (_, index) => ({
    id: `doc-${(context.seed + index) % 10000}`,
    score: 0.9 - index * 0.1,
    content: sentence(context.seed + index, 25),
  }));
  return [
    root,
    spanOf(
      context,
      "embeddings text-embedding-3-small",
      rootId,
      5,
      80,
      [
        stringAttribute("gen_ai.operation.name", "embeddings"),
        stringAttribute("gen_ai.request.model", "text-embedding-3-small"),
        int("gen_ai.usage.input_tokens", 12 + (context.seed % 30)),
      ],
      3,
    ),
    spanOf(context, "retrieve documents", rootId, 90, 60, [
      stringAttribute("sightline.type", "retriever"),
      stringAttribute("db.system.name", "postgresql"),
      stringAttribute("retrieval.documents", JSON.stringify(documents)),
    ]),
    chat(context, rootId, 160, "gpt-4o-mini", 1),
    spanOf(context, "rerank", rootId, 150, 8, [stringAttribute("sightline.type", "chain")]),
  ];
}

const RESOURCE: WireKeyValue[] = [
  stringAttribute("service.name", "support-app"),
  stringAttribute("service.version", "3.14.2"),
  stringAttribute("deployment.environment.name", "production"),
  stringAttribute("telemetry.sdk.name", "opentelemetry"),
  stringAttribute("telemetry.sdk.language", "nodejs"),
  stringAttribute("telemetry.sdk.version", "2.12.1"),
  stringAttribute("host.name", "app-7f9c"),
];

/**
 * OTLP requests holding about `batchSize` spans each (whole traces), `spanCount` spans in all.
 * Traces start within the last hour, so they land in the current month's partition.
 */
export function generateRequests(spanCount: number, batchSize: number): WireTraceRequest[] {
  const requests: WireTraceRequest[] = [];
  const baseNs = BigInt(Date.now() - 3_600_000) * 1_000_000n;
  let spans: WireSpan[] = [];
  let total = 0;
  for (let seed = 1; total < spanCount; seed++) {
    const context = {
      traceId: randomBytes(16).toString("hex"),
      seed,
      startNs: baseNs + BigInt(seed) * 7_000_000n,
    };
    const trace = (seed % 3 === 0 ? ragTrace(context) : agentTrace(context)).slice(
      0,
      spanCount - total,
    );
    spans.push(...trace);
    total += trace.length;
    if (spans.length >= batchSize) {
      requests.push(request(spans));
      spans = [];
    }
  }
  if (spans.length > 0) requests.push(request(spans));
  return requests;
}

function request(spans: WireSpan[]): WireTraceRequest {
  return buildWireRequest({ spans, resourceAttributes: RESOURCE, scopeName: "support-app" });
}
