import type { ObservationType } from "@/lib/ingest/types";

import type { AttributeReader } from "./attributes";
import type { ConventionMapper, ConventionResult, Sourced } from "./convention-result";

/**
 * OpenLLMetry's own attributes (the Traceloop SDKs' workflow, task, agent and tool decorators and
 * its framework instrumentations): `traceloop.span.kind`, the entity's input and output as JSON
 * (`traceloop.entity.input|output`), and `traceloop.association.properties.*`, the app's keys for
 * the whole call, which become metadata (`user_id` and `session_id` also the user and session).
 * Its model calls carry the GenAI attributes, read in gen-ai.ts.
 */

const SPAN_KINDS: Record<string, ObservationType> = {
  workflow: "CHAIN",
  task: "CHAIN",
  agent: "AGENT",
  tool: "TOOL",
};

const ASSOCIATION_PREFIX = "traceloop.association.properties.";

export const mapTraceloop: ConventionMapper = ({ attributes }) => {
  const result: ConventionResult = {};

  result.type = readSpanKind(attributes);
  result.input = attributes.readSourcedJson("traceloop.entity.input");
  result.output = attributes.readSourcedJson("traceloop.entity.output");

  result.userId = attributes.readFirstString(`${ASSOCIATION_PREFIX}user_id`);
  result.sessionId = attributes.readFirstString(`${ASSOCIATION_PREFIX}session_id`);
  result.metadata = readAssociationProperties(attributes);
  return result;
};

function readSpanKind(attributes: AttributeReader): Sourced<ObservationType> | undefined {
  const kind = attributes.readString("traceloop.span.kind");
  const type = kind === null ? undefined : SPAN_KINDS[kind.trim().toLowerCase()];
  return type ? { value: type, source: "traceloop.span.kind" } : undefined;
}

function readAssociationProperties(
  attributes: AttributeReader,
): Sourced<Record<string, unknown>> | undefined {
  const keys = attributes.keysWithPrefix(ASSOCIATION_PREFIX);
  if (keys.length === 0) return undefined;

  const properties: Record<string, unknown> = {};
  for (const key of keys)
    properties[key.slice(ASSOCIATION_PREFIX.length)] = attributes.readJson(key);
  return { value: properties, source: `${ASSOCIATION_PREFIX}*` };
}
