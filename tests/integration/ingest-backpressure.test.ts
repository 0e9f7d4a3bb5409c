// Back-pressure: while the bodies in flight fill the ingest budget (4 MiB in the test server),
// a further export is answered 429 with Retry-After, and is accepted again once they finish.
import { describe, expect, it } from "vitest";

import { AUTH, baseUrl, newSpanId, newTraceId, OTLP_PATH, postSpans, span } from "./ingest-helpers";

const MIB = 1024 * 1024;

describe("OTLP ingest back-pressure", () => {
  it("answers 429 with Retry-After when in-flight budget is used, then accepts again", async () => {
    // A slow upload without a declared length (counted as 1 MiB) that ends only when told to.
    let finish: () => void = () => {};
    const slowBody = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([0x7b]));
        finish = () => {
          controller.enqueue(new TextEncoder().encode('"resourceSpans": []}'));
          controller.close();
        };
      },
    });
    const slow = fetch(`${baseUrl()}${OTLP_PATH}`, {
      method: "POST",
      headers: { authorization: AUTH, "content-type": "application/json" },
      body: slowBody,
      duplex: "half",
    } as RequestInit & { duplex: "half" });

    // The slow upload is counted once it has been admitted (after its key is checked).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const payload = "x".repeat(3.5 * MIB);
    const refused = await fetch(`${baseUrl()}${OTLP_PATH}`, {
      method: "POST",
      headers: { authorization: AUTH, "content-type": "application/json" },
      body: JSON.stringify({ resourceSpans: [], padding: payload }),
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(((await refused.json()) as { error: string }).error).toMatch(/capacity/);

    finish();
    expect((await slow).status).toBe(200);
    const traceId = newTraceId();
    expect((await postSpans([span(traceId, newSpanId(), "", "after", 0, 5)])).status).toBe(200);
  });
});
