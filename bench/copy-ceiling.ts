// The raw write ceiling for the ingest bench: the same span rows the writer would store, sent
// with COPY into a bare table (same columns, no partitions, no indexes, no conflict handling).
import { once } from "node:events";

import type { Sql } from "../lib/db/sql";
import { SPAN_JSON_COLUMNS, SPAN_SCALAR_COLUMNS } from "../lib/ingest/span-columns";

export const CEILING_TABLE = "bench_copy_ceiling";

const COLUMNS = [
  "project_id",
  ...SPAN_SCALAR_COLUMNS.map((column) => column.name),
  ...SPAN_JSON_COLUMNS.map((column) => column.name),
  "start_time",
  "end_time",
];

/** A fresh bare table with the spans columns (LIKE copies no index and no partitioning). */
export async function createCeilingTable(sql: Sql): Promise<void> {
  await sql.unsafe(`DROP TABLE IF EXISTS ${CEILING_TABLE}`);
  await sql.unsafe(`CREATE TABLE ${CEILING_TABLE} (LIKE spans INCLUDING DEFAULTS)`);
}

/** COPYs chunks of lines, `streams` COPY statements at a time; returns elapsed milliseconds. */
export async function copyChunks(
  sql: Sql,
  chunks: ReadonlyArray<string | Uint8Array>,
  streams: number,
): Promise<number> {
  const queue = [...chunks];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: streams }, async () => {
      for (let chunk = queue.shift(); chunk !== undefined; chunk = queue.shift()) {
        const writable = await sql
          .unsafe(
            `COPY ${CEILING_TABLE} (${COLUMNS.map((name) => `"${name}"`).join(", ")}) FROM STDIN`,
          )
          .writable();
        writable.end(chunk);
        await finishedOrRefused(writable);
      }
    }),
  );
  return performance.now() - started;
}

const COPY_TIMEOUT_MS = 120_000;

/**
 * postgres.js never ends the stream when the server refuses a COPY (the error goes to a query
 * promise already resolved with the stream), so a refused row would hang the bench: time out.
 */
async function finishedOrRefused(writable: NodeJS.WritableStream): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error("COPY did not complete: the server probably refused a row")),
      COPY_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([once(writable, "finish"), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
