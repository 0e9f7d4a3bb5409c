// Shapes from peer projects' bug reports, sent as OTLP and read back through the public API: an
// OpenLLMetry workflow (langfuse/langfuse#5457) whose input and output become the trace's, a
// Strands Agents tool span with its result in a gen_ai.choice event (opensearch-project/
// agent-health#319), and a pydantic-ai tool span (langfuse/langfuse#9287).
import { describe, expect, it } from "vitest";

import { attribute, stringAttribute, stringValue } from "../../lib/otlp/test-builders";
import { getTrace, newSpanId, newTraceId, postSpans, span } from "./ingest-helpers";

describe("peer projects' edge cases", () => {
  it("should show the input and output of OpenLLMetry, Strands and pydantic-ai spans", async () => {
    const traceId = newTraceId();
    const [workflowId, strandsId, pydanticId] = [newSpanId(), newSpanId(), newSpanId()];
    const workflow = span(traceId, workflowId, "", "joke_workflow.workflow", 0, 100, {
      attributes: [
        stringAttribute("traceloop.span.kind", "workflow"),
        stringAttribute("traceloop.entity.input", JSON.stringify({ args: ["a joke"], kwargs: {} })),
        stringAttribute("traceloop.entity.output", JSON.stringify({ joke: "Two tired." })),
        stringAttribute("traceloop.association.properties.user_id", "u-42"),
      ],
    });
    const strandsTool = span(traceId, strandsId, workflowId, "execute_tool calculator", 10, 20, {
      attributes: [
        stringAttribute("gen_ai.operation.name", "execute_tool"),
        stringAttribute("gen_ai.tool.name", "calculator"),
      ],
      events: [
        {
          name: "gen_ai.choice",
          timeUnixNano: "0",
          attributes: [attribute("message", stringValue(JSON.stringify([{ text: "5" }])))],
        },
      ],
    });
    const pydanticTool = span(traceId, pydanticId, workflowId, "running tool", 30, 40, {
      attributes: [
        stringAttribute("gen_ai.operation.name", "execute_tool"),
        stringAttribute("gen_ai.tool.name", "roll_die"),
        stringAttribute("tool_arguments", JSON.stringify({ sides: 6 })),
        stringAttribute("tool_response", "4"),
      ],
    });

    const response = await postSpans([workflow, strandsTool, pydanticTool]);
    expect(response.status).toBe(200);

    const trace = await getTrace(traceId);
    expect(trace).toMatchObject({
      userId: "u-42",
      input: { args: ["a joke"], kwargs: {} },
      output: { joke: "Two tired." },
    });
    const byId = new Map(trace.observations.map((observation) => [observation.id, observation]));
    expect(byId.get(workflowId)?.type).toBe("CHAIN");
    expect(byId.get(strandsId)?.output).toEqual([{ role: "assistant", content: "5" }]);
    expect(byId.get(pydanticId)).toMatchObject({
      type: "TOOL",
      input: { sides: 6 },
      output: "4",
    });
  });
});
