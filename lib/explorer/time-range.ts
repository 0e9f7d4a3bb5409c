/**
 * Time ranges of the explorer. Presets are kept relative in the URL ("last 24 hours"), so a
 * shared link shows the same window relative to when it is opened; custom ranges are absolute.
 */

export const TIME_RANGE_PRESETS = {
  "1h": { label: "Last hour", millis: 3_600_000 },
  "24h": { label: "Last 24 hours", millis: 86_400_000 },
  "7d": { label: "Last 7 days", millis: 7 * 86_400_000 },
  "30d": { label: "Last 30 days", millis: 30 * 86_400_000 },
} as const;

export type TimeRangePreset = keyof typeof TIME_RANGE_PRESETS;

export type TimeRangeKey = TimeRangePreset | "all" | "custom";

export const TIME_RANGE_KEYS: readonly TimeRangeKey[] = ["1h", "24h", "7d", "30d", "all", "custom"];

export const DEFAULT_TIME_RANGE: TimeRangeKey = "7d";

export function timeRangeLabel(key: TimeRangeKey): string {
  if (key === "all") return "All time";
  if (key === "custom") return "Custom range";
  return TIME_RANGE_PRESETS[key].label;
}

/** The absolute bounds of a range: from inclusive, to exclusive, either may be open. */
export interface ResolvedTimeRange {
  from: Date | null;
  to: Date | null;
}

export function resolveTimeRange(
  range: TimeRangeKey,
  custom: { from?: string; to?: string },
  now: Date,
): ResolvedTimeRange {
  if (range === "all") return { from: null, to: null };
  if (range === "custom") {
    return {
      from: custom.from ? new Date(custom.from) : null,
      to: custom.to ? new Date(custom.to) : null,
    };
  }
  return { from: new Date(now.getTime() - TIME_RANGE_PRESETS[range].millis), to: null };
}
