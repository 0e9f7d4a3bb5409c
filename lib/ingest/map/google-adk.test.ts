// Regression: Google ADK (google/adk-python, telemetry.py trace_call_llm and trace_tool_call)
// records a model call's request and response only as gcp.vertex.agent.llm_request /
// llm_response JSON and a tool's as gcp.vertex.agent.tool_call_args / tool_response. Sightline
// showed ADK's call_llm and execute_tool spans with no input or output (the same report as
// langwatch/langwatch#3519 "Google ADK traces show empty input/output"; Langfuse added the
// parsing in langfuse/langfuse#6736).
import { describe, expect, it } from "vitest";

import { mapSpan } from "./map-span";
import { buildSpan, json } from "./test-builders";

const LLM_REQUEST = {
  model: "gemini-2.0-flash",
  config: { system_instruction: "You are a weather agent.", temperature: 0.1 },
  contents: [
    { role: "user", parts: [{ text: "Weather in Paris?" }] },
    {
      role: "model",
      parts: [{ function_call: { id: "fc-1", name: "get_weather", args: { city: "Paris" } } }],
    },
    {
      role: "user",
      parts: [{ function_response: { id: "fc-1", name: "get_weather", response: { temp_c: 21 } } }],
    },
  ],
};

const LLM_RESPONSE = {
  content: { role: "model", parts: [{ text: "It is 21°C in Paris." }] },
  usage_metadata: { prompt_token_count: 40, candidates_token_count: 9 },
};

describe("Google ADK", () => {
  it("should show a call_llm span's request and response as chat messages", () => {
    const mapped = mapSpan(
      buildSpan(
        {
          "gen_ai.system": "gcp.vertex.agent",
          "gen_ai.request.model": "gemini-2.0-flash",
          "gcp.vertex.agent.invocation_id": "e-1",
          "gcp.vertex.agent.session_id": "session-9",
          "gcp.vertex.agent.llm_request": json(LLM_REQUEST),
          "gcp.vertex.agent.llm_response": json(LLM_RESPONSE),
          "gen_ai.usage.input_tokens": 40,
          "gen_ai.usage.output_tokens": 9,
        },
        { name: "call_llm" },
      ),
    );

    expect(mapped.type).toBe("GENERATION");
    expect(mapped.input).toEqual([
      { role: "system", content: "You are a weather agent." },
      { role: "user", content: "Weather in Paris?" },
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "fc-1", name: "get_weather", arguments: { city: "Paris" } }],
      },
      { role: "tool", content: { temp_c: 21 }, tool_call_id: "fc-1" },
    ]);
    expect(mapped.output).toEqual([{ role: "assistant", content: "It is 21°C in Paris." }]);
    expect(mapped.sessionId).toBe("session-9");
    expect(mapped.usage.input).toBe(40);
  });

  it("should show an execute_tool span's arguments and response, not the {} placeholders", () => {
    const mapped = mapSpan(
      buildSpan({
        "gen_ai.operation.name": "execute_tool",
        "gen_ai.tool.name": "get_weather",
        "gcp.vertex.agent.llm_request": "{}",
        "gcp.vertex.agent.llm_response": "{}",
        "gcp.vertex.agent.tool_call_args": json({ city: "Paris" }),
        "gcp.vertex.agent.tool_response": json({ temp_c: 21 }),
      }),
    );

    expect(mapped.type).toBe("TOOL");
    expect(mapped.input).toEqual({ city: "Paris" });
    expect(mapped.output).toEqual({ temp_c: 21 });
  });

  it("should read an instruction given as parts and keep an unreadable request as sent", () => {
    const withParts = mapSpan(
      buildSpan({
        "gcp.vertex.agent.llm_request": json({
          config: { system_instruction: { parts: [{ text: "Be brief." }] } },
          contents: [],
        }),
      }),
    );
    expect(withParts.input).toEqual([{ role: "system", content: "Be brief." }]);

    const unreadable = mapSpan(buildSpan({ "gcp.vertex.agent.llm_request": "not json" }));
    expect(unreadable.input).toBe("not json");
  });

  it("should let the GenAI conventions' messages win where ADK sends both", () => {
    const mapped = mapSpan(
      buildSpan({
        "gen_ai.operation.name": "chat",
        "gen_ai.input.messages": json([{ role: "user", parts: [{ type: "text", content: "Hi" }] }]),
        "gcp.vertex.agent.llm_request": json(LLM_REQUEST),
      }),
    );
    expect(mapped.input).toEqual([{ role: "user", content: "Hi" }]);
  });
});
