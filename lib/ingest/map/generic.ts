import { AttributeReader } from "./attributes";
import type { ConventionMapper, ConventionResult, MappingContext } from "./convention-result";

/**
 * What any OTel span says without an LLM convention: its status, exceptions recorded as events,
 * and resource attributes. `service.version` stands in for the release only when no convention
 * names one explicitly (langfuse.release, sightline.release), since it versions the service.
 */
export const mapGeneric: ConventionMapper = (context) => {
  const { span, resource } = context;
  const result: ConventionResult = {};

  if (span.status.code === 2) {
    result.level = { value: "ERROR", source: "status.code" };

    result.statusMessage =
      span.status.message !== ""
        ? { value: span.status.message, source: "status.message" }
        : readErrorReason(context);
  }

  result.environment = prefixSource(
    resource.readFirstString("deployment.environment.name", "deployment.environment"),
  );
  result.release = prefixSource(resource.readFirstString("service.version"));
  return result;
};

/**
 * Why a span failed when its status says nothing: the exception event's message, else its type,
 * else `error.type`, which the conventions ask for on every failed span (an HTTP span's status
 * code, a GenAI call's `timeout`) and which is often all an instrumentation records.
 */
function readErrorReason({ span, attributes, warnings }: MappingContext) {
  const exception = span.events.find((event) => event.name === "exception");
  if (exception) {
    const reader = new AttributeReader(exception.attributes, warnings);
    const reason = reader.readFirstString("exception.message", "exception.type");
    if (reason) return { value: reason.value, source: `event:exception ${reason.source}` };
  }
  return attributes.readFirstString("error.type");
}

function prefixSource<T>(value: { value: T; source: string } | undefined) {
  return value ? { value: value.value, source: `resource:${value.source}` } : undefined;
}
