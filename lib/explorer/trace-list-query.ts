import { z } from "zod";

import { isStorableText } from "../otlp/sanitize-text";

import { formatScoreFilter, ScoreFiltersZ } from "./score-filter";
import { DEFAULT_TIME_RANGE, TIME_RANGE_KEYS, type TimeRangeKey } from "./time-range";

/**
 * The state of the traces list: filters, sort and page. It lives in the URL (so a view can be
 * shared), is parsed here on the server page and in the JSON route, and written back by the
 * client islands through toTraceListSearchParams.
 */

export const TRACE_SORT_KEYS = ["time", "latency", "cost", "tokens"] as const;
export type TraceSortKey = (typeof TRACE_SORT_KEYS)[number];

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** URL text a query can compare with stored text (no NUL, no unpaired surrogate). */
const storableText = z
  .string()
  .refine(isStorableText, "must not contain NUL characters or unpaired surrogates");

const optionalText = storableText
  .trim()
  .max(2000)
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const optionalNumber = z
  .string()
  .trim()
  .transform((value, context) => {
    if (value === "") return undefined;
    const number = Number(value);
    if (!Number.isFinite(number) || number < 0) {
      context.addIssue({ code: "custom", message: "must be a number of 0 or more" });
      return z.NEVER;
    }
    return number;
  })
  .optional();

// Cost bounds stay decimal strings so that they reach Postgres' numeric without a float step.
const optionalDecimal = z
  .string()
  .trim()
  .regex(/^(\d+(\.\d*)?|\.\d+)?$/, "must be a decimal number such as 0.05")
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const optionalDate = z
  .string()
  .trim()
  .refine((value) => value === "" || !Number.isNaN(Date.parse(value)), "must be an ISO date")
  .transform((value) => (value === "" ? undefined : new Date(value).toISOString()))
  .optional();

export const TraceListQueryZ = z.object({
  range: z.enum(TIME_RANGE_KEYS as [TimeRangeKey, ...TimeRangeKey[]]).default(DEFAULT_TIME_RANGE),
  from: optionalDate,
  to: optionalDate,
  name: optionalText,
  user: optionalText,
  session: optionalText,
  feature: optionalText,
  model: optionalText,
  env: optionalText,
  release: optionalText,
  tag: z.array(storableText.trim().min(1).max(2000)).max(20).default([]),
  status: z.enum(["error", "ok"]).optional(),
  minLatency: optionalNumber,
  maxLatency: optionalNumber,
  minCost: optionalDecimal,
  maxCost: optionalDecimal,
  q: optionalText,
  score: ScoreFiltersZ,
  sort: z.enum(TRACE_SORT_KEYS).default("time"),
  order: z.enum(["asc", "desc"]).default("desc"),
  cursor: z.string().max(4000).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});

export type TraceListQuery = z.infer<typeof TraceListQueryZ>;

/** Keys whose value can be repeated in the URL. */
const LIST_KEYS = new Set(["tag", "score"]);

/** The URL's parameters as an object: repeatable keys as arrays, others as their last value. */
export function searchParamsToObject(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const entries: Array<[string, string]> =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([key, value]) =>
          value === undefined
            ? []
            : (Array.isArray(value) ? value : [value]).map((item): [string, string] => [key, item]),
        );

  const result: Record<string, string | string[]> = {};
  for (const [key, value] of entries) {
    if (LIST_KEYS.has(key)) {
      const list = result[key];
      result[key] = Array.isArray(list) ? [...list, value] : [value];
    } else {
      result[key] = value;
    }
  }
  return result;
}

/** Parses the list state; throws a ZodError naming the bad parameter. */
export function parseTraceListQuery(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): TraceListQuery {
  return TraceListQueryZ.parse(searchParamsToObject(params));
}

/** A URL parameter the list left out, and why. */
export interface IgnoredFilter {
  key: string;
  value: string;
  message: string;
}

/**
 * Parses the list state for a page: an invalid parameter (one value of a repeated one) is left
 * out and named in `ignored`, and the others still apply.
 */
export function parseTraceListQueryLeniently(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): { query: TraceListQuery; ignored: IgnoredFilter[] } {
  const values = searchParamsToObject(params);
  const ignored: IgnoredFilter[] = [];
  // Each pass leaves out one bad value; the bound only guards against a schema that never passes.
  for (let pass = 0; pass <= 50; pass += 1) {
    const parsed = TraceListQueryZ.safeParse(values);
    if (parsed.success) return { query: parsed.data, ignored };

    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? "");
    const current = values[key];
    if (!issue || current === undefined) break;
    const index = issue.path[1];
    if (Array.isArray(current) && typeof index === "number") {
      ignored.push({ key, value: current[index] ?? "", message: issue.message });
      values[key] = current.filter((_, at) => at !== index);
    } else {
      const value = Array.isArray(current) ? current.join(", ") : current;
      ignored.push({ key, value, message: issue.message });
      delete values[key];
    }
  }
  return { query: DEFAULT_TRACE_LIST_QUERY, ignored };
}

/** The list state with every parameter at its default. */
export const DEFAULT_TRACE_LIST_QUERY: TraceListQuery = TraceListQueryZ.parse({});

/** The URL parameters of a list state, leaving out defaults so that links stay short. */
export function toTraceListSearchParams(query: Partial<TraceListQuery>): URLSearchParams {
  const params = new URLSearchParams();
  // In schema order, so that one state always makes the same URL.
  for (const key of Object.keys(TraceListQueryZ.shape) as Array<keyof TraceListQuery>) {
    const value = query[key];
    if (value === undefined || value === null || value === "") continue;
    const fallback = DEFAULT_TRACE_LIST_QUERY[key];
    if (Array.isArray(value)) {
      for (const item of value) {
        params.append(key, typeof item === "object" ? formatScoreFilter(item) : String(item));
      }
    } else if (value !== fallback) {
      params.set(key, String(value));
    }
  }
  return params;
}

/** True when any filter narrows the list (the time range aside). */
export function hasActiveFilters(query: TraceListQuery): boolean {
  return (
    query.tag.length > 0 ||
    query.score.length > 0 ||
    [
      query.name,
      query.user,
      query.session,
      query.feature,
      query.model,
      query.env,
      query.release,
      query.status,
      query.minLatency,
      query.maxLatency,
      query.minCost,
      query.maxCost,
      query.q,
    ].some((value) => value !== undefined)
  );
}
