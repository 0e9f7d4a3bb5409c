/** A span's times as stored: exact nanoseconds, with end clamped to start when it is unusable. */
export interface SpanTimes {
  startNs: bigint;
  endNs: bigint;
  durationNs: bigint;
  /** The times as sent, kept only when endNs had to be clamped. */
  rawTimes: { startTimeUnixNano: string; endTimeUnixNano: string } | null;
  warning: string | null;
}

// Limitation: start_time/end_time (for indexing and partitioning) keep microseconds; the exact
// nanoseconds live in start_ns/end_ns and are what the API returns as *Nanos.

/** The largest value a Postgres BIGINT column holds. */
export const INT64_MAX = (1n << 63n) - 1n;

/**
 * Resolves the decimal nanosecond strings of a span. Times beyond int64 cannot be stored and
 * are a rejection reason; an end of 0 or before the start gives duration 0 and a warning, and
 * so does a start of 0 (the span is placed at its end).
 */
export function resolveSpanTimes(
  startTimeUnixNano: string,
  endTimeUnixNano: string,
): SpanTimes | { rejection: string } {
  const startNs = BigInt(startTimeUnixNano);
  const endNs = BigInt(endTimeUnixNano);
  if (startNs > INT64_MAX) {
    return { rejection: "startTimeUnixNano: is beyond the largest storable time (int64)" };
  }
  if (endNs > INT64_MAX) {
    return { rejection: "endTimeUnixNano: is beyond the largest storable time (int64)" };
  }

  if (startNs === 0n) {
    // 0 is protobuf's "unset": a span from 1970 lasting 56 years would wreck every latency
    // figure, so it is placed at its end (duration 0), or kept at 0 when neither time was set.
    return {
      startNs: endNs,
      endNs,
      durationNs: 0n,
      rawTimes: { startTimeUnixNano, endTimeUnixNano },
      warning:
        endNs === 0n
          ? "startTimeUnixNano and endTimeUnixNano are 0 (never set); stored at 1970-01-01"
          : "startTimeUnixNano is 0 (never set); the span is placed at its end, duration 0",
    };
  }
  if (endNs === 0n || endNs < startNs) {
    const problem = endNs === 0n ? "is 0 (span never ended)" : "is before startTimeUnixNano";
    return {
      startNs,
      endNs: startNs,
      durationNs: 0n,
      rawTimes: { startTimeUnixNano, endTimeUnixNano },
      warning: `endTimeUnixNano ${problem}; duration set to 0`,
    };
  }
  return { startNs, endNs, durationNs: endNs - startNs, rawTimes: null, warning: null };
}
