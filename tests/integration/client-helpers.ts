// Helpers for tests that drive real third-party instrumentations: an OpenTelemetry SDK that
// exports to the test server with the official protobuf exporter, and a record of the traces it
// sent so that each test reads back exactly the trace its library call produced.
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base";

import { AUTH, baseUrl, OTLP_PATH, type TraceDetail } from "./ingest-helpers";

export interface ClientTracing {
  provider: BasicTracerProvider;
  /** Runs one library call and gives the id of the single new trace it produced. */
  captureTrace(run: () => Promise<unknown>): Promise<string>;
  shutdown(): Promise<void>;
}

/**
 * An OTel SDK exporting every span to the test server as soon as it ends, through a
 * SimpleSpanProcessor or the processor the library under test brings.
 */
export function startClientTracing(
  serviceName: string,
  exportWith: (exporter: SpanExporter) => SpanProcessor = (exporter) =>
    new SimpleSpanProcessor(exporter),
): ClientTracing {
  const rootSpans: ReadableSpan[] = [];
  const recorder: SpanProcessor = {
    onStart: () => undefined,
    onEnd: (span) => {
      if (!span.parentSpanContext) rootSpans.push(span);
    },
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
  const exporter = new OTLPTraceExporter({
    url: `${baseUrl()}${OTLP_PATH}`,
    headers: { Authorization: AUTH },
  });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName }),
    spanProcessors: [exportWith(exporter), recorder],
  });

  return {
    provider,
    captureTrace: async (run) => {
      const before = rootSpans.length;
      await run();
      await provider.forceFlush();
      const traceIds = new Set(rootSpans.slice(before).map((s) => s.spanContext().traceId));
      if (traceIds.size !== 1) throw new Error(`expected one new trace, got ${traceIds.size}`);
      const [traceId] = traceIds;
      return traceId ?? "";
    },
    shutdown: () => provider.shutdown(),
  };
}

export type Observation = TraceDetail["observations"][number];

/** The observations of a trace whose name starts with the prefix, in the API's order. */
export function observationsNamed(trace: TraceDetail, prefix: string): Observation[] {
  return trace.observations.filter((observation) => observation.name.startsWith(prefix));
}

/** The one observation with exactly this name. */
export function onlyObservation(trace: TraceDetail, name: string): Observation {
  const found = trace.observations.filter((observation) => observation.name === name);
  if (found.length !== 1) throw new Error(`${found.length} observations named ${name}`);
  return found[0] as Observation;
}
