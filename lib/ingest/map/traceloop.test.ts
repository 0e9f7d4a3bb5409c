import { describe, expect, it } from "vitest";

import type { ObservationType } from "@/lib/ingest/types";

import { mapSpan } from "./map-span";
import { buildSpan, json } from "./test-builders";

// Regression (langfuse/langfuse#5457): OpenLLMetry's workflow and task spans (LangGraph, the
// Traceloop decorators) carry their input and output only in traceloop.entity.input|output; they
// were shown empty, and a trace rooted in a workflow had no input or output either.
describe("OpenLLMetry traceloop attributes", () => {
  it.each<[string, ObservationType]>([
    ["workflow", "CHAIN"],
    ["task", "CHAIN"],
    ["agent", "AGENT"],
    ["tool", "TOOL"],
    ["unknown", "SPAN"],
  ])("should type a traceloop.span.kind %s as %s", (kind, type) => {
    expect(mapSpan(buildSpan({ "traceloop.span.kind": kind })).type).toBe(type);
  });

  it("should read the entity's input and output as JSON", () => {
    const mapped = mapSpan(
      buildSpan({
        "traceloop.span.kind": "workflow",
        "traceloop.entity.name": "joke_workflow",
        "traceloop.entity.input": json({ args: [], kwargs: { input: "tell me a joke" } }),
        "traceloop.entity.output": json({ setup: "Why?", punchline: "Because." }),
      }),
    );
    expect(mapped.input).toEqual({ args: [], kwargs: { input: "tell me a joke" } });
    expect(mapped.output).toEqual({ setup: "Why?", punchline: "Because." });
    expect(mapped.mappingReport).toContainEqual({
      field: "input",
      source: "traceloop.entity.input",
    });
  });

  it("should take association properties as metadata, user and session", () => {
    const mapped = mapSpan(
      buildSpan({
        "traceloop.association.properties.user_id": "u-1",
        "traceloop.association.properties.session_id": "s-1",
        "traceloop.association.properties.chat_id": "c-1",
      }),
    );
    expect(mapped).toMatchObject({
      userId: "u-1",
      sessionId: "s-1",
      metadata: { user_id: "u-1", session_id: "s-1", chat_id: "c-1" },
    });
  });

  it("should leave a model call's type and messages to the GenAI attributes", () => {
    const mapped = mapSpan(
      buildSpan({
        "llm.request.type": "chat",
        "traceloop.span.kind": "task",
        "gen_ai.prompt.0.role": "user",
        "gen_ai.prompt.0.content": "hi",
        "traceloop.entity.input": json({ args: ["hi"], kwargs: {} }),
      }),
    );
    expect(mapped.type).toBe("GENERATION");
    expect(mapped.input).toEqual([{ role: "user", content: "hi" }]);
  });
});
