"use client";

import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useState,
  useSyncExternalStore,
} from "react";
import { apiFetch } from "@/components/ui/api-fetch";
import { formatDateTime, formatShortDateTime } from "@/lib/explorer/format";

/**
 * The time zone the explorer shows times in: the one saved in the user's profile, else the
 * browser's own. Times are stored and sent in UTC; only display converts.
 */
// When the profile has no zone the server renders UTC first, so times switch to the browser's zone
// right after hydration. A saved zone renders the same on the server and in the browser.
interface TimeZoneState {
  saved: string | null;
  save: (timeZone: string | null) => void;
  error: string | null;
}

const TimeZoneContext = createContext<TimeZoneState | null>(null);

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

const noSubscription = () => () => {};

/** Holds the signed-in user's saved zone for every time shown below it and saves changes. */
export function TimeZoneProvider({
  saved: initial,
  children,
}: {
  saved: string | null;
  children: React.ReactNode;
}) {
  const [saved, setSaved] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const save = useCallback(
    (timeZone: string | null) => {
      const previous = saved;
      setSaved(timeZone);
      setError(null);
      apiFetch("/api/me", { method: "PATCH", body: { timeZone } }).catch((failure: unknown) => {
        setSaved(previous);
        setError(failure instanceof Error ? failure.message : "Could not save the time zone");
      });
    },
    [saved],
  );
  const value = useMemo(() => ({ saved, save, error }), [saved, save, error]);
  return <TimeZoneContext.Provider value={value}>{children}</TimeZoneContext.Provider>;
}

/** The display time zone; "UTC" while rendering on the server when the profile has none. */
export function useDisplayTimeZone(): string {
  const state = useContext(TimeZoneContext);
  const browserZone = useSyncExternalStore(noSubscription, browserTimeZone, () => null);
  return state?.saved ?? browserZone ?? "UTC";
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

const COMMON_ZONES = ["UTC", "America/Los_Angeles", "America/New_York", "Europe/London"];

/** Picks the display time zone, saved in the user's profile. */
export function TimeZoneSelect() {
  const state = useContext(TimeZoneContext);
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
          state?.save(chosen === browserZone ? null : chosen);
        }}
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone === browserZone ? `${zone} (browser)` : zone}
          </option>
        ))}
      </select>
      {state?.error ? (
        <span role="status" className="text-red-600 dark:text-red-400">
          {state.error}
        </span>
      ) : null}
    </label>
  );
}
