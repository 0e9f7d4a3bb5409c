// Helpers for the OTLP ingestion and read-API integration tests: sending OTLP to the test
// server, reading the public API back, and a second project for isolation tests.
import { randomBytes } from "node:crypto";

import { inject } from "vitest";

import { createApiKey } from "../../lib/auth/api-keys";
import { getPrisma } from "../../lib/db/prisma";
import {
  buildWireRequest,
  buildWireSpan,
  encodeJsonBody,
  encodeProtobufBody,
} from "../../lib/otlp/test-builders";
import type { WireSpan, WireTraceRequest } from "../../lib/otlp/otlp-wire-schema";
import { basicAuth, TEST_KEYS } from "../setup/test-env";

export const OTLP_PATH = "/api/public/otel/v1/traces";

export function baseUrl(): string {
  return inject("baseUrl");
}

export const AUTH = basicAuth(TEST_KEYS.publicKey, TEST_KEYS.secretKey);

export function newTraceId(): string {
  return randomBytes(16).toString("hex");
}

export function newSpanId(): string {
  return randomBytes(8).toString("hex");
}

/** Nanoseconds as a decimal string, `offsetMs` after a fixed recent instant. */
export function nanos(offsetMs: number, base = BASE_MILLIS): string {
  return (BigInt(base + offsetMs) * 1_000_000n).toString();
}

// A recent, whole-second instant so that spans land in a real monthly partition.
const BASE_MILLIS = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;

/** A span of the given trace; times are offsets in ms from the shared base instant. */
export function span(
  traceId: string,
  spanId: string,
  parentSpanId: string,
  name: string,
  startMs: number,
  endMs: number,
  overrides: Partial<WireSpan> = {},
): WireSpan {
  return buildWireSpan({
    traceId,
    spanId,
    parentSpanId,
    name,
    startTimeUnixNano: nanos(startMs),
    endTimeUnixNano: nanos(endMs),
    attributes: [],
    ...overrides,
  });
}

interface PostOptions {
  format?: "json" | "protobuf";
  auth?: string | null;
  path?: string;
}

/** Sends spans as one OTLP request (one resource, one scope). */
export async function postSpans(spans: WireSpan[], options: PostOptions = {}) {
  return postRequest(buildWireRequest({ spans }), options);
}

export async function postRequest(request: WireTraceRequest, options: PostOptions = {}) {
  const format = options.format ?? "json";
  const body = format === "json" ? encodeJsonBody(request) : encodeProtobufBody(request);
  return postBody(
    body,
    {
      "content-type": format === "json" ? "application/json" : "application/x-protobuf",
      ...(options.auth === null ? {} : { authorization: options.auth ?? AUTH }),
    },
    options.path,
  );
}

export async function postBody(
  body: Uint8Array | string,
  headers: Record<string, string>,
  path = OTLP_PATH,
): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : Buffer.from(body),
  });
}

/** GET on the public API; the parsed JSON body and the status. */
export async function getJson<T = Record<string, unknown>>(
  path: string,
  auth: string = AUTH,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl()}${path}`, { headers: { authorization: auth } });
  return { status: response.status, body: (await response.json()) as T };
}

/** The subset of the trace detail reply these tests read. */
export interface TraceDetail {
  id: string;
  name: string | null;
  userId: string | null;
  sessionId: string | null;
  feature: string | null;
  tags: string[];
  input: unknown;
  output: unknown;
  observationCount: number;
  missingParentCount: number;
  totalCost: number | null;
  usageDetails: Record<string, number>;
  latency: number;
  observations: Array<{
    id: string;
    parentObservationId: string | null;
    type: string;
    name: string;
    model: string | null;
    modelParameters?: Record<string, unknown> | null;
    metadata?: unknown;
    usageDetails: Record<string, number>;
    totalCost: number | null;
    input: unknown;
    output: unknown;
    latency: number;
    startTimeNanos: string;
    endTimeNanos: string;
    completionStartTime?: string | null;
    completionStartTimeNanos?: string | null;
    timeToFirstToken?: number | null;
    parentMissing: boolean;
    cycleBroken: boolean;
    warnings: string[];
    userId: string | null;
    sessionId: string | null;
    level: string;
    statusMessage?: string | null;
    depth: number;
  }>;
}

export async function getTrace(traceId: string): Promise<TraceDetail> {
  const { status, body } = await getJson<TraceDetail>(`/api/public/traces/${traceId}`);
  if (status !== 200) throw new Error(`GET trace ${traceId}: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** Another project with its own key, created directly in the test server's database. */
export async function createOtherProject(name: string) {
  process.env.DATABASE_URL ??= inject("databaseUrl");
  const organization = await getPrisma().organization.create({
    data: { name: `${name} org`, projects: { create: { name } } },
    include: { projects: true },
  });
  const project = organization.projects[0];
  if (!project) throw new Error("project was not created");
  const { apiKey, secretKey } = await createApiKey({ projectId: project.id });
  return {
    projectId: project.id,
    apiKeyId: apiKey.id,
    auth: basicAuth(apiKey.publicKey, secretKey),
  };
}
