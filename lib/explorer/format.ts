import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** Display formatting shared by the explorer's pages. Stored values stay exact; these round. */

const integerFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const compactFormat = new Intl.NumberFormat("en-US", {
  notation: "compact",
  maximumFractionDigits: 1,
});

/** "850ms", "1.24s", "2m 05s", "3h 02m"; fractions below 10 ms keep two decimals. */
export function formatDuration(millis: number): string {
  if (!Number.isFinite(millis)) return "–";
  if (millis < 10) return `${millis.toFixed(millis === 0 ? 0 : 2)}ms`;
  if (millis < 1000) return `${Math.round(millis)}ms`;
  if (millis < 60_000) return `${(millis / 1000).toFixed(2)}s`;

  const totalSeconds = Math.round(millis / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, "0")}m`;
  return `${minutes}m ${String(seconds).padStart(2, "0")}s`;
}

/** Token counts: grouped digits up to 100k, compact ("1.2M") beyond. */
export function formatTokens(count: number | null | undefined): string {
  if (count === null || count === undefined) return "–";
  return count >= 100_000 ? compactFormat.format(count) : integerFormat.format(count);
}

/** A USD cost from its exact decimal text: "$0.0123", "$0.000042", "$12.40"; null is "–". */
export function formatCost(cost: string | null | undefined): string {
  if (cost === null || cost === undefined) return "–";
  const value = Number(cost);
  if (!Number.isFinite(value)) return cost;
  if (value === 0) return "$0";
  if (value >= 100) return `$${value.toFixed(2)}`;
  if (value >= 0.01) return `$${trimZeros(value.toFixed(4))}`;
  return `$${trimZeros(value.toPrecision(2).includes("e") ? value.toFixed(8) : value.toFixed(6))}`;
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** A time as "2026-12-03 18:04:05.123" in the given IANA time zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return format(new TZDate(date.getTime(), timeZone), "yyyy-MM-dd HH:mm:ss.SSS");
  } catch {
    return date.toISOString().replace("T", " ").replace("Z", " UTC");
  }
}

/**
 * A short time for dense tables: "Dec 3, 18:04:05" in the given time zone, with the year
 * ("Jan 1 1970, 00:00:00") when it is not the current one, so that a span from a client with a
 * wrong clock does not pass for a recent one.
 */
export function formatShortDateTime(iso: string, timeZone: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    const zoned = new TZDate(date.getTime(), timeZone);
    const sameYear = zoned.getFullYear() === new TZDate(now.getTime(), timeZone).getFullYear();
    return format(zoned, sameYear ? "MMM d, HH:mm:ss" : "MMM d yyyy, HH:mm:ss");
  } catch {
    return date.toISOString();
  }
}

/** The value of an `<input type="datetime-local">` showing `iso` in the given time zone. */
export function toDateTimeLocalValue(iso: string | undefined, timeZone: string): string {
  if (!iso) return "";
  try {
    return format(new TZDate(new Date(iso).getTime(), timeZone), "yyyy-MM-dd'T'HH:mm");
  } catch {
    return "";
  }
}

/** The instant an `<input type="datetime-local">` value names in the given time zone, as ISO. */
export function fromDateTimeLocalValue(value: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  const date = new TZDate(year!, month! - 1, day!, hour!, minute!, timeZone);
  return Number.isNaN(date.getTime()) ? undefined : new Date(date.getTime()).toISOString();
}
