import type { Sql } from "@/lib/db/sql";
import { logger } from "@/lib/log/logger";

/**
 * Monthly partitions of `spans`, created on demand the first time a batch holds a span of that
 * month. Spans further than this from now go to the default partition, so that a client's wild
 * clock cannot create thousands of tables.
 */
export const PARTITION_WINDOW_YEARS = 5;

const NANOS_PER_MILLI = 1_000_000n;
const RETRY_AFTER_FAILURE_MS = 60_000;

interface PartitionState {
  /** "ready": the month has its partition; "default": its rows go to spans_default. */
  state: "ready" | "default";
  /** For a transient failure, when to try creating the partition again. */
  retryAt?: number;
}

// Limitation: what is known about partitions is cached per process and never expires once a
// partition is "ready"; if retention drops a month's partition while the process runs, late
// spans of that month go to the default partition (still stored, just not pruned with it).
const partitionStates = new Map<string, PartitionState>();
const creations = new Map<string, Promise<void>>();

/** The month key ("2026_12") of a start time, or null when it belongs in the default partition. */
export function partitionMonthOf(startNs: bigint, now: number = Date.now()): string | null {
  const millis = Number(startNs / NANOS_PER_MILLI);
  const windowMillis = PARTITION_WINDOW_YEARS * 365.25 * 24 * 3600 * 1000;
  if (Math.abs(millis - now) > windowMillis) return null;

  const date = new Date(millis);
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${date.getUTCFullYear()}_${month}`;
}

/**
 * Makes sure each month has its partition before rows are inserted. Never throws: a month whose
 * partition cannot be created keeps using the default partition, which accepts any row.
 */
export async function ensureSpanPartitions(sql: Sql, months: Iterable<string>): Promise<void> {
  const now = Date.now();
  const pending: Promise<void>[] = [];
  for (const month of new Set(months)) {
    const known = partitionStates.get(month);
    if (known && (known.retryAt === undefined || known.retryAt > now)) continue;

    let creation = creations.get(month);
    if (!creation) {
      creation = createPartition(sql, month).finally(() => creations.delete(month));
      creations.set(month, creation);
    }
    pending.push(creation);
  }
  await Promise.all(pending);
}

async function createPartition(sql: Sql, month: string): Promise<void> {
  const [year, monthNumber] = month.split("_").map(Number) as [number, number];
  const from = new Date(Date.UTC(year, monthNumber - 1, 1)).toISOString();
  const to = new Date(Date.UTC(year, monthNumber, 1)).toISOString();
  const table = `spans_${month}`;

  try {
    // The name and bounds come from integers computed above, never from client text.
    await sql.begin(async (transaction) => {
      await transaction.unsafe(`SET LOCAL lock_timeout = '2s'`);
      await transaction.unsafe(
        `CREATE TABLE IF NOT EXISTS "${table}" PARTITION OF "spans" ` +
          `FOR VALUES FROM ('${from}') TO ('${to}')`,
      );
    });
    partitionStates.set(month, { state: "ready" });
  } catch (error) {
    partitionStates.set(month, describeFailure(error, table));
  }
}

function describeFailure(error: unknown, table: string): PartitionState {
  const code = (error as { code?: string } | null)?.code;
  // 42P07/23505: another writer created it first. 23514: the default partition already holds
  // rows of that month, so the month stays there for good.
  if (code === "42P07" || code === "23505") return { state: "ready" };
  if (code === "23514") {
    logger.warn({ table }, "spans of this month are in the default partition; not partitioned");
    return { state: "default" };
  }

  const reason = error instanceof Error ? error.message : String(error);
  logger.warn({ table, code, reason }, "cannot create span partition; using the default one");
  return { state: "default", retryAt: Date.now() + RETRY_AFTER_FAILURE_MS };
}
