// Second round of shapes from peer projects, sent as OTLP and read back through the public API:
// a pydantic-ai agent run whose conversation and final result become the trace's input and
// output, without counting its summed usage twice; a Google ADK call_llm span
// (langwatch/langwatch#3519, langfuse/langfuse#6736); a Strands Agents chat span's time to first
// token; an OpenInference reranker's input documents; a failed tool span that only says
// error.type (vercel/next.js#82212).
import { describe, expect, it } from "vitest";

import { attribute, stringAttribute } from "../../lib/otlp/test-builders";
import { getTrace, newSpanId, newTraceId, postSpans, span } from "./ingest-helpers";

const intAttribute = (key: string, value: number) => attribute(key, { intValue: String(value) });
const STATUS_ERROR = { code: 2, message: "" };

describe("peer projects' edge cases, round two", () => {
  it("should show pydantic-ai, Google ADK, Strands, reranker and error spans", async () => {
    const traceId = newTraceId();
    const ids = Array.from({ length: 6 }, newSpanId);
    const [runId, chatId, adkId, strandsId, rerankId, toolId] = ids;

    const run = span(traceId, runId, "", "agent run", 0, 500, {
      attributes: [
        stringAttribute("agent_name", "weather"),
        stringAttribute("logfire.msg", "weather run"),
        intAttribute("gen_ai.usage.input_tokens", 40),
        intAttribute("gen_ai.usage.output_tokens", 2),
        stringAttribute(
          "pydantic_ai.all_messages",
          JSON.stringify([
            { role: "user", parts: [{ type: "text", content: "Weather in Paris?" }] },
            { role: "assistant", parts: [{ type: "text", content: "Sunny." }] },
          ]),
        ),
        stringAttribute("final_result", "Sunny."),
      ],
    });
    const chat = span(traceId, chatId, runId, "chat gpt-4o", 10, 100, {
      attributes: [
        stringAttribute("gen_ai.operation.name", "chat"),
        stringAttribute("gen_ai.request.model", "gpt-4o"),
        intAttribute("gen_ai.usage.input_tokens", 40),
        intAttribute("gen_ai.usage.output_tokens", 2),
      ],
    });
    const adk = span(traceId, adkId, runId, "call_llm", 110, 200, {
      attributes: [
        stringAttribute("gen_ai.system", "gcp.vertex.agent"),
        stringAttribute("gen_ai.request.model", "gemini-2.0-flash"),
        intAttribute("gen_ai.usage.input_tokens", 5),
        intAttribute("gen_ai.usage.output_tokens", 1),
        stringAttribute(
          "gcp.vertex.agent.llm_request",
          JSON.stringify({ contents: [{ role: "user", parts: [{ text: "Hi" }] }] }),
        ),
        stringAttribute(
          "gcp.vertex.agent.llm_response",
          JSON.stringify({ content: { role: "model", parts: [{ text: "Hello" }] } }),
        ),
      ],
    });
    const strands = span(traceId, strandsId, runId, "chat", 200, 300, {
      attributes: [
        stringAttribute("gen_ai.operation.name", "chat"),
        stringAttribute("gen_ai.system", "strands-agents"),
        intAttribute("gen_ai.server.time_to_first_token", 25),
      ],
    });
    const rerank = span(traceId, rerankId, runId, "reranker", 300, 350, {
      attributes: [
        stringAttribute("openinference.span.kind", "RERANKER"),
        stringAttribute("reranker.query", "paris weather"),
        stringAttribute("reranker.input_documents.0.document.content", "Paris is sunny."),
      ],
    });
    const tool = span(traceId, toolId, runId, "execute_tool get_weather", 350, 400, {
      attributes: [
        stringAttribute("gen_ai.operation.name", "execute_tool"),
        stringAttribute("error.type", "TimeoutError"),
      ],
      status: STATUS_ERROR,
    });

    const response = await postSpans([run, chat, adk, strands, rerank, tool]);
    expect(response.status).toBe(200);

    const trace = await getTrace(traceId);
    expect(trace.input).toEqual([
      { role: "user", content: "Weather in Paris?" },
      { role: "assistant", content: "Sunny." },
    ]);
    expect(trace.output).toBe("Sunny.");
    // The run's 40 are its chat request's, counted once; 5 are the ADK call's.
    expect(trace.usageDetails.input).toBe(45);

    const byId = new Map(trace.observations.map((observation) => [observation.id, observation]));
    expect(byId.get(runId)?.type).toBe("AGENT");
    expect(byId.get(adkId)).toMatchObject({
      input: [{ role: "user", content: "Hi" }],
      output: [{ role: "assistant", content: "Hello" }],
    });
    expect(byId.get(strandsId)?.timeToFirstToken).toBeCloseTo(0.025);
    expect(byId.get(rerankId)?.input).toEqual({
      query: "paris weather",
      documents: [{ content: "Paris is sunny." }],
    });
    expect(byId.get(toolId)).toMatchObject({ level: "ERROR", statusMessage: "TimeoutError" });
  });
});
