/** Shapes stored trace rollups into the public API's trace objects (Langfuse field names). */

/** A `traces` row as selected by TRACE_COLUMNS. */
export interface TraceRow {
  trace_id: string;
  name: string | null;
  root_span_id: string | null;
  start_time: Date;
  end_time: Date;
  start_ns: bigint;
  end_ns: bigint;
  duration_ns: bigint;
  start_micros: bigint;
  user_id: string | null;
  session_id: string | null;
  feature: string | null;
  tags: string[];
  environment: string | null;
  release: string | null;
  version: string | null;
  input?: unknown;
  output?: unknown;
  metadata?: unknown;
  models: string[];
  level: string;
  error_count: number;
  span_count: number;
  missing_parent_count: number;
  input_tokens: bigint;
  output_tokens: bigint;
  total_tokens: bigint;
  cache_read_tokens: bigint;
  cache_write_tokens: bigint;
  reasoning_tokens: bigint;
  input_cost: string | null;
  output_cost: string | null;
  total_cost: string | null;
  unpriced_count: number;
  created_at: Date;
  updated_at: Date;
}

const NANOS_PER_SECOND = 1e9;

/**
 * A stored exact decimal cost as a JSON number, as Langfuse's API and clients expect (they add
 * costs up); null stays null (unpriced is not free). Exact sums stay in SQL, the UI and CSV.
 */
export function costNumber(decimal: string | null): number | null {
  return decimal === null ? null : Number(decimal);
}

/**
 * The public trace object; input, output and metadata only when the row carries them. Latency
 * in seconds, costs as numbers, as in Langfuse's API.
 */
export function toTraceResponse(projectId: string, row: TraceRow) {
  return {
    id: row.trace_id,
    projectId,
    htmlPath: `/project/${projectId}/traces/${row.trace_id}`,
    name: row.name,
    timestamp: row.start_time.toISOString(),
    startTimeNanos: row.start_ns.toString(),
    endTime: row.end_time.toISOString(),
    endTimeNanos: row.end_ns.toString(),
    latency: Number(row.duration_ns) / NANOS_PER_SECOND,
    userId: row.user_id,
    sessionId: row.session_id,
    feature: row.feature,
    tags: row.tags,
    environment: row.environment,
    release: row.release,
    version: row.version,
    ...("input" in row ? { input: row.input, output: row.output, metadata: row.metadata } : {}),
    level: row.level,
    errorCount: row.error_count,
    models: row.models,
    rootObservationId: row.root_span_id,
    totalCost: costNumber(row.total_cost),
    costDetails: {
      input: costNumber(row.input_cost),
      output: costNumber(row.output_cost),
      total: costNumber(row.total_cost),
    },
    usageDetails: {
      input: Number(row.input_tokens),
      output: Number(row.output_tokens),
      total: Number(row.total_tokens),
      cache_read: Number(row.cache_read_tokens),
      cache_write: Number(row.cache_write_tokens),
      reasoning: Number(row.reasoning_tokens),
    },
    observationCount: row.span_count,
    missingParentCount: row.missing_parent_count,
    unpricedGenerationCount: row.unpriced_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export type TraceResponse = ReturnType<typeof toTraceResponse>;
