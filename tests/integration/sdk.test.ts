import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { init, type SightlineClient } from "../../sdk/src/index";
import { TEST_KEYS, basicAuth } from "../setup/test-env";

interface ObservationReply {
  id: string;
  traceId: string;
  parentObservationId: string | null;
  type: string;
  name: string;
  model: string | null;
  level: string;
  statusMessage: string | null;
  usageDetails: Record<string, number>;
  output: unknown;
  userId: string | null;
  sessionId: string | null;
}

interface TraceReply {
  id: string;
  userId: string | null;
  sessionId: string | null;
  feature: string | null;
  tags: string[];
  environment: string | null;
  release: string | null;
  observations: ObservationReply[];
}

/** GET /api/public/traces/{id} until the trace has `count` observations (ingest is async). */
async function waitForTrace(baseUrl: string, traceId: string, count: number): Promise<TraceReply> {
  const deadline = Date.now() + 20_000;
  let last = "";
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/api/public/traces/${traceId}`, {
      headers: { Authorization: basicAuth(TEST_KEYS.publicKey, TEST_KEYS.secretKey) },
    });
    last = `HTTP ${response.status}`;
    if (response.ok) {
      const trace = (await response.json()) as TraceReply;
      if (trace.observations.length >= count) return trace;
      last = `${trace.observations.length} of ${count} observations`;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`trace ${traceId} did not arrive: ${last}`);
}

describe("SDK → Sightline", () => {
  let baseUrl: string;
  let client: SightlineClient;

  beforeAll(() => {
    baseUrl = inject("baseUrl");
    client = init({ baseUrl, ...TEST_KEYS, environment: "test", release: "sdk-it-1" });
  });

  afterAll(async () => {
    await client.shutdown();
  });

  it("should show the SDK's trace as a tree: types, usage, user, session, feature", async () => {
    const handle = client.observe(
      async (question: string) => {
        client
          .startRetrieval({ name: "retrieve", input: question })
          .end({ documents: [{ id: "kb-1", content: "Refunds within 30 days.", score: 0.91 }] });
        client
          .startEmbedding({ name: "embed", model: "text-embedding-3-small", provider: "openai" })
          .end({ usage: { input: 12 } });
        client
          .startGeneration({ name: "answer", model: "gpt-4o", provider: "openai", input: question })
          .end({
            output: "You can get a refund within 30 days.",
            model: "gpt-4o-2024-08-06",
            usage: { input: 1200, output: 300, cacheRead: 1024, reasoning: 256 },
          });
        client
          .startTool({ name: "calculator", input: { expression: "1 / 0" } })
          .end({ error: new Error("Division by zero") });
        return client.getActiveIds()?.traceId ?? "";
      },
      { name: "support-request", type: "AGENT" },
    );

    const traceId = await client.withTraceAttributes(
      { userId: "user-it", sessionId: "session-it", feature: "support-bot", tags: ["sdk-it"] },
      () => handle("How do I get a refund?"),
    );
    await client.flush();

    const trace = await waitForTrace(baseUrl, traceId, 5);
    expect(trace).toMatchObject({
      id: traceId,
      userId: "user-it",
      sessionId: "session-it",
      feature: "support-bot",
      tags: expect.arrayContaining(["sdk-it"]),
      environment: "test",
      release: "sdk-it-1",
    });

    const byName = new Map(
      trace.observations.map((observation) => [observation.name, observation]),
    );
    const root = byName.get("support-request");
    expect(root).toMatchObject({ type: "AGENT", parentObservationId: null, traceId });

    for (const [name, type] of [
      ["retrieve", "RETRIEVER"],
      ["embed", "EMBEDDING"],
      ["answer", "GENERATION"],
      ["calculator", "TOOL"],
    ]) {
      expect(byName.get(name!), name).toMatchObject({
        type,
        traceId,
        parentObservationId: root!.id,
        userId: "user-it",
        sessionId: "session-it",
      });
    }

    expect(byName.get("answer")).toMatchObject({
      model: "gpt-4o-2024-08-06",
      usageDetails: { input: 1200, output: 300, total: 1500, cache_read: 1024, reasoning: 256 },
    });
    expect(byName.get("embed")!.usageDetails).toMatchObject({ input: 12 });
    expect(byName.get("calculator")).toMatchObject({
      level: "ERROR",
      statusMessage: "Division by zero",
    });
    expect(byName.get("retrieve")!.output).toEqual([
      { id: "kb-1", content: "Refunds within 30 days.", score: 0.91 },
    ]);
  });

  it("should resolve score() without throwing, with or without a scores endpoint", async () => {
    const chain = client.startChain({ name: "scored" });
    chain.end();
    const traceId = chain.traceId;

    await expect(
      client.score({ traceId, name: "helpfulness", value: 1, comment: "from the SDK test" }),
    ).resolves.toEqual(expect.any(Boolean));
  });
});
