import type { Attributes, Span } from "@opentelemetry/api";

import { ATTRIBUTES } from "./attribute-names";
import { Observation } from "./observation";
import { runSafely } from "./run-safely";
import { toAttributeValue } from "./serialize-value";
import type { EndGenerationOptions, StartGenerationOptions, TokenUsage } from "./types";

/**
 * A model call (GENERATION) or an embedding call (EMBEDDING). Its end records the answer, the
 * model that answered and the token usage in OTel GenAI attributes.
 */
export class Generation extends Observation {
  /** Ends the call with its output, usage and response model. Only the first call counts. */
  override end(options: EndGenerationOptions = {}): void {
    runSafely(
      this.runtime.log,
      `end ${this.type.toLowerCase()}`,
      () =>
        this.finish({ ...options, output: undefined }, () => {
          writeModelResult(this.span, options);
          if (options.output !== undefined) this.writeOutput(options.output, options.finishReason);
        }),
      undefined,
    );
  }
}

/** The attributes a model call starts with: operation, requested model, provider, settings. */
export function modelCallAttributes(
  operation: "chat" | "embeddings",
  options: StartGenerationOptions,
): Attributes {
  const attributes: Attributes = { [ATTRIBUTES.operationName]: operation };
  if (options.model) attributes[ATTRIBUTES.requestModel] = options.model;
  if (options.provider) {
    // gen_ai.system is the older name of gen_ai.provider.name; many backends still read only it.
    attributes[ATTRIBUTES.providerName] = options.provider;
    attributes[ATTRIBUTES.system] = options.provider;
  }
  for (const [key, value] of Object.entries(options.modelParameters ?? {})) {
    if (value !== undefined && key !== "model") {
      attributes[`${ATTRIBUTES.requestPrefix}${key}`] = toAttributeValue(value);
    }
  }
  return attributes;
}

function writeModelResult(span: Span, options: EndGenerationOptions): void {
  if (options.model) span.setAttribute(ATTRIBUTES.responseModel, options.model);
  if (options.finishReason) {
    span.setAttribute(ATTRIBUTES.responseFinishReasons, [options.finishReason]);
  }
  if (options.usage) span.setAttributes(usageAttributes(options.usage));
}

/** Token counts as `gen_ai.usage.*` attributes; missing or invalid counts are left out. */
export function usageAttributes(usage: TokenUsage): Attributes {
  const counts: Array<[string, number | undefined]> = [
    [ATTRIBUTES.inputTokens, usage.input],
    [ATTRIBUTES.outputTokens, usage.output],
    [ATTRIBUTES.cacheReadTokens, usage.cacheRead],
    [ATTRIBUTES.cacheWriteTokens, usage.cacheWrite],
    [ATTRIBUTES.reasoningTokens, usage.reasoning],
  ];

  const attributes: Attributes = {};
  for (const [key, count] of counts) {
    if (typeof count === "number" && Number.isFinite(count) && count >= 0) {
      attributes[key] = Math.round(count);
    }
  }
  return attributes;
}
