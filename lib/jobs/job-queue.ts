import PgBoss from "pg-boss";
import { logger } from "../log/logger";

const globalForBoss = globalThis as unknown as { sightlineBoss?: Promise<PgBoss> };

/** The Postgres-backed job queue (pg-boss), started once per process on first use. */
export function getJobQueue(): Promise<PgBoss> {
  globalForBoss.sightlineBoss ??= (async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const boss = new PgBoss({ connectionString: url, max: 4 });
    boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
    await boss.start();
    return boss;
  })();
  return globalForBoss.sightlineBoss;
}

/** Registers a worker for a queue, creating the queue when missing. */
export async function registerWorker<T extends object>(
  name: string,
  handler: (data: T) => Promise<void>,
): Promise<void> {
  const boss = await getJobQueue();
  await boss.createQueue(name);
  await boss.work<T>(name, async (jobs) => {
    for (const job of jobs) await handler(job.data);
  });
}

/** Puts a job on a queue (creating it when missing). */
export async function enqueueJob(name: string, data: object): Promise<void> {
  const boss = await getJobQueue();
  await boss.createQueue(name);
  await boss.send(name, data, { retryLimit: 3, retryBackoff: true });
}
