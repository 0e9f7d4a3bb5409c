import type { Sql } from "@/lib/db/sql";

/**
 * The `traces` columns the read API selects. Costs lose their padding zeros (trim_scale) but
 * stay exact decimal strings; start_micros is the exact start_time for cursors.
 */
export function traceColumns(sql: Sql, options: { withIo: boolean }) {
  return sql`
    t.trace_id, t.name, t.root_span_id, t.start_time, t.end_time, t.start_ns, t.end_ns,
    t.duration_ns, (extract(epoch FROM t.start_time) * 1000000)::bigint AS start_micros,
    t.user_id, t.session_id, t.feature, t.tags, t.environment, t.release, t.version,
    ${options.withIo ? sql`t.input, t.output, t.metadata,` : sql``}
    t.models, t.level, t.error_count, t.span_count, t.missing_parent_count,
    t.input_tokens, t.output_tokens, t.total_tokens, t.cache_read_tokens,
    t.cache_write_tokens, t.reasoning_tokens,
    trim_scale(t.input_cost)::text AS input_cost, trim_scale(t.output_cost)::text AS output_cost,
    trim_scale(t.total_cost)::text AS total_cost, t.unpriced_count, t.created_at, t.updated_at`;
}
