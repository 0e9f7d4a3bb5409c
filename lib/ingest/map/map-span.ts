import type { DecodedSpan, MappedSpan, MappingSource } from "@/lib/ingest/types";

import { AttributeReader } from "./attributes";
import type {
  ConventionMapper,
  ConventionResult,
  MappingContext,
  Sourced,
} from "./convention-result";
import { mapGenAi } from "./gen-ai";
import { mapGeneric } from "./generic";
import { mapGoogleAdk } from "./google-adk";
import { mapLangfuse } from "./langfuse";
import { mapOpenInference } from "./openinference";
import { mapPydanticAi } from "./pydantic-ai";
import { mapSightline } from "./sightline";
import { mapTraceloop } from "./traceloop";
import { mapVercelAi } from "./vercel-ai";

/**
 * Precedence, highest first; each observation field comes from the first convention that set it:
 *
 * 1. sightline  — `sightline.*`, `user.id`, `session.id`: set on purpose for this platform.
 * 2. langfuse   — `langfuse.*`: also explicit; a user who sets langfuse.observation.type or
 *                 usage_details means it to override whatever an instrumentation inferred.
 * 3. openinference — instrumentations that own the whole span and type it explicitly
 *                 (openinference.span.kind); they sometimes copy gen_ai.* too, less completely.
 * 4. vercel-ai  — `ai.*`: the AI SDK's own, richer view of its spans; from v6 it also writes
 *                 gen_ai.* on provider calls, which must not override ai.operationId typing.
 * 5. pydantic-ai — its agent run span's whole conversation and final result, which its
 *                 gen_ai.system_instructions beside them must not reduce to the instructions.
 * 6. gen-ai     — OTel GenAI semconv: the common denominator, still evolving (old and new names).
 * 7. google-adk — `gcp.vertex.agent.*`: Google ADK's model requests and responses and tool calls
 *                 as JSON, for what its gen_ai.* attributes leave out (they win where they speak).
 * 8. traceloop  — OpenLLMetry's `traceloop.*`: the app's workflows, tasks, agents and tools; its
 *                 model calls are typed by gen-ai (llm.request.type), which knows them better.
 * 9. generic    — status, exception events, resource attributes; type defaults to SPAN.
 *
 * Exceptions to "first wins": tags are the union of all conventions (in this order, deduped);
 * metadata and modelParameters are merged key by key, higher precedence winning; usage is taken
 * whole from one convention (mixing conventions would mix counting rules). A span that any
 * convention recognizes as an aggregate of its children (Vercel's outer spans, an in-process
 * invoke_agent, pydantic-ai's agent run) reports no usage unless sightline or langfuse gave some
 * on purpose, and no tokens are estimated from its text. OpenInference does not override that:
 * its counts on such spans are copies (openinference-vercel copies gen_ai.usage.* of invoke_agent
 * into llm.token_count.*), and Phoenix users, like Langfuse users, expect a trace's tokens counted
 * once. A zero-duration span is not made an EVENT: only an explicit type does.
 *
 * The completion start (time to first token) follows "first wins" too: Langfuse's timestamp,
 * then the AI SDK's delay, then the GenAI conventions', then Strands Agents' milliseconds (see
 * completion-start.ts). OpenInference and OpenLLMetry define no attribute for it.
 */
/** Conventions an app sets on purpose: their usage stands even on an aggregate span. */
const EXPLICIT_CONVENTIONS: ReadonlySet<string> = new Set(["sightline", "langfuse"]);

const CONVENTIONS: ReadonlyArray<readonly [string, ConventionMapper]> = [
  ["sightline", mapSightline],
  ["langfuse", mapLangfuse],
  ["openinference", mapOpenInference],
  ["vercel-ai", mapVercelAi],
  ["pydantic-ai", mapPydanticAi],
  ["gen-ai", mapGenAi],
  ["google-adk", mapGoogleAdk],
  ["traceloop", mapTraceloop],
  ["generic", mapGeneric],
];

type FirstWinsKey = Exclude<
  keyof ConventionResult,
  "usage" | "usageIsAggregate" | "clientCost" | "tags" | "metadata" | "modelParameters"
>;

/** Maps a decoded span to the observation fields Sightline understands. Never throws. */
export function mapSpan(span: DecodedSpan): MappedSpan {
  const warnings: string[] = [];
  const context: MappingContext = {
    span,
    attributes: new AttributeReader(span.attributes, warnings),
    resource: new AttributeReader(span.resource.attributes, warnings),
    warnings,
  };
  const results = CONVENTIONS.map(([name, map]) => runConvention(name, map, context));
  const report: MappingSource[] = [];

  const pick = <K extends FirstWinsKey>(key: K): ConventionResult[K] => {
    const found = results.find((result) => result[key] !== undefined)?.[key];
    if (found) report.push({ field: key, source: found.source });
    return found;
  };

  const type = pick("type");
  if (!type) report.push({ field: "type", source: "default" });
  const requestModel = pick("requestModel");
  const responseModel = pick("responseModel");
  const model = responseModel ?? requestModel;
  if (model) report.push({ field: "model", source: model.source });

  const usageIsAggregate = results.some((result) => result.usageIsAggregate);
  const usage = pickUsage(results, usageIsAggregate);
  const clientCost = results.find((result) => result.clientCost)?.clientCost;
  report.push(...(usage?.sources ?? []), ...(clientCost?.sources ?? []));

  return {
    span,
    type: type?.value ?? "SPAN",
    level: pick("level")?.value ?? "DEFAULT",
    statusMessage: pick("statusMessage")?.value ?? null,
    completionStartNs: pick("completionStart")?.value ?? null,
    model: model?.value ?? null,
    requestModel: requestModel?.value ?? null,
    responseModel: responseModel?.value ?? null,
    provider: pick("provider")?.value ?? null,
    modelParameters: mergeRecords(results, "modelParameters", report),
    usage: usage?.usage ?? emptyUsage(),
    usageIsAggregate: usageIsAggregate && !usage,
    clientCost: clientCost?.cost ?? null,
    input: pick("input")?.value ?? null,
    output: pick("output")?.value ?? null,
    userId: pick("userId")?.value ?? null,
    sessionId: pick("sessionId")?.value ?? null,
    feature: pick("feature")?.value ?? null,
    tags: unionTags(results, report),
    environment: pick("environment")?.value ?? null,
    release: pick("release")?.value ?? null,
    version: pick("version")?.value ?? null,
    traceName: pick("traceName")?.value ?? null,
    traceInput: pick("traceInput")?.value ?? null,
    traceOutput: pick("traceOutput")?.value ?? null,
    metadata: mergeRecords(results, "metadata", report) ?? {},
    mappingReport: report,
    warnings,
  };
}

function runConvention(
  name: string,
  map: ConventionMapper,
  context: MappingContext,
): ConventionResult {
  try {
    return map(context);
  } catch (error) {
    // A bug in one convention must not lose the span; the others still apply.
    const message = error instanceof Error ? error.message : String(error);
    context.warnings.push(`${name} mapping failed: ${message}`);
    return {};
  }
}

function pickUsage(results: ConventionResult[], usageIsAggregate: boolean) {
  const found = results.findIndex((result, index) => {
    const name = CONVENTIONS[index]?.[0] ?? "";
    return result.usage && (!usageIsAggregate || EXPLICIT_CONVENTIONS.has(name));
  });
  return found === -1 ? undefined : results[found]?.usage;
}

function mergeRecords(
  results: ConventionResult[],
  key: "metadata" | "modelParameters",
  report: MappingSource[],
): Record<string, unknown> | null {
  const found = results.flatMap((result) => (result[key] ? [result[key]] : []));
  if (found.length === 0) return null;

  const merged: Record<string, unknown> = {};
  for (const part of [...found].reverse()) Object.assign(merged, part.value);
  report.push({ field: key, source: joinSources(found) });
  return merged;
}

function unionTags(results: ConventionResult[], report: MappingSource[]): string[] {
  const found = results.flatMap((result) => (result.tags ? [result.tags] : []));
  if (found.length === 0) return [];

  report.push({ field: "tags", source: joinSources(found) });
  return [...new Set(found.flatMap((tags) => tags.value))];
}

function joinSources(values: ReadonlyArray<Sourced<unknown>>): string {
  return values.map((value) => value.source).join(", ");
}

function emptyUsage(): MappedSpan["usage"] {
  return {
    input: null,
    output: null,
    total: null,
    cacheRead: null,
    cacheWrite: null,
    reasoning: null,
    audioInput: null,
    audioOutput: null,
    imageInput: null,
  };
}
