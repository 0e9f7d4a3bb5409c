import type { ModelPrice } from "@/lib/cost/types";
import { AppError, type ErrorCode } from "@/lib/http/app-error";
import { OtlpRequestError, type OtlpRequestErrorStatus } from "@/lib/otlp/errors";

import type { PrepareOtlpRequestInput, PreparedOtlpRequest } from "../prepare-otlp-request";

/** Messages between the request thread and an ingest worker (structured-clone data only). */

export interface PrepareTask {
  id: number;
  input: Omit<PrepareOtlpRequestInput, "priceBook">;
  /** Identifies the price book; its prices are sent the first time a worker needs them. */
  priceBookId: number;
  prices?: readonly ModelPrice[];
  /** Forget every price book received before this task (the request thread decides, so the
   * two sides never disagree about which books a worker holds). */
  forgetPriceBooks?: boolean;
}

export type SerializedError =
  | { kind: "otlp"; status: OtlpRequestErrorStatus; message: string }
  | { kind: "app"; code: ErrorCode; message: string }
  | { kind: "fault"; message: string; stack?: string };

export type PrepareReply =
  { id: number; result: PreparedOtlpRequest } | { id: number; error: SerializedError };

/** An error as data: client faults keep their class and status across the thread boundary. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof OtlpRequestError) {
    return { kind: "otlp", status: error.status, message: error.message };
  }
  if (error instanceof AppError) return { kind: "app", code: error.code, message: error.message };
  if (error instanceof Error) return { kind: "fault", message: error.message, stack: error.stack };
  return { kind: "fault", message: String(error) };
}

export function deserializeError(error: SerializedError): Error {
  if (error.kind === "otlp") return new OtlpRequestError(error.status, error.message);
  if (error.kind === "app") return new AppError(error.code, error.message);
  const fault = new Error(`ingest worker: ${error.message}`);
  if (error.stack) fault.stack = error.stack;
  return fault;
}
