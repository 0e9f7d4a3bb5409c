// The Langfuse JS client (@langfuse/client) pointed at Sightline, as an eval workflow uses it:
// create a dataset and its items, fetch it, run an experiment over it (task traces exported by
// the Langfuse span processor, each linked to its item in a dataset run, item and run
// evaluators sent as scores through the batch ingestion endpoint), then read it all back.
import { randomBytes } from "node:crypto";

import { LangfuseClient } from "@langfuse/client";
import { LangfuseSpanProcessor } from "@langfuse/otel";
import { setLangfuseTracerProvider } from "@langfuse/tracing";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { TEST_KEYS } from "../setup/test-env";
import { baseUrl, getJson } from "./ingest-helpers";

const run = randomBytes(4).toString("hex");

describe("Langfuse JS client against Sightline", () => {
  let provider: NodeTracerProvider;
  let langfuse: LangfuseClient;
  const datasetName = `capitals/${run}`;
  const runName = `baseline ${run}`;

  beforeAll(() => {
    provider = new NodeTracerProvider({
      spanProcessors: [
        new LangfuseSpanProcessor({
          publicKey: TEST_KEYS.publicKey,
          secretKey: TEST_KEYS.secretKey,
          baseUrl: baseUrl(),
          exportMode: "immediate",
        }),
      ],
    });
    provider.register();
    setLangfuseTracerProvider(provider);
    langfuse = new LangfuseClient({
      publicKey: TEST_KEYS.publicKey,
      secretKey: TEST_KEYS.secretKey,
      baseUrl: baseUrl(),
    });
  });
  afterAll(async () => {
    await provider.shutdown();
  });

  it("creates a dataset with items and fetches it back", async () => {
    await langfuse.api.datasets.create({
      name: datasetName,
      description: "Capital cities",
      metadata: { owner: "evals" },
    });
    for (const [country, capital] of [
      ["France", "Paris"],
      ["Japan", "Tokyo"],
      ["Peru", "Lima"],
    ]) {
      await langfuse.dataset.createItem({
        datasetName,
        input: { country },
        expectedOutput: capital,
        metadata: { region: "any" },
      });
    }
    const dataset = await langfuse.dataset.get(datasetName);
    expect(dataset.name).toBe(datasetName);
    expect(dataset.description).toBe("Capital cities");
    expect(dataset.items).toHaveLength(3);
    expect(dataset.items.map((item) => item.expectedOutput).sort()).toEqual([
      "Lima",
      "Paris",
      "Tokyo",
    ]);
  });

  it("runs an experiment: linked traces, item scores and a run score", async () => {
    const dataset = await langfuse.dataset.get(datasetName);
    const answers: Record<string, string> = { France: "Paris", Japan: "Kyoto", Peru: "Lima" };
    const result = await dataset.runExperiment({
      name: "capitals",
      runName,
      description: "lookup table",
      task: async ({ input }) => answers[(input as { country: string }).country] ?? "",
      evaluators: [
        async ({ output, expectedOutput }) => ({
          name: "exact_match",
          value: output === expectedOutput ? 1 : 0,
        }),
      ],
      runEvaluators: [
        async ({ itemResults }) => ({
          name: "accuracy",
          value:
            itemResults.filter((item) => item.evaluations[0]?.value === 1).length /
            itemResults.length,
        }),
      ],
    });
    await provider.forceFlush();
    expect(result.datasetRunId).toBeTruthy();
    expect(result.itemResults).toHaveLength(3);

    const fetched = await langfuse.api.datasets.getRun(datasetName, runName);
    expect(fetched.description).toBe("lookup table");
    expect(fetched.datasetRunItems).toHaveLength(3);
    const runs = await langfuse.api.datasets.getRuns(datasetName);
    expect(runs.data.map((entry) => entry.name)).toContain(runName);

    // Every linked trace was exported to Sightline and holds the task's output.
    for (const item of fetched.datasetRunItems) {
      await expect
        .poll(async () => (await getJson(`/api/public/traces/${item.traceId}`)).status, {
          timeout: 15_000,
        })
        .toBe(200);
    }

    // The client's own observation list (the v2 endpoint) finds the task's spans.
    const traceId = fetched.datasetRunItems[0]?.traceId ?? "";
    const observations = await langfuse.api.observations.getMany({ traceId });
    expect(observations.data.length).toBeGreaterThan(0);
    expect(observations.data.every((observation) => observation.traceId === traceId)).toBe(true);
    // The run link the client prints leads to the run (sign-in first), not to a 404.
    const runLink = await fetch(String(result.datasetRunUrl), { redirect: "manual" });
    expect(runLink.status).toBe(307);

    type ScorePage = { data: { value: number; traceId: string | null }[] };
    await expect
      .poll(
        async () =>
          (await getJson<ScorePage>(`/api/public/scores?name=exact_match&limit=100`)).body.data
            .filter((score) =>
              fetched.datasetRunItems.some((item) => item.traceId === score.traceId),
            )
            .map((score) => score.value)
            .sort(),
        { timeout: 15_000 },
      )
      .toEqual([0, 1, 1]);
    const runScores = await getJson<{ data: { datasetRunId: string | null; value: number }[] }>(
      `/api/public/scores?name=accuracy&limit=100`,
    );
    const runScore = runScores.body.data.find(
      (score) => score.datasetRunId === result.datasetRunId,
    );
    expect(runScore?.value).toBeCloseTo(2 / 3);
  });

  it("sends a score with the client's score call", async () => {
    const traceId = randomBytes(16).toString("hex");
    langfuse.score.create({ id: `client-score-${run}`, traceId, name: "thumbs", value: 1 });
    await langfuse.score.flush();
    const stored = await getJson<{ name: string; value: number }>(
      `/api/public/scores/client-score-${run}`,
    );
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ name: "thumbs", value: 1 });
  });
});
