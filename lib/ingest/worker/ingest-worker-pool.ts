import os from "node:os";
import { Worker } from "node:worker_threads";

import type { PriceBook } from "@/lib/cost/match-model";
import { logger } from "@/lib/log/logger";

import {
  prepareOtlpRequest,
  type PrepareOtlpRequestInput,
  type PreparedOtlpRequest,
} from "../prepare-otlp-request";
import { deserializeError, type PrepareReply, type PrepareTask } from "./worker-protocol";

/**
 * A small pool of worker threads for the CPU-bound part of OTLP ingestion, so that one app
 * process uses more than one core and its request thread stays free for HTTP and database I/O.
 * `SIGHTLINE_INGEST_WORKERS` sets the size (0 runs everything on the request thread); the
 * default is one per core, at most 4.
 */

interface PendingTask {
  resolve: (result: PreparedOtlpRequest) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, PendingTask>;
  /** Price books whose prices this worker has received. */
  priceBookIds: Set<number>;
}

const MAX_WORKERS = 4;
const YOUNG_GENERATION_MB = 96;
const MAX_PRICE_BOOKS_PER_WORKER = 64;

let nextTaskId = 1;
let nextPriceBookId = 1;
const priceBookIds = new WeakMap<PriceBook, number>();
let workers: PoolWorker[] | null = null;

/** Worker count from the environment; anything but a non-negative integer means the default. */
export function ingestWorkerCount(): number {
  const raw = process.env.SIGHTLINE_INGEST_WORKERS?.trim();
  const value = raw ? Number(raw) : NaN;
  if (Number.isSafeInteger(value) && value >= 0) return Math.min(value, 16);
  return Math.min(MAX_WORKERS, os.availableParallelism());
}

/** Runs prepareOtlpRequest on a worker thread (or inline when the pool is disabled). */
export async function prepareOtlpRequestOffThread(
  input: PrepareOtlpRequestInput,
): Promise<PreparedOtlpRequest> {
  workers ??= startWorkers(ingestWorkerCount());
  if (workers.length === 0) return prepareOtlpRequest(input);

  const target = workers.reduce((best, candidate) =>
    candidate.pending.size < best.pending.size ? candidate : best,
  );
  const { priceBook, ...rest } = input;
  const priceBookId = idOf(priceBook);
  const task: PrepareTask = { id: nextTaskId++, input: rest, priceBookId };
  if (!target.priceBookIds.has(priceBookId)) {
    // Books are replaced every minute per project: bound what a worker keeps. Messages arrive
    // in order, so the worker forgets exactly what this side forgets.
    if (target.priceBookIds.size >= MAX_PRICE_BOOKS_PER_WORKER) {
      target.priceBookIds.clear();
      task.forgetPriceBooks = true;
    }
    task.prices = priceBook.prices;
    target.priceBookIds.add(priceBookId);
  }

  return new Promise<PreparedOtlpRequest>((resolve, reject) => {
    target.pending.set(task.id, { resolve, reject });
    // The body is copied (not transferred): it may be a view into a larger pooled buffer.
    target.worker.postMessage(task);
  });
}

function idOf(priceBook: PriceBook): number {
  let id = priceBookIds.get(priceBook);
  if (id === undefined) {
    id = nextPriceBookId++;
    priceBookIds.set(priceBook, id);
  }
  return id;
}

function startWorkers(count: number): PoolWorker[] {
  const pool: PoolWorker[] = [];
  for (let index = 0; index < count; index++) pool.push(startWorker(pool));
  if (count > 0) logger.info({ workers: count }, "ingest worker threads started");
  return pool;
}

function startWorker(pool: PoolWorker[]): PoolWorker {
  // This exact form lets Next.js (Turbopack) bundle the worker entry with the server.
  const worker = new Worker(new URL("./ingest-worker.ts", import.meta.url), {
    // Mapping allocates many short-lived objects: a larger young generation means fewer
    // scavenges (measured ~10-15% less CPU per span with bench:ingest-cpu).
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const entry: PoolWorker = { worker, pending: new Map(), priceBookIds: new Set() };
  worker.unref();

  worker.on("message", (reply: PrepareReply) => {
    const task = entry.pending.get(reply.id);
    if (!task) return;
    entry.pending.delete(reply.id);
    if ("error" in reply) task.reject(deserializeError(reply.error));
    else task.resolve(reply.result);
  });

  // A crashed worker fails its own requests (they answer 500, the client retries) and is
  // replaced; the others carry on.
  const replace = (error: Error) => {
    const index = pool.indexOf(entry);
    if (index === -1) return;
    logger.error({ err: error, pending: entry.pending.size }, "ingest worker failed; replacing it");
    for (const task of entry.pending.values()) task.reject(error);
    entry.pending.clear();
    pool.splice(index, 1, startWorker(pool));
  };
  worker.on("error", replace);
  worker.on("exit", (code) => replace(new Error(`ingest worker exited with code ${code}`)));
  return entry;
}
