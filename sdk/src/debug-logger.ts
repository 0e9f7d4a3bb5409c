/** Where the SDK says what it does; silent unless the app asked for debug output. */
export interface DebugLogger {
  readonly enabled: boolean;
  /** Logs one line (and the details, if any) when debug output is on. */
  debug(message: string, details?: unknown): void;
}

/** A logger writing `[sightline] …` lines to the console when enabled, and nothing otherwise. */
export function createDebugLogger(enabled: boolean): DebugLogger {
  return {
    enabled,
    debug(message, details) {
      if (!enabled) return;
      if (details === undefined) console.debug(`[sightline] ${message}`);
      else console.debug(`[sightline] ${message}`, details);
    },
  };
}

/** The logger used before `init()` and by the no-op runtime. */
export const SILENT_LOGGER: DebugLogger = createDebugLogger(false);
