import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";

import {
  init,
  observe,
  score,
  setTraceAttributes,
  shutdown,
  startChain,
  startGeneration,
  withTraceAttributes,
} from "./index";
import { findClosedPort, startCaptureServer, type CaptureServer } from "./testing/capture-server";
import { createTestClient } from "./testing/test-client";

const KEYS = { publicKey: "pk-sl-test", secretKey: "sk-sl-test" };
const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug"] as const;

let consoleSpies: MockInstance[] = [];
let servers: CaptureServer[] = [];

beforeEach(() => {
  consoleSpies = CONSOLE_METHODS.map((method) =>
    vi.spyOn(console, method).mockImplementation(() => undefined),
  );
});

afterEach(async () => {
  await shutdown();
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
  vi.restoreAllMocks();
});

async function captureServer(status: number): Promise<CaptureServer> {
  const server = await startCaptureServer(status);
  servers.push(server);
  return server;
}

function consoleCallCount(): number {
  return consoleSpies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
}

describe("export to Sightline", () => {
  it("should POST OTLP protobuf to /api/public/otel/v1/traces with Basic auth", async () => {
    const server = await captureServer(200);
    const client = init({ baseUrl: `${server.baseUrl}/`, ...KEYS });

    startGeneration({ name: "hello", model: "gpt-4o-mini" }).end({ output: "hi" });
    await client.flush();

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", path: "/api/public/otel/v1/traces" });
    expect(request!.headers["content-type"]).toBe("application/x-protobuf");
    expect(request!.headers.authorization).toBe(
      `Basic ${Buffer.from("pk-sl-test:sk-sl-test").toString("base64")}`,
    );
    expect(request!.body.includes(Buffer.from("gen_ai.request.model"))).toBe(true);
    expect(client.droppedSpans).toBe(0);
  });

  it("should never throw, and resolve flush and shutdown, when Sightline is down", async () => {
    const port = await findClosedPort();
    const started = Date.now();
    const client = init({ baseUrl: `http://127.0.0.1:${port}`, ...KEYS, exportTimeoutMs: 500 });

    await withTraceAttributes({ userId: "u1" }, () =>
      observe(async () => {
        startGeneration({ name: "call", model: "gpt-4o" }).end({ usage: { input: 1, output: 1 } });
      })(),
    );
    await expect(client.score({ traceId: "0".repeat(32), name: "q", value: 1 })).resolves.toBe(
      false,
    );
    await expect(client.flush()).resolves.toBeUndefined();
    await expect(client.shutdown()).resolves.toBeUndefined();

    expect(client.droppedSpans).toBe(2);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(consoleCallCount()).toBe(0);
  });
});

describe("shutdown", () => {
  it("should be idempotent and leave the helpers usable", async () => {
    const { client, exporter } = createTestClient();
    startChain({ name: "before" }).end();

    const first = client.shutdown();
    expect(client.shutdown()).toBe(first);
    await first;
    await expect(client.shutdown()).resolves.toBeUndefined();
    await expect(client.flush()).resolves.toBeUndefined();

    expect(() => client.startChain({ name: "after" }).end()).not.toThrow();
    // The in-memory exporter clears on shutdown.
    expect(exporter.getFinishedSpans()).toHaveLength(0);
  });

  it("should release the global provider so that a new init() can register", async () => {
    const { client } = createTestClient();
    await client.shutdown();

    const next = createTestClient();
    startChain({ name: "second-client" }).end();

    expect(await next.exportedSpan("second-client")).toBeDefined();
  });
});

describe("never throws into the app", () => {
  it("should survive an exporter that throws everywhere", async () => {
    const broken: SpanExporter = {
      export: () => {
        throw new Error("export bug");
      },
      shutdown: () => Promise.reject(new Error("shutdown bug")),
      forceFlush: () => Promise.reject(new Error("flush bug")),
    };
    const client = init({ ...KEYS, exporter: broken });

    startChain({ name: "x" }).end();
    await expect(client.flush()).resolves.toBeUndefined();
    await expect(client.shutdown()).resolves.toBeUndefined();
  });

  it("should survive nonsense arguments from untyped callers", async () => {
    createTestClient();
    const nonsense = null as never;

    expect(() => startGeneration(nonsense).end(nonsense)).not.toThrow();
    expect(() => startChain(nonsense).update(nonsense).end()).not.toThrow();
    expect(() => setTraceAttributes(nonsense)).not.toThrow();
    expect(withTraceAttributes(nonsense, () => "ran")).toBe("ran");
    expect(observe(nonsense)).toBe(null);
    await expect(score(nonsense)).resolves.toBe(false);
  });

  it("should run the app's code without a client (before init)", async () => {
    await shutdown();
    expect(observe(() => 42)()).toBe(42);
    expect(() => startGeneration({ name: "no-client" }).end()).not.toThrow();
    await expect(score({ traceId: "t", name: "n", value: 1 })).resolves.toBe(false);
  });
});

describe("console output", () => {
  it("should stay silent without debug and speak with debug", async () => {
    const quiet = createTestClient();
    startChain({ name: "quiet" }).end();
    await quiet.client.shutdown();
    expect(consoleCallCount()).toBe(0);

    const loud = createTestClient({ debug: true });
    startChain({ name: "loud" }).end();
    await loud.client.shutdown();
    expect(consoleCallCount()).toBeGreaterThan(0);
  });
});

describe("score", () => {
  it("should POST a Langfuse-shaped body to /api/public/scores", async () => {
    const server = await captureServer(200);
    const client = init({ baseUrl: server.baseUrl, ...KEYS, exporter: new InMemorySpanExporter() });

    const accepted = await client.score({
      traceId: "a".repeat(32),
      observationId: "b".repeat(16),
      name: "helpfulness",
      value: 0.8,
      comment: "good",
    });

    expect(accepted).toBe(true);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", path: "/api/public/scores" });
    expect(JSON.parse(request!.body.toString())).toEqual({
      id: expect.any(String),
      traceId: "a".repeat(32),
      observationId: "b".repeat(16),
      name: "helpfulness",
      value: 0.8,
      dataType: "NUMERIC",
      comment: "good",
    });
  });

  it("should resolve false, silently, when the endpoint does not exist", async () => {
    const server = await captureServer(404);
    const client = init({ baseUrl: server.baseUrl, ...KEYS, exporter: new InMemorySpanExporter() });

    await expect(client.score({ traceId: "t", name: "label", value: "good" })).resolves.toBe(false);
    expect(JSON.parse(server.requests[0]!.body.toString()).dataType).toBe("CATEGORICAL");
    expect(consoleCallCount()).toBe(0);
  });
});

describe("attaching to an existing TracerProvider", () => {
  it("should add its processor to an OpenTelemetry SDK 2 provider", async () => {
    const memory = new InMemorySpanExporter();
    const provider = new NodeTracerProvider();
    const client = init({ ...KEYS, tracerProvider: provider, exporter: memory });

    provider.getTracer("app").startSpan("app-span").end();
    client.startChain({ name: "sdk-span" }).end();
    await client.flush();

    expect(memory.getFinishedSpans().map((span) => span.name)).toEqual(["app-span", "sdk-span"]);
    await client.shutdown();
    await provider.shutdown();
  });

  it("should call addSpanProcessor when the provider has it", async () => {
    const addSpanProcessor = vi.fn();
    const provider = { getTracer: () => trace.getTracer("x"), addSpanProcessor };

    const client = init({
      ...KEYS,
      tracerProvider: provider,
      exporter: new InMemorySpanExporter(),
    });

    expect(addSpanProcessor).toHaveBeenCalledWith(client.spanProcessor);
  });
});
