import { isRecord, type AttributeReader } from "./attributes";
import type { ConventionMapper, ConventionResult, Sourced } from "./convention-result";
import { readPartsMessages } from "./gen-ai-messages";
import { normalizeChatMessages } from "./messages";

/**
 * pydantic-ai's agent run span (`agent run`, later `invoke_agent <name>`): at its end it carries
 * the whole conversation, `pydantic_ai.all_messages` (GenAI parts, with the instructions apart in
 * `gen_ai.system_instructions`; version 1 wrote `all_messages_events`, one GenAI event body per
 * message), and `final_result`, the run's output (text, or JSON of a structured output). Its
 * gen_ai.usage.* counts are the sum of its model requests, which are spans of their own. Its model
 * calls and tools carry the GenAI attributes, read in gen-ai.ts.
 */

const ALL_MESSAGES_KEY = "pydantic_ai.all_messages";
const ALL_MESSAGES_EVENTS_KEY = "all_messages_events";
const FINAL_RESULT_KEY = "final_result";
/** Set on every run span from the first versions on: `final_result` alone is read beside it. */
const AGENT_NAME_KEY = "agent_name";

export const mapPydanticAi: ConventionMapper = ({ attributes }) => {
  const messagesKey = [ALL_MESSAGES_KEY, ALL_MESSAGES_EVENTS_KEY].find((key) =>
    attributes.has(key),
  );
  const hasResult = attributes.has(AGENT_NAME_KEY) && attributes.has(FINAL_RESULT_KEY);
  if (messagesKey === undefined && !hasResult) return {};

  const result: ConventionResult = {};
  const source = messagesKey ?? FINAL_RESULT_KEY;
  // Versions before gen_ai.operation.name typed the run only by these attributes. A run is
  // always in-process: its usage is the sum of its model requests, whatever its span kind.
  result.type = { value: "AGENT", source };
  result.usageIsAggregate = { value: true, source };

  result.input =
    messagesKey === ALL_MESSAGES_KEY
      ? readPartsMessages(attributes, ALL_MESSAGES_KEY, "")
      : readMessageEvents(attributes);
  result.output = attributes.readSourcedJson(FINAL_RESULT_KEY);
  return result;
};

/** Version 1's event bodies: `{ role, content }`, or a choice's `{ index, message }`. */
function readMessageEvents(attributes: AttributeReader): Sourced<unknown> | undefined {
  const events = attributes.readJson(ALL_MESSAGES_EVENTS_KEY);
  if (events === undefined) return undefined;

  const bodies = Array.isArray(events)
    ? events.map((event) =>
        isRecord(event) && event.role === undefined && isRecord(event.message)
          ? { role: "assistant", ...event.message }
          : event,
      )
    : events;
  return { value: normalizeChatMessages(bodies) ?? events, source: ALL_MESSAGES_EVENTS_KEY };
}
