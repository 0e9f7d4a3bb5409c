// Regression: pydantic-ai's agent run span (`agent run`, `invoke_agent <name>`) carries the run's
// conversation in pydantic_ai.all_messages and its output in final_result (pydantic-ai's
// _run_span_end_attributes; PostHog reads them the same way). Sightline showed the run with no
// output and, when gen_ai.system_instructions was set, only the instructions as its input; the
// trace of a run showed neither. Spans of versions without gen_ai.operation.name were typed SPAN
// and their summed usage counted a second time beside the model requests'.
import { describe, expect, it } from "vitest";

import { mapSpan } from "./map-span";
import { buildSpan, json, type AttributeInput } from "./test-builders";

const MESSAGES = [
  { role: "user", parts: [{ type: "text", content: "Where is the Eiffel tower?" }] },
  {
    role: "assistant",
    parts: [{ type: "tool_call", id: "c1", name: "search", arguments: { q: "Eiffel" } }],
  },
  { role: "user", parts: [{ type: "tool_call_response", id: "c1", result: "Paris" }] },
  { role: "assistant", parts: [{ type: "text", content: "In Paris." }] },
];

const CHAT = [
  { role: "user", content: "Where is the Eiffel tower?" },
  {
    role: "assistant",
    content: null,
    tool_calls: [{ id: "c1", name: "search", arguments: { q: "Eiffel" } }],
  },
  { role: "tool", content: "Paris", tool_call_id: "c1" },
  { role: "assistant", content: "In Paris." },
];

const USAGE = { "gen_ai.usage.input_tokens": 51, "gen_ai.usage.output_tokens": 4 };

function mapRun(attributes: Record<string, AttributeInput>, name = "invoke_agent weather") {
  return mapSpan(buildSpan(attributes, { name }));
}

describe("pydantic-ai agent run", () => {
  it.each<[string, Record<string, AttributeInput>]>([
    [
      "instrumentation version 2+ (invoke_agent)",
      {
        "gen_ai.operation.name": "invoke_agent",
        "gen_ai.agent.name": "weather",
        "gen_ai.conversation.id": "",
        "gen_ai.system_instructions": json([{ type: "text", content: "Be brief." }]),
      },
    ],
    ["an older run span without gen_ai.operation.name (agent run)", {}],
  ])("should show the conversation and the final result of %s", (_name, extra) => {
    const mapped = mapRun({
      agent_name: "weather",
      ...extra,
      ...USAGE,
      "pydantic_ai.all_messages": json(MESSAGES),
      final_result: "In Paris.",
    });

    expect(mapped.type).toBe("AGENT");
    const instructions = "gen_ai.system_instructions" in extra;
    expect(mapped.input).toEqual(
      instructions ? [{ role: "system", content: "Be brief." }, ...CHAT] : CHAT,
    );
    expect(mapped.output).toBe("In Paris.");
    expect(mapped.mappingReport).toContainEqual({ field: "output", source: "final_result" });
  });

  it.each([
    ["INTERNAL", 1],
    ["CLIENT", 3],
  ])("should not count the summed usage of a run of kind %s again", (_kind, kind) => {
    const attributes = {
      agent_name: "agent",
      ...USAGE,
      "pydantic_ai.all_messages": json(MESSAGES),
    };
    const mapped = mapSpan(buildSpan(attributes, { name: "agent run", kind }));
    expect(mapped.usageIsAggregate).toBe(true);
    expect(mapped.usage.input).toBeNull();
  });

  it("should read a structured final result as JSON", () => {
    const mapped = mapRun({
      "pydantic_ai.all_messages": json(MESSAGES),
      final_result: json({ city: "Paris", country: "France" }),
    });
    expect(mapped.output).toEqual({ city: "Paris", country: "France" });
  });

  it("should read version 1's all_messages_events, the choice as the assistant's", () => {
    const events = [
      { role: "system", content: "Be brief.", "event.name": "gen_ai.system.message" },
      { role: "user", content: "Hi", "event.name": "gen_ai.user.message" },
      { index: 0, message: { content: "Hello" }, "event.name": "gen_ai.choice" },
    ];
    const mapped = mapRun({ agent_name: "agent", all_messages_events: json(events) }, "agent run");
    expect(mapped.input).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello" },
    ]);
  });

  it.each<[string, Record<string, AttributeInput>]>([
    ["a final_result without pydantic-ai's agent_name", { final_result: "x" }],
    ["an agent_name alone", { agent_name: "crew" }],
  ])("should leave %s alone", (_name, attributes) => {
    const mapped = mapRun({ ...attributes, ...USAGE });
    expect(mapped.type).toBe("SPAN");
    expect(mapped.output).toBeNull();
    expect(mapped.usage.input).toBe(51);
  });
});
