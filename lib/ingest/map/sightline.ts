import type {
  ConventionMapper,
  ConventionResult,
  MappingContext,
  Sourced,
} from "./convention-result";
import { parseObservationType } from "./observation-kinds";
import type { ObservationType } from "@/lib/ingest/types";

const METADATA_PREFIX = "sightline.metadata.";

/**
 * Sightline's own attributes (set by our SDK, or by hand) and the cross-vendor `user.id` /
 * `session.id` that the Langfuse SDKs, OpenInference and many apps set the same way.
 */
export const mapSightline: ConventionMapper = (context) => {
  const { attributes } = context;
  const result: ConventionResult = {};

  result.type = readType(context);

  result.userId = attributes.readFirstString("user.id");
  result.sessionId = attributes.readFirstString("session.id");
  result.feature = attributes.readFirstString("sightline.feature");

  const tags = attributes.readStringList("sightline.tags");
  if (tags && tags.length > 0) result.tags = { value: tags, source: "sightline.tags" };

  result.environment = attributes.readFirstString("sightline.environment");
  result.release = attributes.readFirstString("sightline.release");

  const metadataKeys = attributes.keysWithPrefix(METADATA_PREFIX);
  if (metadataKeys.length > 0) {
    const metadata: Record<string, unknown> = {};
    for (const key of metadataKeys)
      metadata[key.slice(METADATA_PREFIX.length)] = attributes.readJson(key);
    result.metadata = { value: metadata, source: `${METADATA_PREFIX}*` };
  }

  return result;
};

function readType({ attributes }: MappingContext): Sourced<ObservationType> | undefined {
  const name = attributes.readString("sightline.type");
  if (name === null) return undefined;

  const type = parseObservationType(name);
  if (type === null) {
    attributes.warn("sightline.type", `has unknown observation type ${JSON.stringify(name)}`);
    return undefined;
  }
  return { value: type, source: "sightline.type" };
}
