/** Where a span's bar sits on the timeline and where its duration label goes, in percent. */
export interface TimelineBar {
  left: number;
  width: number;
  /** After the bar; before it when the bar ends late; inside its end when it spans the row. */
  label: "after" | "before" | "inside";
}

/** Labels after a bar that ends past this point would be cut at the row's right edge. */
const LABEL_AFTER_LIMIT = 70;
/** Room a label needs before a bar's start to stay inside the bar area. */
const LABEL_BEFORE_ROOM = 30;

export function timelineBar(startMs: number, durationMs: number, traceMs: number): TimelineBar {
  const total = traceMs > 0 ? traceMs : 1;
  const left = clamp((startMs / total) * 100, 0, 100);
  const width = clamp((durationMs / total) * 100, 0, 100 - left);
  const label =
    left + width <= LABEL_AFTER_LIMIT ? "after" : left >= LABEL_BEFORE_ROOM ? "before" : "inside";
  return { left, width, label };
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, value));
}
