// EVAL scores from judge spans (issue #7): what recordScoresFromSpans stores for EVALUATOR spans
// and gen_ai.evaluation.result events, read back through the scores API, both in-process and
// through the OTLP route that calls it after writing the spans.
import { beforeAll, describe, expect, it, inject } from "vitest";

import { getPrisma } from "../../lib/db/prisma";
import { buildEvent, buildSpan, double } from "../../lib/ingest/map/test-builders";
import { mapSpan } from "../../lib/ingest/map/map-span";
import { recordScoresFromSpans } from "../../lib/scores/record-span-scores";
import { TEST_KEYS } from "../setup/test-env";
import { getJson, newSpanId, newTraceId, postSpans, span } from "./ingest-helpers";

interface ScorePage {
  data: Array<{
    id: string;
    name: string;
    source: string;
    observationId: string | null;
    value: number | null;
    stringValue: string | null;
    comment: string | null;
    traceExists: boolean | null;
  }>;
}

let projectId = "";

beforeAll(async () => {
  process.env.DATABASE_URL ??= inject("databaseUrl");
  const key = await getPrisma().apiKey.findUniqueOrThrow({
    where: { publicKey: TEST_KEYS.publicKey },
  });
  projectId = key.projectId;
});

function judgeSpans(traceId: string, answerId: string, judgeId: string, score: number) {
  const judge = buildSpan(
    {
      "langfuse.observation.type": "evaluator",
      "gen_ai.evaluation.name": "relevance",
      "gen_ai.evaluation.score.value": double(score),
      "gen_ai.evaluation.explanation": "answers the question",
    },
    { traceId, spanId: judgeId, parentSpanId: answerId, name: "judge" },
  );
  const answer = buildSpan(
    {},
    {
      traceId,
      spanId: answerId,
      name: "answer",
      events: [
        buildEvent("gen_ai.evaluation.result", {
          "gen_ai.evaluation.name": "toxicity",
          "gen_ai.evaluation.score.label": "clean",
          "gen_ai.evaluation.score.value": 0,
        }),
      ],
    },
  );
  return [judge, answer].map(mapSpan);
}

describe("recordScoresFromSpans", () => {
  it("stores EVAL scores on the evaluated span, replaced (not added) on resend", async () => {
    const [traceId, answerId, judgeId] = [newTraceId(), newSpanId(), newSpanId()];
    await postSpans([span(traceId, answerId, "", "answer", 0, 100)]);

    expect(
      await recordScoresFromSpans(projectId, judgeSpans(traceId, answerId, judgeId, 0.4)),
    ).toBe(2);
    await recordScoresFromSpans(projectId, judgeSpans(traceId, answerId, judgeId, 0.9));

    const { status, body } = await getJson<ScorePage>(`/api/public/scores?traceId=${traceId}`);
    expect(status).toBe(200);
    const summary = body.data
      .map((score) => [
        score.name,
        score.source,
        score.observationId,
        score.value,
        score.stringValue,
        score.comment,
        score.traceExists,
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(summary).toEqual([
      ["relevance", "EVAL", answerId, 0.9, null, "answers the question", true],
      ["toxicity", "EVAL", answerId, 0, "clean", null, true],
    ]);
  });

  it("stores nothing for spans without evaluations", async () => {
    const plain = mapSpan(buildSpan({}, { traceId: newTraceId(), spanId: newSpanId() }));
    expect(await recordScoresFromSpans(projectId, [plain])).toBe(0);
  });
});

describe("judge spans through the OTLP route", () => {
  it("become an EVAL score on the evaluated span", async () => {
    const traceId = newTraceId();
    const answerId = newSpanId();
    const answer = span(traceId, answerId, "", "answer", 0, 1000);
    const judge = span(traceId, newSpanId(), answerId, "judge", 1000, 1500, {
      attributes: [
        { key: "sightline.type", value: { stringValue: "EVALUATOR" } },
        { key: "gen_ai.evaluation.name", value: { stringValue: "faithfulness" } },
        { key: "gen_ai.evaluation.score.value", value: { doubleValue: 0.55 } },
      ],
    });
    expect((await postSpans([answer, judge])).status).toBe(200);

    const { body } = await getJson<ScorePage>(`/api/public/scores?traceId=${traceId}`);
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      name: "faithfulness",
      source: "EVAL",
      value: 0.55,
      observationId: answerId,
      traceExists: true,
    });
  });
});
