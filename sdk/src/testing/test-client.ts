import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";

import type { SightlineClient } from "../client";
import { init } from "../init";
import type { SightlineOptions } from "../types";

/** A client exporting to memory, and a way to read what it exported. */
export interface TestClient {
  client: SightlineClient;
  exporter: InMemorySpanExporter;
  /** Flushes, then returns every span exported so far. */
  exportedSpans(): Promise<ReadableSpan[]>;
  /** Flushes, then returns the one exported span with that name. */
  exportedSpan(name: string): Promise<ReadableSpan>;
}

/** `init()` with an in-memory exporter; shut the client down after the test. */
export function createTestClient(options: SightlineOptions = {}): TestClient {
  const exporter = new InMemorySpanExporter();
  const client = init({ publicKey: "pk", secretKey: "sk", exporter, ...options });

  const exportedSpans = async () => {
    await client.flush();
    return exporter.getFinishedSpans();
  };
  const exportedSpan = async (name: string) => {
    const matching = (await exportedSpans()).filter((span) => span.name === name);
    if (matching.length !== 1)
      throw new Error(`expected one span "${name}", got ${matching.length}`);
    return matching[0] as ReadableSpan;
  };
  return { client, exporter, exportedSpans, exportedSpan };
}

/** The parsed JSON of a string attribute. */
export function jsonAttribute(span: ReadableSpan, key: string): unknown {
  const value = span.attributes[key];
  if (typeof value !== "string") throw new Error(`${key} is not a string on "${span.name}"`);
  return JSON.parse(value);
}

/** The span id of a span's parent, or undefined for a root. */
export function parentIdOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}
