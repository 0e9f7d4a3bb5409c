import { trace, type TracerProvider } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from "@opentelemetry/resources";
import { NoopSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

import { attachSpanProcessor } from "./attach-processor";
import { ATTRIBUTES } from "./attribute-names";
import { SightlineClient } from "./client";
import { createDebugLogger } from "./debug-logger";
import { resolveConfig, type ResolvedConfig } from "./resolve-config";
import { RetryingExporter } from "./retrying-exporter";
import { createDefaultRuntime, SDK_NAME, SDK_VERSION, type ObservationRuntime } from "./runtime";
import { describeError } from "./run-safely";
import { SightlineSpanProcessor } from "./sightline-span-processor";
import type { SightlineOptions } from "./types";

interface ActiveClient {
  client: SightlineClient;
  runtime: ObservationRuntime;
}

let active: ActiveClient | null = null;

/**
 * Starts the SDK: creates a TracerProvider exporting to Sightline over OTLP/HTTP (protobuf) and
 * registers it globally, or attaches to `options.tracerProvider`. Returns the client, which the
 * top-level helpers (`observe`, `startGeneration`, …) use from then on. Never throws: on a fault
 * it returns a client that records nothing.
 */
export function init(options: SightlineOptions = {}): SightlineClient {
  try {
    active = createClient(options ?? {});
  } catch (error) {
    createDebugLogger(Boolean(options?.debug)).debug("init failed", describeError(error));
    active = createDisabledClient();
  }
  return active.client;
}

/** The client of the last `init()`, or a client that records nothing before it. */
export function getClient(): SightlineClient {
  active ??= createDisabledClient();
  return active.client;
}

/** The runtime of {@link getClient}'s client, for helpers resolved at call time. */
export function getActiveRuntime(): ObservationRuntime {
  active ??= createDisabledClient();
  return active.runtime;
}

function createClient(options: SightlineOptions): ActiveClient {
  const config = resolveConfig(options);
  const log = createDebugLogger(config.debug);

  const exporter = new RetryingExporter(options.exporter ?? createOtlpExporter(config), log, {
    maxQueueSize: config.maxQueueSize,
    // The OTLP exporter enforces its own timeout; this one only catches an exporter that hangs.
    exportTimeoutMs: config.exportTimeoutMs + 5000,
  });
  const spanProcessor = new SightlineSpanProcessor({
    exporter,
    spanAttributes: {
      ...(config.environment ? { [ATTRIBUTES.environment]: config.environment } : {}),
      ...(config.release ? { [ATTRIBUTES.release]: config.release } : {}),
    },
    maxQueueSize: config.maxQueueSize,
    flushIntervalMs: config.flushIntervalMs,
    log,
  });

  let provider: TracerProvider;
  let ownedProvider: NodeTracerProvider | null = null;
  if (options.tracerProvider) {
    provider = options.tracerProvider;
    attachSpanProcessor(provider, spanProcessor, log);
  } else {
    ownedProvider = createProvider(config, spanProcessor);
    provider = ownedProvider;
  }

  log.debug(`initialized: exporting to ${config.tracesUrl}`);
  if (!config.authorization) log.debug("publicKey or secretKey missing: Sightline will refuse");

  const runtime: ObservationRuntime = {
    tracer: provider.getTracer(SDK_NAME, SDK_VERSION),
    mask: config.mask,
    log,
  };
  const client: SightlineClient = new SightlineClient({
    runtime,
    spanProcessor,
    countDroppedSpans: () => exporter.droppedSpans,
    ownedProvider,
    scoreDestination: config.authorization
      ? { url: config.scoresUrl, authorization: config.authorization, timeoutMs: 10_000 }
      : null,
    onShutdown: () => {
      if (ownedProvider) unregisterGlobalProvider(ownedProvider);
      if (active?.client === client) active = null;
    },
  });
  return { client, runtime };
}

function createOtlpExporter(config: ResolvedConfig): OTLPTraceExporter {
  return new OTLPTraceExporter({
    url: config.tracesUrl,
    headers: config.authorization ? { Authorization: config.authorization } : {},
    timeoutMillis: config.exportTimeoutMs,
  });
}

/** A NodeTracerProvider registered as the global one (and its context manager, propagator). */
function createProvider(
  config: ResolvedConfig,
  spanProcessor: SightlineSpanProcessor,
): NodeTracerProvider {
  const resource = defaultResource()
    .merge(detectResources({ detectors: [envDetector] }))
    .merge(
      resourceFromAttributes(
        config.environment ? { "deployment.environment.name": config.environment } : {},
      ),
    );
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  // Fails softly (OTel logs to its diag channel) when the app registered a provider already; the
  // SDK's spans still reach Sightline through its own tracer.
  provider.register();
  return provider;
}

/** Lets a later `init()` register its provider, as a shut-down one cannot serve the app. */
function unregisterGlobalProvider(provider: NodeTracerProvider): void {
  const global = trace.getTracerProvider() as TracerProvider & { getDelegate?: () => unknown };
  if (global.getDelegate?.() === provider) trace.disable();
}

function createDisabledClient(): ActiveClient {
  const runtime = createDefaultRuntime();
  const client = new SightlineClient({
    runtime,
    spanProcessor: new NoopSpanProcessor(),
    countDroppedSpans: () => 0,
    ownedProvider: null,
    scoreDestination: null,
  });
  return { client, runtime };
}
