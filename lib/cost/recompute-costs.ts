import { getPrisma } from "../db/prisma";
import { getSql } from "../db/sql";
import { RECOMPUTE_TRACES_SQL } from "../ingest/trace-rollup-sql";
import type { Usage } from "../ingest/types";
import { enqueueJob, registerWorker } from "../jobs/job-queue";
import { logger } from "../log/logger";
import { MARK_COST_HOURS_DIRTY_SQL } from "./cost-rollups";
import { costFromPrice } from "./price-span";
import { invalidatePriceBook, loadPriceBook } from "./price-store";

export const RECOMPUTE_QUEUE = "recompute-costs";
const BATCH_SIZE = 2000;

interface StoredSpan {
  trace_id: string;
  span_id: string;
  start_time: Date;
  /**
   * start_time to the microsecond, kept as text end to end: a JS Date (or a parameter typed
   * timestamptz, which postgres.js turns into one) would cut it to milliseconds.
   */
  start_exact: string;
  model: string | null;
  request_model: string | null;
  response_model: string | null;
  input_tokens: bigint | null;
  output_tokens: bigint | null;
  total_tokens: bigint | null;
  cache_read_tokens: bigint | null;
  cache_write_tokens: bigint | null;
  reasoning_tokens: bigint | null;
  audio_input_tokens: bigint | null;
  audio_output_tokens: bigint | null;
  image_input_tokens: bigint | null;
}

const num = (value: bigint | null) => (value === null ? null : Number(value));

function usageOf(span: StoredSpan): Usage {
  return {
    input: num(span.input_tokens),
    output: num(span.output_tokens),
    total: num(span.total_tokens),
    cacheRead: num(span.cache_read_tokens),
    cacheWrite: num(span.cache_write_tokens),
    reasoning: num(span.reasoning_tokens),
    audioInput: num(span.audio_input_tokens),
    audioOutput: num(span.audio_output_tokens),
    imageInput: num(span.image_input_tokens),
  };
}

/** Records a run and queues the recomputation of a project's stored costs. */
export async function requestCostRecompute(projectId: string): Promise<string> {
  invalidatePriceBook(projectId);
  const run = await getPrisma().costRecomputeRun.create({ data: { projectId } });
  await enqueueJob(RECOMPUTE_QUEUE, { runId: run.id, projectId });
  return run.id;
}

/**
 * Recomputes the cost of every priced-from-registry span of a project (client-reported costs are
 * never touched), batch by batch, then the rollups of the traces those spans belong to. Each
 * batch replaces values rather than adding to them, so a retried run cannot double count.
 */
export async function recomputeProjectCosts(runId: string, projectId: string): Promise<void> {
  const prisma = getPrisma();
  const sql = getSql();
  invalidatePriceBook(projectId);
  const book = await loadPriceBook(projectId);
  const [{ count }] = await sql<{ count: bigint }[]>`
    SELECT count(*) FROM spans WHERE project_id = ${projectId}
      AND cost_source IS DISTINCT FROM 'client'
      AND (input_tokens IS NOT NULL OR output_tokens IS NOT NULL)`;
  await prisma.costRecomputeRun.update({
    where: { id: runId },
    data: { status: "running", startedAt: new Date(), total: Number(count) },
  });

  let cursor: { start: string; traceId: string; spanId: string } | null = null;
  let processed = 0;
  for (;;) {
    const afterCursor = cursor
      ? sql`AND (start_time, trace_id, span_id)
          > (${cursor.start}::text::timestamptz, ${cursor.traceId}, ${cursor.spanId})`
      : sql``;
    const spans: StoredSpan[] = await sql<StoredSpan[]>`
      SELECT trace_id, span_id, start_time, start_time::text AS start_exact, model, request_model,
        response_model, input_tokens, output_tokens, total_tokens, cache_read_tokens,
        cache_write_tokens, reasoning_tokens, audio_input_tokens, audio_output_tokens,
        image_input_tokens
      FROM spans
      WHERE project_id = ${projectId} AND cost_source IS DISTINCT FROM 'client'
        AND (input_tokens IS NOT NULL OR output_tokens IS NOT NULL)
        ${afterCursor}
      ORDER BY start_time, trace_id, span_id
      LIMIT ${BATCH_SIZE}`;
    if (spans.length === 0) break;

    const updates = spans.map((span) => {
      const resolved = book.resolve(
        [span.response_model, span.request_model, span.model],
        span.start_time,
      );
      const cost = resolved ? costFromPrice(usageOf(span), resolved) : null;
      if (cost?.warning) {
        logger.warn(
          { projectId, runId, traceId: span.trace_id, spanId: span.span_id, reason: cost.warning },
          "recomputed span cost left out",
        );
      }
      return {
        trace_id: span.trace_id,
        span_id: span.span_id,
        start_time: span.start_exact,
        input_cost: cost?.inputCost ?? null,
        output_cost: cost?.outputCost ?? null,
        total_cost: cost?.totalCost ?? null,
        cost_source: cost?.costSource ?? null,
        price_id: cost?.priceId ?? null,
        cost_details: cost?.costDetails ?? null,
        cost_warning: cost?.warning ?? null,
      };
    });
    const traceIds = [...new Set(spans.map((span) => span.trace_id))];
    await sql.begin((transaction) => [
      transaction`
        UPDATE spans s SET input_cost = u.input_cost, output_cost = u.output_cost,
          total_cost = u.total_cost, cost_source = u.cost_source, price_id = u.price_id,
          cost_details = u.cost_details, updated_at = now(),
          -- The cost warning of an earlier pricing (see limitSpanCost) gives way to this one.
          warnings = (
            SELECT COALESCE(jsonb_agg(w.value ORDER BY w.ordinality), '[]'::jsonb)
            FROM jsonb_array_elements(s.warnings) WITH ORDINALITY AS w(value, ordinality)
            WHERE w.value #>> '{}' NOT LIKE 'cost: the %'
          ) || CASE WHEN u.cost_warning IS NULL THEN '[]'::jsonb
            ELSE jsonb_build_array(u.cost_warning) END
        FROM json_to_recordset(${JSON.stringify(updates)}::text::json)
          AS u(trace_id text, span_id text, start_time timestamptz, input_cost numeric,
            output_cost numeric, total_cost numeric, cost_source text, price_id text,
            cost_details jsonb, cost_warning text)
        WHERE s.project_id = ${projectId} AND s.trace_id = u.trace_id AND s.span_id = u.span_id
          AND s.start_time = u.start_time`,
      transaction.unsafe(RECOMPUTE_TRACES_SQL, [projectId, traceIds]),
      transaction.unsafe(MARK_COST_HOURS_DIRTY_SQL, [projectId, traceIds]),
    ]);

    processed += spans.length;
    const last = spans[spans.length - 1]!;
    cursor = { start: last.start_exact, traceId: last.trace_id, spanId: last.span_id };
    await prisma.costRecomputeRun.update({ where: { id: runId }, data: { processed } });
  }
  await prisma.costRecomputeRun.update({
    where: { id: runId },
    data: { status: "done", processed, finishedAt: new Date() },
  });
}

/** Starts the worker that runs queued recomputations in this process. */
export async function startCostRecomputeWorker(): Promise<void> {
  await registerWorker<{ runId: string; projectId: string }>(RECOMPUTE_QUEUE, async (job) => {
    try {
      await recomputeProjectCosts(job.runId, job.projectId);
    } catch (error) {
      logger.error({ err: error, projectId: job.projectId }, "cost recompute failed");
      await getPrisma().costRecomputeRun.update({
        where: { id: job.runId },
        data: { status: "failed", error: error instanceof Error ? error.message : String(error) },
      });
      throw error;
    }
  });
}
