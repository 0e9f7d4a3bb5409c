import { describe, expect, it } from "vitest";
import { mapSpan } from "../ingest/map/map-span";
import { buildSpan, json } from "../ingest/map/test-builders";
import { estimateUsage } from "./estimate-usage";

describe("estimateUsage", () => {
  it("counts the text of a generation that reported no tokens", () => {
    const mapped = mapSpan(
      buildSpan({
        "gen_ai.operation.name": "chat",
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.input.messages": json([
          { role: "user", parts: [{ type: "text", content: "hello world" }] },
        ]),
        "gen_ai.output.messages": json([
          { role: "assistant", parts: [{ type: "text", content: "hi there, friend" }] },
        ]),
      }),
    );
    const usage = estimateUsage(mapped);
    expect(usage?.input).toBeGreaterThan(0);
    expect(usage?.output).toBeGreaterThan(0);
    expect(usage?.total).toBe((usage?.input ?? 0) + (usage?.output ?? 0));
  });

  it("does not estimate when the client reported tokens", () => {
    const mapped = mapSpan(
      buildSpan({
        "gen_ai.operation.name": "chat",
        "gen_ai.usage.input_tokens": 5,
        "gen_ai.input.messages": json([
          { role: "user", parts: [{ type: "text", content: "hello" }] },
        ]),
      }),
    );
    expect(estimateUsage(mapped)).toBeNull();
  });

  it("does not estimate for an outer call whose children report the tokens", () => {
    const mapped = mapSpan(
      buildSpan({ "ai.operationId": "ai.embed", "ai.model.id": "m", "ai.value": '"sunny day"' }),
    );
    expect(mapped.type).toBe("EMBEDDING");
    expect(estimateUsage(mapped)).toBeNull();
  });

  it("does not estimate for spans that are not model calls", () => {
    expect(estimateUsage(mapSpan(buildSpan({ "input.value": "some text" })))).toBeNull();
  });
});

describe("estimateUsage for failed calls", () => {
  it("does not bill a call that failed without an answer", () => {
    const mapped = mapSpan(
      buildSpan(
        {
          "gen_ai.operation.name": "chat",
          "gen_ai.input.messages": json([
            { role: "user", parts: [{ type: "text", content: "hello" }] },
          ]),
        },
        { status: { code: 2, message: "429 rate limited" } },
      ),
    );
    expect(estimateUsage(mapped)).toBeNull();
  });
});
