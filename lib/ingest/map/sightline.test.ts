import { describe, expect, it } from "vitest";

import { mapSpan } from "./map-span";
import { buildSpan, json } from "./test-builders";

describe("Sightline attributes", () => {
  it("should read type, feature, tags, release and environment", () => {
    const mapped = mapSpan(
      buildSpan({
        "sightline.type": "agent",
        "sightline.feature": "ticket-triage",
        "sightline.tags": ["a", "b", "a"],
        "sightline.release": "v2",
        "sightline.environment": "prod",
      }),
    );
    expect(mapped).toMatchObject({
      type: "AGENT",
      feature: "ticket-triage",
      tags: ["a", "b"],
      release: "v2",
      environment: "prod",
    });
  });

  it.each([
    ["an array", ["x", "y"]],
    ["a comma string", " x , y ,, "],
    ["a JSON array string", json(["x", "y"])],
  ] as const)("should read sightline.tags given as %s", (_label, tags) => {
    expect(mapSpan(buildSpan({ "sightline.tags": tags })).tags).toEqual(["x", "y"]);
  });

  it("should coerce a numeric user id to text", () => {
    expect(mapSpan(buildSpan({ "user.id": 12345 })).userId).toBe("12345");
  });

  it("should ignore empty strings", () => {
    const mapped = mapSpan(buildSpan({ "user.id": "  ", "sightline.feature": "" }));
    expect(mapped.userId).toBeNull();
    expect(mapped.feature).toBeNull();
  });

  it("should warn about an unknown sightline.type and fall through", () => {
    const mapped = mapSpan(
      buildSpan({ "sightline.type": "llm", "openinference.span.kind": "LLM" }),
    );
    expect(mapped.type).toBe("GENERATION");
    expect(mapped.warnings).toEqual(['sightline.type has unknown observation type "llm"; ignored']);
  });
});

describe("sightline metadata", () => {
  it("collects sightline.metadata.<key> attributes into metadata", () => {
    const mapped = mapSpan(
      buildSpan({ "sightline.metadata.tenant": "acme", "sightline.metadata.retries": 2 }),
    );
    expect(mapped.metadata).toMatchObject({ tenant: "acme", retries: 2 });
    expect(mapped.mappingReport).toContainEqual({
      field: "metadata",
      source: "sightline.metadata.*",
    });
  });

  it("sets no metadata without such attributes", () => {
    expect(mapSpan(buildSpan({ "user.id": "u1" })).metadata).toEqual({});
  });
});
