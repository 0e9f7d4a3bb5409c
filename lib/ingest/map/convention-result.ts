import type { DecodedSpan, ObservationLevel, ObservationType } from "@/lib/ingest/types";

import type { AttributeReader } from "./attributes";
import type { NormalizedCost } from "./cost";
import type { NormalizedUsage } from "./usage";

import type { Sourced } from "./sourced";

export type { Sourced };

/** What a span offers one convention module: readers over its attributes and a warning sink. */
export interface MappingContext {
  span: DecodedSpan;
  attributes: AttributeReader;
  resource: AttributeReader;
  warnings: string[];
}

/**
 * What one convention understood of a span. Every field is optional: map-span.ts takes each
 * field from the highest-precedence convention that set it.
 */
export interface ConventionResult {
  type?: Sourced<ObservationType>;
  level?: Sourced<ObservationLevel>;
  statusMessage?: Sourced<string>;
  /** When a streaming generation's first output arrived, nanoseconds since the epoch. */
  completionStart?: Sourced<bigint>;
  requestModel?: Sourced<string>;
  responseModel?: Sourced<string>;
  provider?: Sourced<string>;
  modelParameters?: Sourced<Record<string, unknown>>;
  usage?: NormalizedUsage;
  /** The span sums its children's tokens (e.g. Vercel's outer ai.generateText); count none. */
  usageIsAggregate?: Sourced<true>;
  clientCost?: NormalizedCost;
  input?: Sourced<unknown>;
  output?: Sourced<unknown>;
  userId?: Sourced<string>;
  sessionId?: Sourced<string>;
  feature?: Sourced<string>;
  tags?: Sourced<string[]>;
  environment?: Sourced<string>;
  release?: Sourced<string>;
  version?: Sourced<string>;
  traceName?: Sourced<string>;
  traceInput?: Sourced<unknown>;
  traceOutput?: Sourced<unknown>;
  metadata?: Sourced<Record<string, unknown>>;
}

export type ConventionMapper = (context: MappingContext) => ConventionResult;
