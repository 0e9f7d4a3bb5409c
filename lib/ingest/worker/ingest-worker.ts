// Entry of an ingest worker thread: runs prepareOtlpRequest (decode, map, rows, COPY text) for
// the request thread, which keeps only HTTP and database work. See ingest-worker-pool.ts.
import { parentPort } from "node:worker_threads";

import { PriceBook } from "@/lib/cost/match-model";

import { prepareOtlpRequest } from "../prepare-otlp-request";
import { serializeError, type PrepareReply, type PrepareTask } from "./worker-protocol";

/** Price books by id; the request thread sends a book's prices once per worker. */
const priceBooks = new Map<number, PriceBook>();

function priceBookFor(task: PrepareTask): PriceBook {
  if (task.forgetPriceBooks) priceBooks.clear();
  if (task.prices) priceBooks.set(task.priceBookId, new PriceBook(task.prices));
  const book = priceBooks.get(task.priceBookId);
  if (!book) throw new Error(`price book ${task.priceBookId} was never sent to this worker`);
  return book;
}

parentPort?.on("message", (task: PrepareTask) => {
  let reply: PrepareReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const result = prepareOtlpRequest({ ...task.input, priceBook: priceBookFor(task) });
    reply = { id: task.id, result };
    const { copyText } = result.batch;
    // The COPY text is handed over, not copied, when it owns its whole buffer.
    if (copyText.byteOffset === 0 && copyText.byteLength === copyText.buffer.byteLength) {
      transfer.push(copyText.buffer as ArrayBuffer);
    }
  } catch (error) {
    reply = { id: task.id, error: serializeError(error) };
  }
  parentPort?.postMessage(reply, transfer);
});
