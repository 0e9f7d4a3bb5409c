// What the OTLP endpoints answer to bad input: the right 4xx with a JSON error naming the
// problem, never a 5xx, and partialSuccess when only some spans are unusable.
import { gzipSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { revokeApiKey } from "../../lib/auth/api-keys";
import { getTraceServiceTypes } from "../../lib/otlp/otlp-proto-schema";
import {
  buildWireRequest,
  encodeJsonBody,
  encodeProtobufBody,
  stringAttribute,
} from "../../lib/otlp/test-builders";
import { basicAuth, TEST_KEYS } from "../setup/test-env";
import {
  AUTH,
  createOtherProject,
  getJson,
  getTrace,
  newSpanId,
  newTraceId,
  postBody,
  postSpans,
  span,
} from "./ingest-helpers";

const validJson = () =>
  encodeJsonBody(buildWireRequest({ spans: [span(newTraceId(), newSpanId(), "", "ok", 0, 1)] }));

interface BadRequestCase {
  name: string;
  status: number;
  error: RegExp;
  body: () => Uint8Array | string;
  headers: () => Promise<Record<string, string>> | Record<string, string>;
}

const CASES: BadRequestCase[] = [
  {
    name: "no Authorization header",
    status: 401,
    error: /Missing Authorization/,
    body: validJson,
    headers: () => ({ "content-type": "application/json" }),
  },
  {
    name: "a wrong secret key",
    status: 401,
    error: /Invalid API key/,
    body: validJson,
    headers: () => ({
      "content-type": "application/json",
      authorization: basicAuth(TEST_KEYS.publicKey, "sk-sl-not-the-right-secret-0000"),
    }),
  },
  {
    name: "a revoked key",
    status: 401,
    error: /revoked/,
    body: validJson,
    headers: async () => {
      const other = await createOtherProject(`revoked-${newSpanId()}`);
      await revokeApiKey(other.projectId, other.apiKeyId);
      return { "content-type": "application/json", authorization: other.auth };
    },
  },
  {
    name: "an unsupported media type",
    status: 415,
    error: /Content-Type "text\/plain"/,
    body: validJson,
    headers: () => ({ "content-type": "text/plain", authorization: AUTH }),
  },
  {
    name: "an unsupported content encoding",
    status: 415,
    error: /Content-Encoding "br"/,
    body: validJson,
    headers: () => ({
      "content-type": "application/json",
      "content-encoding": "br",
      authorization: AUTH,
    }),
  },
  {
    name: "garbage protobuf",
    status: 400,
    error: /not a valid OTLP protobuf/,
    body: () => new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]),
    headers: () => ({ "content-type": "application/x-protobuf", authorization: AUTH }),
  },
  {
    name: "garbage JSON",
    status: 400,
    error: /not valid JSON/,
    body: () => "{ this is not json",
    headers: () => ({ "content-type": "application/json", authorization: AUTH }),
  },
  {
    name: "JSON of the wrong shape",
    status: 400,
    error: /resourceSpans/,
    body: () => JSON.stringify({ resourceSpans: "nope" }),
    headers: () => ({ "content-type": "application/json", authorization: AUTH }),
  },
  {
    name: "a gzip header on a body that is not gzip",
    status: 400,
    error: /not valid gzip/,
    body: validJson,
    headers: () => ({
      "content-type": "application/json",
      "content-encoding": "gzip",
      authorization: AUTH,
    }),
  },
  {
    name: "a body over the size limit",
    status: 413,
    error: /over the limit of 4194304/,
    body: () => new Uint8Array(4 * 1024 * 1024 + 1),
    headers: () => ({ "content-type": "application/x-protobuf", authorization: AUTH }),
  },
  {
    name: "a large resource repeated on many spans",
    status: 413,
    error: /would store more than/,
    body: () =>
      encodeProtobufBody(
        buildWireRequest({
          resourceAttributes: [stringAttribute("service.notes", "r".repeat(1024 * 1024))],
          spans: Array.from({ length: 200 }, () => span(newTraceId(), newSpanId(), "", "s", 0, 1)),
        }),
      ),
    headers: () => ({ "content-type": "application/x-protobuf", authorization: AUTH }),
  },
  {
    name: "a gzip bomb",
    status: 413,
    error: /inflates to more than the limit/,
    body: () => gzipSync(Buffer.alloc(64 * 1024 * 1024)),
    headers: () => ({
      "content-type": "application/x-protobuf",
      "content-encoding": "gzip",
      authorization: AUTH,
    }),
  },
];

describe("OTLP endpoint refusals", () => {
  it.each(CASES)("should answer $status to $name", async ({ body, headers, status, error }) => {
    const response = await postBody(body(), await headers());
    const reply = (await response.json()) as { error?: string };

    expect(response.status).toBe(status);
    expect(reply.error).toMatch(error);
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("should answer on /v1/traces exactly as on the Langfuse path", async () => {
    const response = await postBody(
      "{",
      {
        "content-type": "application/json",
        authorization: AUTH,
      },
      "/v1/traces",
    );

    expect(response.status).toBe(400);
  });
});

describe("OTLP partial success", () => {
  it("should store the good spans and report bad ids as rejected (JSON)", async () => {
    const traceId = newTraceId();
    const good = span(traceId, newSpanId(), "", "good", 0, 10);
    const badId = span(traceId, "zz", "", "bad id", 0, 10);
    const zeroTrace = span("0".repeat(32), newSpanId(), "", "zero trace", 0, 10);

    const response = await postSpans([good, badId, zeroTrace]);
    const reply = (await response.json()) as {
      partialSuccess: { rejectedSpans: string; errorMessage: string };
    };

    expect(response.status).toBe(200);
    expect(reply.partialSuccess.rejectedSpans).toBe("2");
    expect(reply.partialSuccess.errorMessage).toContain("spanId");
    expect(reply.partialSuccess.errorMessage).toContain("traceId");
    const trace = await getTrace(traceId);
    expect(trace.observations.map((observation) => observation.name)).toEqual(["good"]);
  });

  it("should reject times beyond int64 in a protobuf partialSuccess", async () => {
    const traceId = newTraceId();
    const good = span(traceId, newSpanId(), "", "good", 0, 10);
    const farFuture = span(traceId, newSpanId(), "", "far future", 0, 10, {
      startTimeUnixNano: "18446744073709551615",
      endTimeUnixNano: "18446744073709551615",
    });

    const response = await postBody(
      encodeProtobufBody(buildWireRequest({ spans: [good, farFuture] })),
      {
        "content-type": "application/x-protobuf",
        authorization: AUTH,
      },
    );
    const { response: responseType } = getTraceServiceTypes();
    const reply = responseType.toObject(
      responseType.decode(new Uint8Array(await response.arrayBuffer())),
      { longs: String },
    ) as { partialSuccess?: { rejectedSpans: string; errorMessage: string } };

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-protobuf");
    expect(reply.partialSuccess?.rejectedSpans).toBe("1");
    expect(reply.partialSuccess?.errorMessage).toContain("int64");
    expect((await getTrace(traceId)).observationCount).toBe(1);
  });

  it("should reply an empty success with no partialSuccess when every span is good", async () => {
    const response = await postSpans([span(newTraceId(), newSpanId(), "", "fine", 0, 1)]);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
  });

  it("should accept an empty request", async () => {
    const response = await postBody(JSON.stringify({}), {
      "content-type": "application/json",
      authorization: AUTH,
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
  });

  it("should never store a rejected span", async () => {
    const traceId = newTraceId();
    await postSpans([span(traceId, "zz", "", "bad", 0, 1)]);

    const { status } = await getJson(`/api/public/traces/${traceId}`);

    expect(status).toBe(404);
  });
});
