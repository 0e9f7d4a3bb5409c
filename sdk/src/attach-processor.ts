import type { TracerProvider } from "@opentelemetry/api";
import type { SpanProcessor } from "@opentelemetry/sdk-trace-base";

import type { DebugLogger } from "./debug-logger";

interface WithAddSpanProcessor {
  addSpanProcessor(processor: SpanProcessor): void;
}

interface WithProcessorList {
  _activeSpanProcessor: { _spanProcessors: SpanProcessor[] };
}

interface WithDelegate {
  getDelegate(): TracerProvider;
}

/**
 * Adds the SDK's span processor to an existing provider. Returns false (with a debug line) when
 * the provider offers no way to; the app then passes `client.spanProcessor` to its provider.
 */
export function attachSpanProcessor(
  provider: TracerProvider,
  processor: SpanProcessor,
  log: DebugLogger,
): boolean {
  // The global provider is a proxy; the processor belongs on the provider behind it.
  const target = hasDelegate(provider) ? provider.getDelegate() : provider;

  if (hasAddSpanProcessor(target)) {
    target.addSpanProcessor(processor);
    return true;
  }

  // Limitation: OpenTelemetry JS SDK 2 dropped addSpanProcessor (processors are constructor-only)
  // so this reaches into its MultiSpanProcessor. Guarded by shape checks; if a later SDK changes
  // the internals, attaching fails softly and the app must pass `client.spanProcessor` itself.
  if (hasProcessorList(target)) {
    target._activeSpanProcessor._spanProcessors.push(processor);
    return true;
  }

  log.debug(
    "could not attach to the given tracerProvider: pass client.spanProcessor in its " +
      "spanProcessors option",
  );
  return false;
}

function hasAddSpanProcessor(value: object): value is WithAddSpanProcessor {
  return typeof (value as Partial<WithAddSpanProcessor>).addSpanProcessor === "function";
}

function hasProcessorList(value: object): value is WithProcessorList {
  const active = (value as Partial<WithProcessorList>)._activeSpanProcessor;
  return typeof active === "object" && active !== null && Array.isArray(active._spanProcessors);
}

function hasDelegate(value: object): value is WithDelegate {
  return typeof (value as Partial<WithDelegate>).getDelegate === "function";
}
