import type { ClientCost, MappingSource } from "@/lib/ingest/types";

import type { Sourced } from "./convention-result";

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** Cost figures one convention reported, in USD, as exact decimal strings. */
export type CostFigures = Partial<Record<keyof ClientCost, Sourced<string>>>;

export interface NormalizedCost {
  cost: ClientCost;
  sources: MappingSource[];
}

/**
 * A non-negative decimal string for a cost given as a number (JSON or double attribute) or a
 * numeric string. Numbers are written out from their shortest round-trip form, never rounded.
 */
export function toDecimalString(raw: unknown, source: string, warnings: string[]): string | null {
  if (raw === null || raw === undefined) return null;

  let text: string | null = null;
  if (typeof raw === "number" && Number.isFinite(raw)) text = String(raw);
  else if (typeof raw === "string") text = raw.trim();

  if (text !== null && text.startsWith("-")) {
    warnings.push(`${source} is a negative cost (${text.slice(0, 40)}); ignored`);
    return null;
  }

  const decimal = text === null ? null : expandDecimal(text);
  if (decimal === null) {
    warnings.push(`${source} is not a decimal cost (${String(raw).slice(0, 40)}); ignored`);
  }
  return decimal;
}

/** Total = given total, else input + output (added exactly) when both are known. */
export function normalizeCost(figures: CostFigures): NormalizedCost | null {
  const { input, output } = figures;
  let total = figures.total;
  if (!total && input && output) {
    total = {
      value: addDecimalStrings(input.value, output.value),
      source: "computed: input + output",
    };
  }
  if (!input && !output && !total) return null;

  const cost: ClientCost = {
    input: input?.value ?? null,
    output: output?.value ?? null,
    total: total?.value ?? null,
  };
  const sources: MappingSource[] = [];
  for (const [field, figure] of [
    ["input", input],
    ["output", output],
    ["total", total],
  ] as const) {
    if (figure) sources.push({ field: `clientCost.${field}`, source: figure.source });
  }
  return { cost, sources };
}

/** Writes `1.5e-7` as `0.00000015`; plain decimals are normalized (no leading/trailing zeros). */
export function expandDecimal(text: string): string | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;

  const integer = match[1] ?? "0";
  const fraction = match[2] ?? "";
  const exponent = Number(match[3] ?? "0");
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return null;

  const digits = integer + fraction;
  const pointPosition = integer.length + exponent;
  let whole: string;
  let decimals: string;
  if (pointPosition <= 0) {
    whole = "0";
    decimals = "0".repeat(-pointPosition) + digits;
  } else if (pointPosition >= digits.length) {
    whole = digits + "0".repeat(pointPosition - digits.length);
    decimals = "";
  } else {
    whole = digits.slice(0, pointPosition);
    decimals = digits.slice(pointPosition);
  }

  whole = whole.replace(/^0+(?=\d)/, "");
  decimals = decimals.replace(/0+$/, "");
  return decimals === "" ? whole : `${whole}.${decimals}`;
}

/** Exact sum of two non-negative decimal strings. */
export function addDecimalStrings(left: string, right: string): string {
  const [leftWhole = "0", leftFraction = ""] = left.split(".");
  const [rightWhole = "0", rightFraction = ""] = right.split(".");
  const scale = Math.max(leftFraction.length, rightFraction.length);

  const sum =
    BigInt(leftWhole + leftFraction.padEnd(scale, "0")) +
    BigInt(rightWhole + rightFraction.padEnd(scale, "0"));
  if (scale === 0) return sum.toString();

  const digits = sum.toString().padStart(scale + 1, "0");
  return expandDecimal(`${digits.slice(0, -scale)}.${digits.slice(-scale)}`) ?? "0";
}
