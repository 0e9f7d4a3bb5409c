import { z } from "zod";

import { getSql } from "@/lib/db/sql";
import { AppError } from "@/lib/http/app-error";
import { searchParamsRecord } from "@/lib/http/search-params";

import {
  observationColumns,
  toObservationResponse,
  type ObservationResponse,
  type ObservationRow,
} from "./observation-fields";
import {
  ListObservationsQueryZ,
  observationConditions,
  REPEATABLE_OBSERVATION_PARAMETERS,
  traceFieldIs,
} from "./list-observations";

/** Query of GET /api/public/v2/observations (Langfuse's v2 names: cursor paging, no page). */
export const ListObservationsV2QueryZ = ListObservationsQueryZ.omit({
  page: true,
  limit: true,
}).extend({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  cursor: z.string().max(500).optional(),
  sessionId: z.string().trim().min(1).max(2000).optional(),
  isRootObservation: z.enum(["true", "false"]).optional(),
  // Field groups: every field is always returned, so the choice is accepted and not needed.
  fields: z.string().max(500).optional(),
  expandMetadata: z.string().max(2000).optional(),
  parseIoAsJson: z.enum(["true", "false"]).optional(),
});

export type ListObservationsV2Query = z.infer<typeof ListObservationsV2QueryZ>;

/** Parses the URL search parameters of GET /api/public/v2/observations. */
export function parseListObservationsV2Query(searchParams: URLSearchParams) {
  return ListObservationsV2QueryZ.parse(
    searchParamsRecord(searchParams, REPEATABLE_OBSERVATION_PARAMETERS),
  );
}

/** A v2 observation: input and output as raw text, as Langfuse's v2 API gives them. */
export type ObservationV2 = Omit<ObservationResponse, "input" | "output"> & {
  projectId: string;
  input: string | null;
  output: string | null;
};

interface Cursor {
  startMicros: string;
  spanId: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(text: string): Cursor {
  const parsed = z
    .object({ startMicros: z.string().regex(/^-?\d{1,20}$/), spanId: z.string().max(200) })
    .safeParse(safeJson(Buffer.from(text, "base64url").toString()));
  if (!parsed.success) throw new AppError("bad_request", "cursor: not a cursor this API gave");
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function rawText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * A page of the project's observations, newest start first (span id as tie-break), paged by a
 * keyset cursor: stable while new spans arrive, and as fast on the last page as on the first.
 */
export async function listObservationsV2(
  projectId: string,
  query: ListObservationsV2Query,
): Promise<{ data: ObservationV2[]; meta: { cursor?: string } }> {
  if (query.parseIoAsJson === "true") {
    throw new AppError(
      "bad_request",
      "parseIoAsJson: no longer supported; input and output are text",
    );
  }
  const sql = getSql();
  const parts = [observationConditions(sql, projectId, query)];
  if (query.sessionId) {
    parts.push(traceFieldIs(sql, projectId, "session_id", query.sessionId));
  }
  if (query.isRootObservation) {
    parts.push(
      query.isRootObservation === "true"
        ? sql`s.parent_span_id IS NULL`
        : sql`s.parent_span_id IS NOT NULL`,
    );
  }
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    const micros = sql`${after.startMicros}::bigint`;
    const start = sql`timestamptz 'epoch' + ${micros} * interval '1 microsecond'`;
    parts.push(sql`(s.start_time, s.span_id) < (${start}, ${after.spanId})`);
  }
  const where = parts.reduce((joined, part) => sql`${joined} AND ${part}`);

  const rows = await sql<Array<ObservationRow & { start_micros: string }>>`
    SELECT ${observationColumns(sql)},
      (extract(epoch FROM s.start_time) * 1000000)::bigint::text AS start_micros
    FROM spans AS s
    WHERE ${where}
    ORDER BY s.start_time DESC, s.span_id DESC
    LIMIT ${query.limit + 1}`;

  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const data = page.map((row) => {
    const observation = toObservationResponse(row, undefined);
    return {
      ...observation,
      projectId,
      input: rawText(observation.input),
      output: rawText(observation.output),
    };
  });
  const more = rows.length > query.limit && last;
  return {
    data,
    meta: more
      ? { cursor: encodeCursor({ startMicros: last.start_micros, spanId: last.span_id }) }
      : {},
  };
}
