import { afterEach, describe, expect, it, vi } from "vitest";

import { MASK_FAILED, observe, shutdown, startGeneration, startRetrieval } from "./index";
import { createTestClient, jsonAttribute } from "./testing/test-client";
import type { MaskFunction } from "./types";

const redactEmails: MaskFunction = (value) =>
  JSON.parse(JSON.stringify(value).replace(/[\w.]+@[\w.]+/g, "<email>"));

afterEach(async () => {
  await shutdown();
});

describe("mask", () => {
  it("should rewrite input and output before they are written", async () => {
    const mask = vi.fn(redactEmails);
    const { exportedSpan } = createTestClient({ mask });

    observe((email: string) => `sent to ${email}`, { name: "notify" })("ann@example.com");

    const span = await exportedSpan("notify");
    expect(span.attributes["input.value"]).toBe("<email>");
    expect(span.attributes["output.value"]).toBe("sent to <email>");
    expect(mask).toHaveBeenCalledWith("ann@example.com", { field: "input", spanName: "notify" });
    expect(mask).toHaveBeenCalledWith("sent to ann@example.com", {
      field: "output",
      spanName: "notify",
    });
  });

  it("should mask generation messages and retrieved documents", async () => {
    const { exportedSpans } = createTestClient({ mask: redactEmails });

    startGeneration({ name: "gen", input: "mail bob@corp.io" }).end({ output: "ok bob@corp.io" });
    startRetrieval({ name: "docs" }).end({
      documents: [{ id: "1", content: "contact eve@corp.io" }],
    });

    const spans = await exportedSpans();
    const generation = spans.find((span) => span.name === "gen")!;
    expect(JSON.stringify(jsonAttribute(generation, "gen_ai.input.messages"))).toContain("<email>");
    expect(JSON.stringify(jsonAttribute(generation, "gen_ai.output.messages"))).not.toContain(
      "bob@corp.io",
    );
    const retrieval = spans.find((span) => span.name === "docs")!;
    expect(retrieval.attributes["retrieval.documents.0.document.content"]).toBe("contact <email>");
  });

  it("should swap the value for a marker when the mask throws, and not fail the call", async () => {
    const { exportedSpan } = createTestClient({
      mask: () => {
        throw new Error("broken mask");
      },
    });

    const result = observe((text: string) => text.length, { name: "masked-call" })("secret");

    expect(result).toBe(6);
    const span = await exportedSpan("masked-call");
    expect(span.attributes["input.value"]).toBe(MASK_FAILED);
    expect(span.attributes["output.value"]).toBe(MASK_FAILED);
  });
});

describe("captured values", () => {
  it.each([
    [
      "a cycle",
      () => {
        const value: Record<string, unknown> = { name: "loop" };
        value.self = value;
        return value;
      },
      '{"name":"loop","self":"[Circular]"}',
    ],
    ["a bigint", () => ({ big: 10n }), '{"big":"10"}'],
    ["an error", () => new Error("boom"), '{"name":"Error","message":"boom"}'],
    [
      "a map and a set",
      () => ({ map: new Map([["k", 1]]), set: new Set([1]) }),
      '{"map":{"k":1},"set":[1]}',
    ],
    [
      "a shared, non-cyclic reference",
      () => {
        const shared = { x: 1 };
        return [shared, shared];
      },
      '[{"x":1},{"x":1}]',
    ],
  ])("should serialize %s without throwing", async (_case, build, expected) => {
    const { exportedSpan } = createTestClient();

    observe(() => build(), { name: "serialize" })();

    expect((await exportedSpan("serialize")).attributes["output.value"]).toBe(expected);
  });
});
