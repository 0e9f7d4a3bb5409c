// Runs once when the Next.js server starts: background workers live in the server process.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { startCostRecomputeWorker } = await import("./lib/cost/recompute-costs");
  const { logger } = await import("./lib/log/logger");
  await startCostRecomputeWorker().catch((error: unknown) => {
    logger.error({ err: error }, "could not start the cost recompute worker");
  });
}
