import { AppError } from "../http/app-error";

import type { ScoreCategory, ScoreDataTypeName } from "./score-schemas";

/** The parts of a score config that constrain a score's value. */
export interface ScoreConfigRule {
  id: string;
  name: string;
  dataType: ScoreDataTypeName;
  minValue: number | null;
  maxValue: number | null;
  categories: ScoreCategory[] | null;
  isArchived: boolean;
}

/** A score value as stored: the number (categories mapped, booleans 1/0) and the label. */
export interface ResolvedScoreValue {
  dataType: ScoreDataTypeName;
  value: number | null;
  stringValue: string | null;
}

interface ScoreValueInput {
  name: string;
  value: number | string | boolean;
  dataType?: ScoreDataTypeName | null;
}

function refuse(field: string, message: string): never {
  throw new AppError("bad_request", `${field}: ${message}`);
}

/** Numbers are NUMERIC, strings CATEGORICAL and booleans BOOLEAN when nothing else says. */
export function inferScoreDataType(value: number | string | boolean): ScoreDataTypeName {
  if (typeof value === "number") return "NUMERIC";
  if (typeof value === "boolean") return "BOOLEAN";
  return "CATEGORICAL";
}

/**
 * Checks a score's value against its data type and config and returns what is stored; a
 * mismatch is a 400 naming the field. Numeric ranges are inclusive.
 */
export function resolveScoreValue(
  input: ScoreValueInput,
  config: ScoreConfigRule | null,
): ResolvedScoreValue {
  if (config) assertConfigFits(input, config);
  const dataType = config?.dataType ?? input.dataType ?? inferScoreDataType(input.value);

  if (dataType === "NUMERIC") return resolveNumeric(input.value, config);
  if (dataType === "BOOLEAN") return resolveBoolean(input.value);
  return resolveCategorical(input.value, config);
}

function assertConfigFits(input: ScoreValueInput, config: ScoreConfigRule): void {
  if (config.isArchived) refuse("configId", `score config ${config.name} is archived`);
  if (input.name !== config.name) {
    refuse("name", `must equal the name of score config ${config.id} (${config.name})`);
  }
  if (input.dataType && input.dataType !== config.dataType) {
    refuse("dataType", `must be ${config.dataType} like score config ${config.name}`);
  }
}

function resolveNumeric(
  value: ScoreValueInput["value"],
  config: ScoreConfigRule | null,
): ResolvedScoreValue {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    refuse("value", "must be a finite number for a NUMERIC score");
  }
  if (config?.minValue != null && value < config.minValue) {
    refuse("value", `must be at least ${config.minValue} (score config ${config.name})`);
  }
  if (config?.maxValue != null && value > config.maxValue) {
    refuse("value", `must be at most ${config.maxValue} (score config ${config.name})`);
  }
  return { dataType: "NUMERIC", value, stringValue: null };
}

const BOOLEAN_BY_INPUT = new Map<unknown, boolean>([
  [true, true],
  [false, false],
  [1, true],
  [0, false],
  ["true", true],
  ["false", false],
]);

function resolveBoolean(value: ScoreValueInput["value"]): ResolvedScoreValue {
  const key = typeof value === "string" ? value.trim().toLowerCase() : value;
  const truth = BOOLEAN_BY_INPUT.get(key);
  if (truth === undefined) refuse("value", "must be 0, 1, true or false for a BOOLEAN score");
  return {
    dataType: "BOOLEAN",
    value: truth ? 1 : 0,
    stringValue: truth ? "True" : "False",
  };
}

function resolveCategorical(
  value: ScoreValueInput["value"],
  config: ScoreConfigRule | null,
): ResolvedScoreValue {
  if (typeof value !== "string" || value.trim() === "") {
    refuse("value", "must be a category label (a non-empty string) for a CATEGORICAL score");
  }
  if (!config?.categories) return { dataType: "CATEGORICAL", value: null, stringValue: value };

  const category = config.categories.find((candidate) => candidate.label === value);
  if (!category) {
    const labels = config.categories.map((candidate) => candidate.label).join(", ");
    refuse("value", `must be one of the categories of score config ${config.name}: ${labels}`);
  }
  return { dataType: "CATEGORICAL", value: category.value, stringValue: category.label };
}
