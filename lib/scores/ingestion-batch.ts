import { z, ZodError } from "zod";

import type { ApiKeyPrincipal } from "../auth/api-keys";
import { AppError } from "../http/app-error";
import { logger } from "../log/logger";

import { createScore } from "./create-score";

/**
 * Langfuse's batch ingestion endpoint (POST /api/public/ingestion), which Langfuse clients use to
 * send scores (`score-create` events). Traces and observations come in over OpenTelemetry; the
 * legacy event types that carry them are refused per event with a pointer to the OTLP endpoint.
 */

/** Largest accepted batch body, as Langfuse documents for this endpoint (~3.5 MB) plus room. */
export const MAX_INGESTION_BODY_BYTES = 5 * 1024 * 1024;
const MAX_EVENTS = 1000;

const BatchZ = z.object({
  batch: z.array(z.unknown()).max(MAX_EVENTS, `must hold at most ${MAX_EVENTS} events`),
  metadata: z.unknown().optional(),
});

const EventZ = z.object({
  id: z.string().trim().min(1, "must not be empty").max(200),
  type: z.string().min(1, "must not be empty").max(100),
  timestamp: z.string().max(100).nullish(),
  body: z.unknown(),
});

const TRACING_EVENT_TYPES = new Set([
  "trace-create",
  "span-create",
  "span-update",
  "generation-create",
  "generation-update",
  "event-create",
  "observation-create",
  "observation-update",
]);

export interface IngestionSuccess {
  id: string;
  status: number;
}
export interface IngestionFailure {
  id: string;
  status: number;
  message: string;
  error?: string;
}
export interface IngestionResult {
  successes: IngestionSuccess[];
  errors: IngestionFailure[];
}

/** Handles every event of a batch on its own: one bad event never fails the others. */
export async function ingestBatch(
  principal: ApiKeyPrincipal,
  body: unknown,
): Promise<IngestionResult> {
  const { batch } = BatchZ.parse(body);
  const result: IngestionResult = { successes: [], errors: [] };
  for (const [index, raw] of batch.entries()) {
    const parsed = EventZ.safeParse(raw);
    if (!parsed.success) {
      result.errors.push({
        id: eventIdOf(raw, index),
        status: 400,
        message: describeZodError(parsed.error, `batch.${index}`),
      });
      continue;
    }
    const event = parsed.data;
    if (event.type === "sdk-log") {
      result.successes.push({ id: event.id, status: 201 });
    } else if (event.type === "score-create") {
      await ingestScore(principal, event.id, event.body, result);
    } else if (TRACING_EVENT_TYPES.has(event.type)) {
      result.errors.push({
        id: event.id,
        status: 400,
        message:
          `type: ${event.type} events are not ingested here; send traces and observations ` +
          "over OpenTelemetry to /api/public/otel/v1/traces (Langfuse SDKs v3 and later do)",
      });
    } else {
      result.errors.push({
        id: event.id,
        status: 400,
        message: `type: unknown event type ${JSON.stringify(event.type)}`,
      });
    }
  }
  return result;
}

async function ingestScore(
  principal: ApiKeyPrincipal,
  eventId: string,
  body: unknown,
  result: IngestionResult,
): Promise<void> {
  try {
    await createScore(principal, body);
    result.successes.push({ id: eventId, status: 201 });
  } catch (error) {
    if (error instanceof AppError) {
      result.errors.push({ id: eventId, status: error.status, message: error.message });
    } else if (error instanceof ZodError) {
      result.errors.push({ id: eventId, status: 400, message: describeZodError(error, "body") });
    } else {
      logger.error({ err: error, eventId }, "score event failed");
      result.errors.push({ id: eventId, status: 500, message: "Internal server error" });
    }
  }
}

function eventIdOf(raw: unknown, index: number): string {
  if (raw && typeof raw === "object" && "id" in raw && typeof raw.id === "string" && raw.id) {
    return raw.id;
  }
  return `batch.${index}`;
}

function describeZodError(error: ZodError, prefix: string): string {
  const issue = error.issues[0];
  if (!issue) return `Invalid ${prefix}`;
  const field = [prefix, ...issue.path.map(String)].join(".");
  return `Invalid ${field}: ${issue.message}`;
}
