import { countTraces, listTraces } from "../explorer/list-traces";
import { parseTraceListQuery, type TraceListQuery } from "../explorer/trace-list-query";

import { addSourcesToDataset, type AddSourcesResult } from "./add-sources";

/** Traces read per list page while adding (the traces list's largest page). */
const PAGE_SIZE = 200;
/** Pages handled per call, so that one request stays short and the caller can show progress. */
const PAGES_PER_STEP = 5;

export interface AddMatchingStep extends AddSourcesResult {
  /** Traces matching the filter when the run started (sent with the first step only). */
  totalMatching: number | null;
  /** Pass back to continue; null when every matching trace has been handled. */
  cursor: string | null;
  /** The instant relative time ranges are resolved at; pass it back so every step agrees. */
  asOf: string;
}

/**
 * One step of adding every trace that matches a traces-list filter (the list page's URL query)
 * to a dataset: up to PAGES_PER_STEP pages in time order, newest first. Call again with the
 * returned cursor and asOf until the cursor is null. Traces already in the dataset are skipped,
 * so running the same filter twice adds nothing the second time.
 */
export async function addMatchingTracesStep(input: {
  projectId: string;
  datasetId: string;
  filter: string;
  cursor: string | null;
  asOf: string | null;
  userId: string | null;
}): Promise<AddMatchingStep> {
  const now = input.asOf ? new Date(input.asOf) : new Date();
  const parsed = parseTraceListQuery(new URLSearchParams(input.filter));
  const query: TraceListQuery = { ...parsed, sort: "time", order: "desc", limit: PAGE_SIZE };

  const totalMatching = input.cursor ? null : await countTraces(input.projectId, query, { now });
  const result: AddSourcesResult = { added: 0, skipped: 0, missing: 0 };
  let cursor = input.cursor;
  for (let page = 0; page < PAGES_PER_STEP; page += 1) {
    const listed = await listTraces(
      input.projectId,
      { ...query, cursor: cursor ?? undefined },
      { now },
    );
    const sources = listed.rows.map((row) => ({ traceId: row.traceId }));
    const added = await addSourcesToDataset(
      input.projectId,
      input.datasetId,
      sources,
      input.userId,
    );
    result.added += added.added;
    result.skipped += added.skipped;
    result.missing += added.missing;
    cursor = listed.nextCursor;
    if (!cursor) break;
  }
  return { ...result, totalMatching, cursor, asOf: now.toISOString() };
}
