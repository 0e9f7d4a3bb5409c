import { trace, type Tracer } from "@opentelemetry/api";

import { SILENT_LOGGER, type DebugLogger } from "./debug-logger";
import type { MaskFunction } from "./types";

/** What the helpers need from a client: where to create spans, how to mask, where to log. */
export interface ObservationRuntime {
  readonly tracer: Tracer;
  readonly mask: MaskFunction | undefined;
  readonly log: DebugLogger;
}

export const SDK_NAME = "@sightline/sdk";
export const SDK_VERSION = "0.1.0";

/**
 * The runtime used before `init()`: the global OpenTelemetry tracer (a no-op unless the app
 * registered a provider), no mask, no output. Helpers called early thus still run the app's code.
 */
export function createDefaultRuntime(): ObservationRuntime {
  return { tracer: trace.getTracer(SDK_NAME, SDK_VERSION), mask: undefined, log: SILENT_LOGGER };
}
