import { z } from "zod";

import { searchParamsRecord } from "@/lib/http/search-params";

import { publicFilterParamZ } from "./public-filter";
import { TRACE_FILTER_COLUMNS } from "./public-filter-columns";
import { DEFAULT_TRACE_ORDER, TraceOrderZ } from "./trace-order";

const MAX_FILTER_LENGTH = 2000;

const filterText = z.string().trim().min(1).max(MAX_FILTER_LENGTH).optional();

/** Query parameters of GET /api/public/traces (names as in Langfuse's public API). */
export const ListTracesQueryZ = z.object({
  fromTimestamp: z.iso.datetime({ offset: true }).optional(),
  toTimestamp: z.iso.datetime({ offset: true }).optional(),
  name: filterText,
  userId: filterText,
  sessionId: filterText,
  feature: filterText,
  release: filterText,
  version: filterText,
  environment: z.array(z.string().trim().min(1).max(MAX_FILTER_LENGTH)).max(20),
  tags: z.array(z.string().trim().min(1).max(MAX_FILTER_LENGTH)).max(20),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  cursor: z.string().min(1).max(3000).optional(),
  /** `field.asc` or `field.desc` (see TRACE_ORDER_FIELDS); newest first by default. */
  orderBy: TraceOrderZ.default(DEFAULT_TRACE_ORDER),
  /** Langfuse's field groups; without "io", input, output and metadata are left out. */
  fields: z.string().max(200).optional(),
  /** Langfuse's JSON array of conditions, applied together with the parameters above. */
  filter: publicFilterParamZ(TRACE_FILTER_COLUMNS).optional(),
});

export type ListTracesQuery = z.infer<typeof ListTracesQueryZ>;

/** Parses URL search parameters; repeatable ones (tags, environment) become lists. */
export function parseListTracesQuery(searchParams: URLSearchParams): ListTracesQuery {
  return ListTracesQueryZ.parse(searchParamsRecord(searchParams, ["tags", "environment"]));
}
