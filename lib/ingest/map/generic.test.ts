import { describe, expect, it } from "vitest";

import { mapSpan } from "./map-span";
import { buildEvent, buildSpan } from "./test-builders";

describe("generic span mapping", () => {
  it("should make an error status an ERROR level with its message", () => {
    const mapped = mapSpan(buildSpan({}, { status: { code: 2, message: "timeout" } }));
    expect(mapped.level).toBe("ERROR");
    expect(mapped.statusMessage).toBe("timeout");
    expect(mapped.mappingReport).toContainEqual({
      field: "statusMessage",
      source: "status.message",
    });
  });

  it("should take the message of an exception event when the status has none", () => {
    const span = buildSpan(
      {},
      {
        status: { code: 2, message: "" },
        events: [
          buildEvent("exception", {
            "exception.type": "RateLimitError",
            "exception.message": "429 Too Many Requests",
          }),
        ],
      },
    );
    const mapped = mapSpan(span);
    expect(mapped.statusMessage).toBe("429 Too Many Requests");
    expect(mapped.mappingReport).toContainEqual({
      field: "statusMessage",
      source: "event:exception exception.message",
    });
  });

  // Regression: a failed span whose status has no description showed no reason when its
  // exception event had a type but no message, or when it had only error.type, which the
  // conventions ask every failed span to carry ("SHOULD set span status to Error and SHOULD set
  // the error.type attribute", quoted in vercel/next.js#82212; GenAI spans set it on errors).
  it.each<[string, Parameters<typeof buildSpan>[0], string[], string, string]>([
    ["an exception type", {}, ["ValueError"], "ValueError", "event:exception exception.type"],
    ["error.type", { "error.type": "timeout" }, [], "timeout", "error.type"],
    [
      "the exception over error.type",
      { "error.type": "500" },
      ["Boom"],
      "Boom",
      "event:exception exception.type",
    ],
  ])(
    "should name %s as the reason of a failed span",
    (_label, attributes, types, message, source) => {
      const events = types.map((type) => buildEvent("exception", { "exception.type": type }));
      const mapped = mapSpan(buildSpan(attributes, { status: { code: 2, message: "" }, events }));
      expect(mapped.statusMessage).toBe(message);
      expect(mapped.mappingReport).toContainEqual({ field: "statusMessage", source });
    },
  );

  it("should not make error.type the message of a span that did not fail", () => {
    expect(mapSpan(buildSpan({ "error.type": "timeout" })).statusMessage).toBeNull();
  });

  it.each([
    ["an OK status", { code: 1, message: "" }],
    ["an unset status", { code: 0, message: "ignored" }],
  ])("should leave level DEFAULT and no message for %s", (_label, status) => {
    const mapped = mapSpan(
      buildSpan(
        {},
        { status, events: [buildEvent("exception", { "exception.message": "handled" })] },
      ),
    );
    expect(mapped.level).toBe("DEFAULT");
    expect(mapped.statusMessage).toBeNull();
  });

  it.each([
    [{ "deployment.environment.name": "prod", "deployment.environment": "old" }, "prod"],
    [{ "deployment.environment": "staging" }, "staging"],
    [{ "service.name": "x" }, null],
  ])("should read the environment from resource %j", (resourceAttributes, environment) => {
    expect(mapSpan(buildSpan({}, { resourceAttributes })).environment).toBe(environment);
  });

  it("should not read environment from span attributes named like resource ones", () => {
    expect(mapSpan(buildSpan({ "deployment.environment.name": "prod" })).environment).toBeNull();
  });

  it("should use service.version as the release fallback", () => {
    expect(
      mapSpan(buildSpan({}, { resourceAttributes: { "service.version": "3.1.0" } })).release,
    ).toBe("3.1.0");
  });
});
