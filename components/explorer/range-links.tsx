import Link from "next/link";
import { timeRangeLabel, type TimeRangeKey } from "@/lib/explorer/time-range";

const RANGES: TimeRangeKey[] = ["1h", "24h", "7d", "30d", "all"];

/** Time range presets as links (for the server-rendered sessions and users lists). */
export function RangeLinks({
  current,
  hrefFor,
}: {
  current: TimeRangeKey;
  hrefFor: (range: TimeRangeKey) => string;
}) {
  return (
    <nav
      className="inline-flex overflow-hidden rounded-md border border-zinc-300 text-xs dark:border-zinc-700"
      aria-label="Time range"
    >
      {RANGES.map((range) => (
        <Link
          key={range}
          href={hrefFor(range)}
          aria-current={range === current ? "page" : undefined}
          className={`px-2.5 py-1 ${range === current ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"}`}
        >
          {range === "all" ? timeRangeLabel(range) : range}
        </Link>
      ))}
    </nav>
  );
}
