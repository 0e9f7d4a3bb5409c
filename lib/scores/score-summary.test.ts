import { describe, expect, it } from "vitest";

import { formatLabelCounts, summarizeScores, summarizeScoresOfName } from "./score-summary";

const numeric = (value: number) => ({ name: "faithfulness", value, stringValue: null });
const label = (stringValue: string) => ({ name: "tone", value: 0, stringValue });

describe("summarizeScoresOfName", () => {
  it.each([
    ["no score", [], "–"],
    ["one number", [numeric(0.7)], "0.7"],
    ["one label", [label("polite")], "polite"],
    ["several numbers as their average", [numeric(0.7), numeric(0.4), numeric(1)], "avg 0.7 (3)"],
    // Regression: only the latest score of a name was shown, hiding the other reviewers'.
    [
      "mixed labels by frequency",
      [label("polite"), label("angry"), label("polite")],
      "polite ×2, angry",
    ],
    ["unanimous labels", [label("polite"), label("polite")], "polite ×2"],
  ])("should show %s", (_case, scores, expected) => {
    expect(summarizeScoresOfName(scores)).toBe(expected);
  });
});

describe("formatLabelCounts", () => {
  it("should order ties by label", () => {
    expect(formatLabelCounts({ b: 1, a: 1, c: 2 })).toBe("c ×2, a, b");
  });
});

describe("summarizeScores", () => {
  it("should summarize each name once, in first-seen order", () => {
    const scores = [label("angry"), numeric(0.4), label("polite"), numeric(0.8)];
    expect(summarizeScores(scores)).toBe("tone angry, polite · faithfulness avg 0.6 (2)");
  });

  it("should say when there is none", () => {
    expect(summarizeScores([])).toBe("none yet");
  });
});
