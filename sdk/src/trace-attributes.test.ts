import { afterEach, describe, expect, it } from "vitest";

import {
  observe,
  setTraceAttributes,
  shutdown,
  startChain,
  startGeneration,
  withTraceAttributes,
} from "./index";
import { createTestClient } from "./testing/test-client";

afterEach(async () => {
  await shutdown();
});

describe("withTraceAttributes", () => {
  it("should copy user, session, feature, tags and metadata onto every span inside", async () => {
    const { client, exportedSpans } = createTestClient();

    await withTraceAttributes(
      {
        userId: "user-7",
        sessionId: "session-3",
        feature: "support-bot",
        tags: ["beta", "eu"],
        metadata: { plan: "pro", seats: 5, nested: { a: 1 } },
      },
      observe(
        async () => {
          startGeneration({ name: "child-generation" }).end();
          // A span created with the raw OTel tracer gets them too (the processor copies them).
          client.tracer.startSpan("raw-otel-span").end();
        },
        { name: "root" },
      ),
    );

    const spans = await exportedSpans();
    expect(spans.map((span) => span.name).sort()).toEqual([
      "child-generation",
      "raw-otel-span",
      "root",
    ]);
    for (const span of spans) {
      expect(span.attributes).toMatchObject({
        "user.id": "user-7",
        "session.id": "session-3",
        "sightline.feature": "support-bot",
        "sightline.tags": ["beta", "eu"],
        "sightline.metadata.plan": "pro",
        "sightline.metadata.seats": 5,
        "sightline.metadata.nested": '{"a":1}',
      });
    }
  });

  it("should not leak attributes outside the callback", async () => {
    const { exportedSpan } = createTestClient();

    withTraceAttributes({ userId: "inside" }, () => undefined);
    startChain({ name: "outside" }).end();

    expect((await exportedSpan("outside")).attributes["user.id"]).toBeUndefined();
  });

  it("should let a nested scope add to (not replace) the outer one", async () => {
    const { exportedSpan } = createTestClient();

    withTraceAttributes({ userId: "u1", tags: ["outer"] }, () =>
      withTraceAttributes({ sessionId: "s1", tags: ["inner"] }, () =>
        startChain({ name: "nested" }).end(),
      ),
    );

    expect((await exportedSpan("nested")).attributes).toMatchObject({
      "user.id": "u1",
      "session.id": "s1",
      "sightline.tags": ["outer", "inner"],
    });
  });
});

describe("setTraceAttributes", () => {
  it("should reach the open root span and every span started after it", async () => {
    const { exportedSpans } = createTestClient();

    await observe(
      async () => {
        setTraceAttributes({ userId: "late-user", tags: ["a"] });
        setTraceAttributes({ sessionId: "late-session", tags: ["b", "a"] });
        startGeneration({ name: "after" }).end();
      },
      { name: "handler" },
    )();

    const spans = await exportedSpans();
    expect(spans).toHaveLength(2);
    for (const span of spans) {
      expect(span.attributes).toMatchObject({
        "user.id": "late-user",
        "session.id": "late-session",
        "sightline.tags": ["a", "b"],
      });
    }
  });

  it("should apply to the active span only when no observation opened a scope", async () => {
    const { client, exportedSpan } = createTestClient();

    client.tracer.startActiveSpan("plain", (span) => {
      setTraceAttributes({ feature: "search" });
      span.end();
    });

    expect((await exportedSpan("plain")).attributes["sightline.feature"]).toBe("search");
  });

  it("should do nothing, and not throw, outside any span", () => {
    createTestClient();
    expect(() => setTraceAttributes({ userId: "nobody" })).not.toThrow();
  });
});

describe("environment and release", () => {
  it("should be written on every span", async () => {
    const { exportedSpan } = createTestClient({ environment: "staging", release: "v1.2.3" });

    startChain({ name: "anything" }).end();

    expect((await exportedSpan("anything")).attributes).toMatchObject({
      "sightline.environment": "staging",
      "sightline.release": "v1.2.3",
    });
  });
});
