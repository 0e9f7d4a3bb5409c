import type { Attributes } from "@opentelemetry/api";

import { ATTRIBUTES, OPERATIONS } from "./attribute-names";
import { Generation, modelCallAttributes } from "./generation";
import { Observation, startSpanSafely } from "./observation";
import { Retrieval } from "./retrieval";
import type { ObservationRuntime } from "./runtime";
import { runSafely } from "./run-safely";
import type {
  ObservationType,
  StartGenerationOptions,
  StartObservationOptions,
  StartToolOptions,
  StartTypedObservationOptions,
} from "./types";

type ObservationClass<T extends Observation> = new (
  ...args: ConstructorParameters<typeof Observation>
) => T;

/** Starts a model call: `gen_ai.operation.name = chat`, model, provider and settings. */
export function startGenerationWith(
  runtime: ObservationRuntime,
  options: StartGenerationOptions,
): Generation {
  return start(runtime, Generation, "GENERATION", options, () =>
    modelCallAttributes(OPERATIONS.chat, options),
  );
}

/** Starts an embedding call: `gen_ai.operation.name = embeddings`. */
export function startEmbeddingWith(
  runtime: ObservationRuntime,
  options: StartGenerationOptions,
): Generation {
  return start(runtime, Generation, "EMBEDDING", options, () =>
    modelCallAttributes(OPERATIONS.embeddings, options),
  );
}

/** Starts a retrieval step; its input is usually the query. */
export function startRetrievalWith(
  runtime: ObservationRuntime,
  options: StartObservationOptions,
): Retrieval {
  return start(runtime, Retrieval, "RETRIEVER", options, () => ({}));
}

/** Starts a tool call: `gen_ai.operation.name = execute_tool`, tool name and call id. */
export function startToolWith(runtime: ObservationRuntime, options: StartToolOptions): Observation {
  return start(runtime, Observation, "TOOL", options, () => {
    const attributes: Attributes = {
      [ATTRIBUTES.operationName]: OPERATIONS.executeTool,
      [ATTRIBUTES.toolName]: options.name,
    };
    if (options.toolCallId) attributes[ATTRIBUTES.toolCallId] = options.toolCallId;
    return attributes;
  });
}

/** Starts an agent run: `gen_ai.operation.name = invoke_agent` and the agent's name. */
export function startAgentWith(
  runtime: ObservationRuntime,
  options: StartObservationOptions,
): Observation {
  return start(runtime, Observation, "AGENT", options, () => ({
    [ATTRIBUTES.operationName]: OPERATIONS.invokeAgent,
    [ATTRIBUTES.agentName]: options.name,
  }));
}

/** Starts a chain: a step grouping other steps (a pipeline, a turn). */
export function startChainWith(
  runtime: ObservationRuntime,
  options: StartObservationOptions,
): Observation {
  return start(runtime, Observation, "CHAIN", options, () => ({}));
}

/** Starts an observation of any type (SPAN by default), e.g. GUARDRAIL or EVALUATOR. */
export function startObservationWith(
  runtime: ObservationRuntime,
  options: StartTypedObservationOptions,
): Observation {
  return start(runtime, Observation, options?.type ?? "SPAN", options, () => ({}));
}

function start<T extends Observation>(
  runtime: ObservationRuntime,
  Handle: ObservationClass<T>,
  type: ObservationType,
  options: StartObservationOptions,
  typeAttributes: () => Attributes,
): T {
  const name = typeof options?.name === "string" && options.name !== "" ? options.name : type;
  const attributes = runSafely(runtime.log, "read options", typeAttributes, {});
  const { span, parentContext } = startSpanSafely(runtime, type, { ...options, name }, attributes);
  return new Handle(span, type, name, parentContext, runtime);
}
