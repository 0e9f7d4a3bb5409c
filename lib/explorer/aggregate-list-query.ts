import { z } from "zod";

import { isStorableText } from "../otlp/sanitize-text";

import { DEFAULT_TIME_RANGE, TIME_RANGE_KEYS, type TimeRangeKey } from "./time-range";

export const USER_SORT_KEYS = ["lastSeen", "traces", "tokens", "cost"] as const;
export type UserSortKey = (typeof USER_SORT_KEYS)[number];

/** URL state of the sessions and users lists (invalid values fall back to the defaults). */
export const AggregateListQueryZ = z.object({
  range: z
    .enum(TIME_RANGE_KEYS as [TimeRangeKey, ...TimeRangeKey[]])
    .catch(DEFAULT_TIME_RANGE)
    .default(DEFAULT_TIME_RANGE),
  user: z.string().trim().min(1).max(2000).refine(isStorableText).optional().catch(undefined),
  sort: z.enum(USER_SORT_KEYS).catch("lastSeen").default("lastSeen"),
  cursor: z.string().max(4000).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(200).catch(50).default(50),
});

export type AggregateListQuery = z.infer<typeof AggregateListQueryZ>;

export function parseAggregateListQuery(
  params: Record<string, string | string[] | undefined>,
): AggregateListQuery {
  const single = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return AggregateListQueryZ.parse(single);
}

/** Query string of the state with some of it changed; defaults are left out. */
export function aggregateListSearch(
  query: AggregateListQuery,
  changes: Partial<AggregateListQuery>,
): string {
  const next = { ...query, cursor: undefined, ...changes };
  const params = new URLSearchParams();
  if (next.range !== DEFAULT_TIME_RANGE) params.set("range", next.range);
  if (next.user) params.set("user", next.user);
  if (next.sort !== "lastSeen") params.set("sort", next.sort);
  if (next.cursor) params.set("cursor", next.cursor);
  if (next.limit !== 50) params.set("limit", String(next.limit));
  const text = params.toString();
  return text ? `?${text}` : "";
}
