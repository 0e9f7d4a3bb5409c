import { describe, expect, it } from "vitest";

import { AppError } from "../http/app-error";

import { resolveScoreValue, type ScoreConfigRule } from "./resolve-score-value";

const unitRange: ScoreConfigRule = {
  id: "cfg-accuracy",
  name: "accuracy",
  dataType: "NUMERIC",
  minValue: 0,
  maxValue: 1,
  categories: null,
  isArchived: false,
};

const tone: ScoreConfigRule = {
  id: "cfg-tone",
  name: "tone",
  dataType: "CATEGORICAL",
  minValue: null,
  maxValue: null,
  categories: [
    { label: "polite", value: 1 },
    { label: "rude", value: -1 },
  ],
  isArchived: false,
};

describe("resolveScoreValue", () => {
  it.each([
    ["a number is NUMERIC", { value: 0.5 }, null, ["NUMERIC", 0.5, null]],
    ["a string is CATEGORICAL", { value: "good" }, null, ["CATEGORICAL", null, "good"]],
    ["a boolean is BOOLEAN", { value: true }, null, ["BOOLEAN", 1, "True"]],
    ["BOOLEAN 0 is False", { value: 0, dataType: "BOOLEAN" }, null, ["BOOLEAN", 0, "False"]],
    [
      "BOOLEAN 'false' is False",
      { value: "false", dataType: "BOOLEAN" },
      null,
      ["BOOLEAN", 0, "False"],
    ],
    ["the range's lower end is inside", { value: 0 }, unitRange, ["NUMERIC", 0, null]],
    ["the range's upper end is inside", { value: 1 }, unitRange, ["NUMERIC", 1, null]],
    [
      "a label maps to its value",
      { name: "tone", value: "rude" },
      tone,
      ["CATEGORICAL", -1, "rude"],
    ],
  ] as const)("%s", (_title, input, config, expected) => {
    const resolved = resolveScoreValue({ name: "accuracy", ...input }, config);
    expect([resolved.dataType, resolved.value, resolved.stringValue]).toEqual(expected);
  });

  it.each([
    ["below the range", { value: -0.001 }, unitRange, "value: must be at least 0"],
    ["above the range", { value: 1.001 }, unitRange, "value: must be at most 1"],
    ["a string for a NUMERIC config", { value: "0.5" }, unitRange, "value: must be a finite"],
    ["Infinity", { value: Infinity }, null, "value: must be a finite"],
    ["NaN", { value: Number.NaN, dataType: "NUMERIC" }, null, "value: must be a finite"],
    ["a type other than the config's", { value: 1, dataType: "BOOLEAN" }, unitRange, "dataType:"],
    ["a name other than the config's", { name: "recall", value: 1 }, unitRange, "name:"],
    ["an unknown label", { name: "tone", value: "Polite" }, tone, "value: must be one of"],
    ["a number for a CATEGORICAL config", { name: "tone", value: 1 }, tone, "value:"],
    ["2 as a BOOLEAN", { value: 2, dataType: "BOOLEAN" }, null, "value: must be 0, 1"],
    ["an empty label", { value: " " }, null, "value: must be a category label"],
    ["an archived config", { value: 1 }, { ...unitRange, isArchived: true }, "configId:"],
  ] as const)("refuses %s", (_title, input, config, message) => {
    const attempt = () => resolveScoreValue({ name: "accuracy", ...input }, config);
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(message);
  });
});
