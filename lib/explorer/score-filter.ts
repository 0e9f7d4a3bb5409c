import { z } from "zod";

import { isStorableText } from "../otlp/sanitize-text";

/**
 * A traces-list filter on scores, written in the URL as `score=<name>:<op>:<value>`, e.g.
 * `score=faithfulness:lt:0.6` (the trace's average faithfulness below 0.6) or
 * `score=tone:eq:polite` (a tone score labelled exactly "polite"). Repeatable; all must hold.
 */
export const SCORE_FILTER_OPERATORS = ["lt", "lte", "gt", "gte", "eq", "neq"] as const;
export type ScoreFilterOperator = (typeof SCORE_FILTER_OPERATORS)[number];

export interface ScoreFilter {
  name: string;
  operator: ScoreFilterOperator;
  /** A number compares the trace's average; text (with eq / neq) matches a label exactly. */
  value: number | string;
}

export const SCORE_OPERATOR_SQL: Record<ScoreFilterOperator, string> = {
  lt: "<",
  lte: "<=",
  gt: ">",
  gte: ">=",
  eq: "=",
  neq: "<>",
};

const PATTERN = /^(.+?):(lt|lte|gt|gte|eq|neq):(.+)$/s;

/** Reads one `score=` value; null when it is not name:op:value or compares text with < or >. */
export function parseScoreFilter(text: string): ScoreFilter | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const [, name = "", operator = "eq", raw = ""] = match;
  const number = raw.trim() === "" ? Number.NaN : Number(raw);
  if (Number.isFinite(number)) {
    return { name, operator: operator as ScoreFilterOperator, value: number };
  }
  if (operator !== "eq" && operator !== "neq") return null;
  return { name, operator, value: raw };
}

export function formatScoreFilter(filter: ScoreFilter): string {
  return `${filter.name}:${filter.operator}:${filter.value}`;
}

/** The `score` URL parameter: repeatable, each value checked and parsed. */
export const ScoreFiltersZ = z
  .array(
    z
      .string()
      .max(500)
      .refine(isStorableText, "must not contain NUL characters or unpaired surrogates")
      .transform((text, context) => {
        const filter = parseScoreFilter(text);
        if (!filter) {
          context.addIssue({
            code: "custom",
            message:
              "must be name:op:value, op one of lt lte gt gte eq neq (text only with eq, neq)",
          });
          return z.NEVER;
        }
        return filter;
      }),
  )
  .max(10)
  .default([]);
