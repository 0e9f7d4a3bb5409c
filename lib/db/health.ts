import { getSql } from "./sql";

/** Asks the database a trivial question with a short deadline. */
export async function checkDatabase(
  timeoutMs = 2000,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const query = getSql()`SELECT 1`;
    const timeout = new Promise<never>((_, reject) => {
      setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref();
    });
    await Promise.race([query, timeout]);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
