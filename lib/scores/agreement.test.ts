import { describe, expect, it } from "vitest";

import { cohensKappa, measureAgreement, type ScorePair } from "./agreement";

const label = (judge: string, human: string): ScorePair => ({
  judgeValue: null,
  humanValue: null,
  judgeLabel: judge,
  humanLabel: human,
});

const number = (judge: number, human: number): ScorePair => ({
  judgeValue: judge,
  humanValue: human,
  judgeLabel: null,
  humanLabel: null,
});

describe("cohensKappa", () => {
  it.each<[string, Array<[string, string]>, number | null]>([
    [
      "perfect agreement on two labels",
      [
        ["a", "a"],
        ["b", "b"],
        ["a", "a"],
        ["b", "b"],
      ],
      1,
    ],
    [
      "agreement no better than chance",
      [
        ["a", "a"],
        ["a", "b"],
        ["b", "a"],
        ["b", "b"],
      ],
      0,
    ],
    [
      "complete disagreement",
      [
        ["a", "b"],
        ["b", "a"],
      ],
      -1,
    ],
    ["one pair (undefined)", [["a", "a"]], null],
    [
      "always the same single label",
      [
        ["a", "a"],
        ["a", "a"],
      ],
      1,
    ],
  ])("should give %s", (_title, pairs, expected) => {
    const kappa = cohensKappa(pairs);
    if (expected === null) expect(kappa).toBeNull();
    else expect(kappa).toBeCloseTo(expected, 10);
  });

  it("should match a worked example (20 pairs, kappa 0.4)", () => {
    // 10 yes/yes, 5 no/no, 3 yes/no, 2 no/yes: p_o = 0.75, p_e = 0.65*0.6 + 0.35*0.4 = 0.53.
    const pairs: Array<[string, string]> = [
      ...Array<[string, string]>(10).fill(["yes", "yes"]),
      ...Array<[string, string]>(5).fill(["no", "no"]),
      ...Array<[string, string]>(3).fill(["yes", "no"]),
      ...Array<[string, string]>(2).fill(["no", "yes"]),
    ];
    expect(cohensKappa(pairs)).toBeCloseTo((0.75 - 0.53) / (1 - 0.53), 10);
  });
});

describe("measureAgreement", () => {
  it("should average absolute differences and count exact matches of numbers", () => {
    expect(measureAgreement([number(0.5, 0.5), number(1, 0.5), number(0, 1)])).toEqual({
      pairs: 3,
      meanAbsoluteDifference: 0.5,
      exactMatchRate: 1 / 3,
      cohensKappa: null,
    });
  });

  it("should match labels exactly (case counts) and give kappa for labels", () => {
    const agreement = measureAgreement([label("pass", "pass"), label("fail", "Fail")]);
    expect(agreement.exactMatchRate).toBe(0.5);
    expect(agreement.cohensKappa).not.toBeNull();
  });

  it("should give nulls without pairs", () => {
    expect(measureAgreement([])).toEqual({
      pairs: 0,
      meanAbsoluteDifference: null,
      exactMatchRate: null,
      cohensKappa: null,
    });
  });
});
