"use client";

import { useMemo, useSyncExternalStore } from "react";
import { formatDateTime, formatShortDateTime } from "@/lib/explorer/format";

/**
 * The time zone the explorer shows times in: chosen per browser (localStorage), the browser's
 * own by default. Times are stored and sent in UTC; only display converts.
 */
// Limitation: the choice is kept per browser, not in the user's profile (User.timeZone), and the
// server renders UTC first, so times switch to the chosen zone right after hydration.
const STORAGE_KEY = "sightline-time-zone";
const CHANGE_EVENT = "sightline-time-zone-change";

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

function readTimeZone(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) || browserTimeZone();
  } catch {
    return browserTimeZone();
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** The display time zone; "UTC" while rendering on the server (the browser's is unknown there). */
export function useDisplayTimeZone(): string {
  return useSyncExternalStore(subscribe, readTimeZone, () => "UTC");
}

function saveTimeZone(timeZone: string | null): void {
  try {
    if (timeZone === null) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, timeZone);
  } catch {
    // Storage can be unavailable (private mode): the choice then lasts for this page only.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** A time in the display time zone; the exact UTC instant is in the tooltip. */
export function DisplayTime({ iso, short = false }: { iso: string; short?: boolean }) {
  const timeZone = useDisplayTimeZone();
  const text = short ? formatShortDateTime(iso, timeZone) : formatDateTime(iso, timeZone);
  return (
    <time dateTime={iso} title={`${iso} (shown in ${timeZone})`} className="tabular-nums">
      {text}
    </time>
  );
}

const noSubscription = () => () => {};

const COMMON_ZONES = ["UTC", "America/Los_Angeles", "America/New_York", "Europe/London"];

/** Picks the display time zone for this browser. */
export function TimeZoneSelect() {
  const timeZone = useDisplayTimeZone();
  // Null on the server, so that the first client render matches the server's HTML.
  const browserZone = useSyncExternalStore(noSubscription, browserTimeZone, () => null);
  const zones = useMemo(() => {
    const all =
      typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    return [...new Set([...COMMON_ZONES, timeZone, ...all])];
  }, [timeZone]);

  return (
    <label className="flex items-center gap-1.5 text-xs text-zinc-500">
      <span>Time zone</span>
      <select
        aria-label="Display time zone"
        className="max-w-44 rounded-md border border-zinc-300 bg-white px-1.5 py-1 text-xs text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
        value={timeZone}
        onChange={(event) => {
          const chosen = event.target.value;
          saveTimeZone(chosen === browserZone ? null : chosen);
        }}
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone === browserZone ? `${zone} (browser)` : zone}
          </option>
        ))}
      </select>
    </label>
  );
}
