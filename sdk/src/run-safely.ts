import type { DebugLogger } from "./debug-logger";

/**
 * Runs SDK work that must never break the host app: an exception is logged (debug only) and the
 * fallback returned instead.
 */
export function runSafely<T>(log: DebugLogger, label: string, work: () => T, fallback: T): T {
  try {
    return work();
  } catch (error) {
    log.debug(`${label} failed`, describeError(error));
    return fallback;
  }
}

/** Like {@link runSafely} for async work: the promise always resolves. */
export async function runSafelyAsync<T>(
  log: DebugLogger,
  label: string,
  work: () => Promise<T>,
  fallback: T,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    log.debug(`${label} failed`, describeError(error));
    return fallback;
  }
}

/** A short description of anything thrown, for debug output and span status messages. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
