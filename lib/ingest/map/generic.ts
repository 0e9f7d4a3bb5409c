import { AttributeReader } from "./attributes";
import type { ConventionMapper, ConventionResult } from "./convention-result";

/**
 * What any OTel span says without an LLM convention: its status, exceptions recorded as events,
 * and resource attributes. `service.version` stands in for the release only when no convention
 * names one explicitly (langfuse.release, sightline.release), since it versions the service.
 */
export const mapGeneric: ConventionMapper = (context) => {
  const { span, resource, warnings } = context;
  const result: ConventionResult = {};

  if (span.status.code === 2) {
    result.level = { value: "ERROR", source: "status.code" };

    if (span.status.message !== "") {
      result.statusMessage = { value: span.status.message, source: "status.message" };
    } else {
      const exception = span.events.find((event) => event.name === "exception");
      const message = exception
        ? new AttributeReader(exception.attributes, warnings).readString("exception.message")
        : null;
      if (message !== null) {
        result.statusMessage = { value: message, source: "event:exception exception.message" };
      }
    }
  }

  result.environment = prefixSource(
    resource.readFirstString("deployment.environment.name", "deployment.environment"),
  );
  result.release = prefixSource(resource.readFirstString("service.version"));
  return result;
};

function prefixSource<T>(value: { value: T; source: string } | undefined) {
  return value ? { value: value.value, source: `resource:${value.source}` } : undefined;
}
