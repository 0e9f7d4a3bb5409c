import type { ObservationParent } from "../../sdk/src/index";

import { AGENT_TASKS, type AgentTask } from "./catalog";
import {
  AGENT_SYSTEM_PROMPT,
  composeAgentAnswer,
  composePlan,
  composeReflection,
} from "./compose-reply";
import { searchDocuments } from "./search-documents";
import { runCalculator, runSearch, runWeather } from "./tools";
import type { TraceBuilder } from "./trace-builder";

type ToolCall = AgentTask["calls"][number];

interface ToolResult {
  tool: string;
  result: string;
}

const WEATHER_TIMEOUT_MS = 10_000;

/**
 * A tool-using agent: plan (a reasoning model) → tool calls (calculator, weather, search) →
 * reflect on the results → answer. Tools fail now and then: the calculator divides by zero,
 * the weather API times out. Returns the trace id.
 */
export async function runAgentLoop(
  builder: TraceBuilder,
  options: { slow: boolean },
): Promise<string> {
  const { random } = builder;
  const task = random.pick(AGENT_TASKS);
  const root = builder.open((startTime) =>
    builder.client.startAgent({ name: "ops-agent", input: task.task, startTime }),
  );

  const plan = composePlan(task);
  const conversation = [
    { role: "system" as const, content: AGENT_SYSTEM_PROMPT },
    { role: "user" as const, content: task.task },
  ];
  await builder.generation({
    name: "plan",
    parent: root,
    model: "o3-mini",
    messages: conversation,
    text: plan,
    finishReason: "tool_calls",
    modelParameters: { reasoning_effort: "medium", max_tokens: 4096 },
  });

  const results: ToolResult[] = [];
  for (const [index, call] of task.calls.entries()) {
    results.push(await runToolCall(builder, root, call, `call_${index + 1}`));
  }
  const toolMessages = results.map((entry) => ({
    role: "tool" as const,
    content: `${entry.tool}: ${entry.result}`,
  }));
  const history = [...conversation, { role: "assistant" as const, content: plan }, ...toolMessages];

  const reflection = composeReflection(results);
  await builder.generation({
    name: "reflect",
    parent: root,
    model: "claude-sonnet-4-5",
    messages: [...history, { role: "user", content: "Check the tool results before answering." }],
    text: reflection,
  });
  const answer = await builder.generation({
    name: "answer",
    parent: root,
    model: "gpt-4o",
    messages: [...history, { role: "assistant", content: reflection }],
    text: composeAgentAnswer(task, results),
    extraLatencyMs: options.slow ? random.int(42_000, 58_000) : 0,
  });

  await builder.close(root, random.int(2, 6), { output: answer.text });
  return root.traceId;
}

async function runToolCall(
  builder: TraceBuilder,
  parent: ObservationParent,
  call: ToolCall,
  toolCallId: string,
): Promise<ToolResult> {
  const { random } = builder;
  const tool = builder.open((startTime) =>
    builder.client.startTool({
      name: call.tool,
      parent,
      toolCallId,
      input: { argument: call.argument },
      startTime,
    }),
  );

  try {
    const output = await executeTool(builder, tool, call);
    await builder.close(tool, random.int(5, 40), { output });
    return { tool: call.tool, result: JSON.stringify(output) };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    builder.recordToolFailure(failure);
    const duration = failure.message.startsWith("ETIMEDOUT") ? WEATHER_TIMEOUT_MS : 3;
    await builder.close(tool, duration, { error: failure });
    return { tool: call.tool, result: `error: ${failure.message}` };
  }
}

async function executeTool(
  builder: TraceBuilder,
  tool: ObservationParent,
  call: ToolCall,
): Promise<unknown> {
  const { random } = builder;
  if (call.tool === "calculator") return runCalculator(call.argument);

  if (call.tool === "weather") {
    if (random.chance(0.12)) {
      throw new Error(
        `ETIMEDOUT: weather API did not answer within ${WEATHER_TIMEOUT_MS / 1000} s`,
      );
    }
    builder.wait(random.int(150, 600));
    return runWeather(call.argument);
  }

  const hits = searchDocuments(call.argument, 3);
  await builder.retrieval(
    "search-index",
    tool,
    call.argument,
    hits.map(({ document, score }) => ({ id: document.id, content: document.content, score })),
  );
  return runSearch(call.argument);
}
