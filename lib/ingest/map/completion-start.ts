import type { DecodedSpan } from "@/lib/ingest/types";

import type { AttributeReader } from "./attributes";
import type { Sourced } from "./sourced";

/**
 * The completion start of a streaming generation (when its first output arrived: time to first
 * token), shared by the convention modules that report one. Conventions report it either as a
 * timestamp (Langfuse) or as a delay after the span's start (the AI SDK, the GenAI conventions);
 * both become nanoseconds since the epoch here, checked against the span's own times. A value
 * outside the span, negative, NaN or unparseable is ignored with a warning, so that a
 * lower-precedence source can still supply one.
 */

const NANOS_PER_MILLISECOND = 1_000_000;
const NANOS_PER_SECOND = 1_000_000_000;

export type DelayUnit = "milliseconds" | "seconds";

const NANOS_PER_UNIT: Record<DelayUnit, number> = {
  milliseconds: NANOS_PER_MILLISECOND,
  seconds: NANOS_PER_SECOND,
};

/** A completion start given as an ISO-8601 timestamp attribute (plain or JSON-quoted). */
export function readCompletionStartTimestamp(
  attributes: AttributeReader,
  key: string,
  span: DecodedSpan,
  warnings: string[],
): Sourced<bigint> | undefined {
  const value = attributes.readJson(key);
  if (value === undefined) return undefined;

  const nanos = typeof value === "string" ? parseIsoTimestampNanos(value) : null;
  if (nanos === null) {
    const shown = JSON.stringify(value).slice(0, 60);
    attributes.warn(key, `is not an ISO-8601 timestamp (${shown})`);
    return undefined;
  }
  return checkWithinSpan(nanos, key, span, warnings);
}

/** A completion start given as a delay after the span's start, in the given unit. */
export function readCompletionStartDelay(
  attributes: AttributeReader,
  key: string,
  unit: DelayUnit,
  span: DecodedSpan,
  warnings: string[],
  source = key,
): Sourced<bigint> | undefined {
  // readNumber warns about NaN, infinities and text that is not a number.
  const delay = attributes.readNumber(key);
  if (delay === null) return undefined;

  if (delay < 0) {
    warnings.push(`${source} is negative (${delay}); ignored`);
    return undefined;
  }
  const nanos = BigInt(span.startTimeUnixNano) + BigInt(Math.round(delay * NANOS_PER_UNIT[unit]));
  return checkWithinSpan(nanos, source, span, warnings);
}

/** An absolute completion start (e.g. an event's time), if it lies within the span. */
export function checkWithinSpan(
  nanos: bigint,
  source: string,
  span: DecodedSpan,
  warnings: string[],
): Sourced<bigint> | undefined {
  const startNs = BigInt(span.startTimeUnixNano);
  const endNs = BigInt(span.endTimeUnixNano);

  if (nanos < startNs) {
    warnings.push(`${source} is before the span's start; ignored`);
    return undefined;
  }
  // A span that never ended (end 0) or ended before it started has no usable end to check.
  if (endNs >= startNs && endNs !== 0n && nanos > endNs) {
    warnings.push(`${source} is after the span's end; ignored`);
    return undefined;
  }
  return { value: nanos, source };
}

const ISO_DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;
const ISO_TIME = String.raw`(\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?`;
const ISO_OFFSET = String.raw`(?:([Zz])|([+-])(\d{2}):?(\d{2}))?`;
const ISO_TIMESTAMP = new RegExp(`^${ISO_DATE}[Tt ]${ISO_TIME}${ISO_OFFSET}$`);

/**
 * Nanoseconds since the epoch of an ISO-8601 date-time, keeping every fraction digit up to
 * nanoseconds (Date keeps milliseconds only; Python's isoformat writes microseconds). Without
 * an offset the time is taken as UTC, as the SDKs that omit it mean. Null when it does not parse
 * or names an impossible date.
 */
export function parseIsoTimestampNanos(text: string): bigint | null {
  const match = ISO_TIMESTAMP.exec(text.trim());
  if (!match) return null;

  const [, year, month, day, hour, minute, second, fraction, , sign, offsetH, offsetM] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number);
  if (h > 23 || mi > 59 || s > 59) return null;

  const millis = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls impossible dates over (February 30th becomes March 2nd): refuse those.
  const date = new Date(millis);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return null;
  }

  const fractionNs = BigInt((fraction ?? "").slice(0, 9).padEnd(9, "0"));
  let nanos = BigInt(millis) * BigInt(NANOS_PER_MILLISECOND) + fractionNs;
  if (sign) {
    if (Number(offsetH) > 23 || Number(offsetM) > 59) return null;
    const offsetMinutes = Number(offsetH) * 60 + Number(offsetM);
    const offsetNs = BigInt(offsetMinutes) * 60n * BigInt(NANOS_PER_SECOND);
    nanos += sign === "+" ? -offsetNs : offsetNs;
  }
  return nanos;
}
