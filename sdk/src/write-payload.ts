import type { Span } from "@opentelemetry/api";

import { ATTRIBUTES } from "./attribute-names";
import type { ObservationRuntime } from "./runtime";
import { describeError } from "./run-safely";
import { toJsonText } from "./serialize-value";
import type { ObservationType } from "./types";

// How captured inputs and outputs are written (one scheme, documented in the README):
// - GENERATION: OTel GenAI `gen_ai.input.messages` / `gen_ai.output.messages`, JSON in the
//   semconv message shape (`{ role, parts: [{ type: "text", content }] }`). A plain string
//   becomes one user (input) or assistant (output) message; `{ role, content: "text" }` messages
//   are converted; anything else is written as JSON unchanged.
// - every other type: OpenInference `input.value` / `output.value`, the text itself with
//   mime type `text/plain` for a string, else JSON with `application/json`.
// Masking applies first, whatever the type.

/** What a masked value becomes when the mask hook throws. */
export const MASK_FAILED = "[mask failed]";

type Field = "input" | "output";

/** Runs the app's mask hook; a hook that throws yields {@link MASK_FAILED}. */
export function applyMask(
  runtime: ObservationRuntime,
  value: unknown,
  field: Field,
  spanName: string,
): unknown {
  if (!runtime.mask) return value;
  try {
    return runtime.mask(value, { field, spanName });
  } catch (error) {
    runtime.log.debug(`mask failed on the ${field} of "${spanName}"`, describeError(error));
    return MASK_FAILED;
  }
}

/** Masks and writes an observation's input. `undefined` writes nothing. */
export function writeInput(
  runtime: ObservationRuntime,
  span: Span,
  spanName: string,
  type: ObservationType,
  value: unknown,
): void {
  if (value === undefined) return;
  const masked = applyMask(runtime, value, "input", spanName);

  if (type === "GENERATION") {
    span.setAttribute(ATTRIBUTES.inputMessages, toJsonText(toMessages(masked, "user")));
    return;
  }
  writeValue(span, ATTRIBUTES.inputValue, ATTRIBUTES.inputMimeType, masked);
}

/** Masks and writes an observation's output. `undefined` writes nothing. */
export function writeOutput(
  runtime: ObservationRuntime,
  span: Span,
  spanName: string,
  type: ObservationType,
  value: unknown,
  finishReason?: string,
): void {
  if (value === undefined) return;
  const masked = applyMask(runtime, value, "output", spanName);

  if (type === "GENERATION") {
    const messages = toMessages(masked, "assistant", finishReason);
    span.setAttribute(ATTRIBUTES.outputMessages, toJsonText(messages));
    return;
  }
  writeValue(span, ATTRIBUTES.outputValue, ATTRIBUTES.outputMimeType, masked);
}

/** Writes an already masked value in the OpenInference `*.value` form. */
export function writeValue(span: Span, valueKey: string, mimeKey: string, value: unknown): void {
  if (typeof value === "string") {
    span.setAttribute(valueKey, value);
    span.setAttribute(mimeKey, "text/plain");
    return;
  }
  span.setAttribute(valueKey, toJsonText(value));
  span.setAttribute(mimeKey, "application/json");
}

function toMessages(value: unknown, defaultRole: string, finishReason?: string): unknown {
  const finish = finishReason === undefined ? {} : { finish_reason: finishReason };

  if (typeof value === "string") {
    return [{ role: defaultRole, parts: [{ type: "text", content: value }], ...finish }];
  }
  if (isMessage(value)) return [convertMessage(value, finish)];
  if (Array.isArray(value) && value.length > 0 && value.every(isMessage)) {
    return value.map((message) => convertMessage(message, finish));
  }
  return value;
}

interface LooseMessage {
  role: string;
  content?: unknown;
  [key: string]: unknown;
}

function isMessage(value: unknown): value is LooseMessage {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { role?: unknown }).role === "string"
  );
}

/**
 * `{ role, content: "text" }` → `{ role, parts: [{ type: "text", content }] }`; others as sent.
 */
function convertMessage(message: LooseMessage, finish: object): unknown {
  if (typeof message.content !== "string") return message;

  const { content, ...rest } = message;
  const withParts = { ...rest, parts: [{ type: "text", content }] };
  return message.role === "assistant" ? { ...finish, ...withParts } : withParts;
}
