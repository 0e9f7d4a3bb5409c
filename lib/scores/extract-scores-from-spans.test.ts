import { describe, expect, it } from "vitest";

import { buildEvent, buildSpan, double, type AttributeInput } from "../ingest/map/test-builders";
import { mapSpan } from "../ingest/map/map-span";

import { extractScoresFromSpans } from "./extract-scores-from-spans";

const TRACE = "0af7651916cd43dd8448eb211c80319c";
const JUDGE = "b7ad6b7169203331";
const ANSWER = "00f067aa0ba902b7";

function evaluatorSpan(attributes: Record<string, AttributeInput>, parentSpanId = ANSWER) {
  return mapSpan(
    buildSpan(
      { "langfuse.observation.type": "evaluator", ...attributes },
      { name: "judge-relevance", spanId: JUDGE, parentSpanId },
    ),
  );
}

type Summary = [string, string, string | null, number | null, string | null, string | null];

function summarize(spans: ReturnType<typeof mapSpan>[]): Summary[] {
  return extractScoresFromSpans("project-1", spans).map((score) => [
    score.id ?? "",
    score.name,
    score.observationId,
    score.value,
    score.stringValue,
    score.comment,
  ]);
}

describe("extractScoresFromSpans", () => {
  it.each<[string, Record<string, AttributeInput>, Summary[]]>([
    [
      "an EVALUATOR span with gen_ai.evaluation.* scores its parent",
      {
        "gen_ai.evaluation.name": "relevance",
        "gen_ai.evaluation.score.value": double(0.8),
        "gen_ai.evaluation.explanation": "on topic",
      },
      [[`eval-${TRACE}-${JUDGE}-relevance`, "relevance", ANSWER, 0.8, null, "on topic"]],
    ],
    [
      "the span name names the score when gen_ai.evaluation.name is absent",
      { "eval.score": 1 },
      [[`eval-${TRACE}-${JUDGE}-judge-relevance`, "judge-relevance", ANSWER, 1, null, null]],
    ],
    [
      "a numeric output is the value",
      { "langfuse.observation.output": "0.25" },
      [[`eval-${TRACE}-${JUDGE}-judge-relevance`, "judge-relevance", ANSWER, 0.25, null, null]],
    ],
    [
      "a label makes a categorical score",
      { "gen_ai.evaluation.name": "tone", "gen_ai.evaluation.score.label": "polite" },
      [[`eval-${TRACE}-${JUDGE}-tone`, "tone", ANSWER, null, "polite", null]],
    ],
    ["no value and no label gives no score", { "gen_ai.evaluation.name": "tone" }, []],
    ["a non-numeric output gives no score", { "langfuse.observation.output": "great" }, []],
    // Regression: a value of 1e308 was stored and made the scores page answer 500.
    ["a value beyond ±1e12 gives no score", { "eval.score": double(1e308) }, []],
    [
      "a label keeps its score without a value beyond ±1e12",
      {
        "gen_ai.evaluation.name": "tone",
        "gen_ai.evaluation.score.value": double(-1e13),
        "gen_ai.evaluation.score.label": "polite",
      },
      [[`eval-${TRACE}-${JUDGE}-tone`, "tone", ANSWER, null, "polite", null]],
    ],
  ])("%s", (_title, attributes, expected) => {
    expect(summarize([evaluatorSpan(attributes)])).toEqual(expected);
  });

  it("scores the trace when the EVALUATOR span has no parent", () => {
    const [score] = extractScoresFromSpans("project-1", [evaluatorSpan({ "eval.score": 1 }, "")]);
    expect(score).toMatchObject({ traceId: TRACE, observationId: null, source: "EVAL" });
  });

  it("reads gen_ai.evaluation.result events as scores of the span they are on", () => {
    const answer = mapSpan(
      buildSpan(
        {},
        {
          spanId: ANSWER,
          events: [
            buildEvent("gen_ai.evaluation.result", {
              "gen_ai.evaluation.name": "faithfulness",
              "gen_ai.evaluation.score.value": 1,
              "gen_ai.evaluation.score.label": "pass",
              "gen_ai.evaluation.explanation": "grounded",
            }),
            buildEvent("gen_ai.evaluation.result", { "gen_ai.evaluation.score.value": 1 }),
            buildEvent("exception", { "gen_ai.evaluation.name": "not-a-result" }),
          ],
        },
      ),
    );

    expect(summarize([answer])).toEqual([
      [`eval-${TRACE}-${ANSWER}-faithfulness`, "faithfulness", ANSWER, 1, "pass", "grounded"],
    ]);
    expect(extractScoresFromSpans("project-1", [answer])[0]?.timestamp).toEqual(
      new Date(1_700_000_000_500),
    );
  });

  it("gives the same ids when the same spans are sent again", () => {
    const spans = [evaluatorSpan({ "gen_ai.evaluation.name": "relevance", "eval.score": 1 })];
    const ids = (batch: typeof spans) => extractScoresFromSpans("p", batch).map((s) => s.id);
    expect(ids(spans)).toEqual(ids(spans.map((mapped) => ({ ...mapped }))));
  });

  it("ignores spans that are neither evaluators nor carry evaluation events", () => {
    expect(extractScoresFromSpans("p", [mapSpan(buildSpan({ "eval.score": 1 }))])).toEqual([]);
  });
});
