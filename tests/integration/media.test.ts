// Media in payloads (Langfuse's protocol): the Langfuse JS SDK replaces a base64 data URI in an
// observation's input by a media tag and uploads the bytes through /api/public/media to the
// upload URL it is given; the file is then served back, never as something that can run.
import { createHash } from "node:crypto";

import { LangfuseSpanProcessor } from "@langfuse/otel";
import { setLangfuseTracerProvider, startObservation } from "@langfuse/tracing";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readMediaTag } from "@/lib/media/media-tag";
import { stringAttribute } from "@/lib/otlp/test-builders";

import { TEST_KEYS } from "../setup/test-env";
import {
  AUTH,
  baseUrl,
  createOtherProject,
  getTrace,
  newSpanId,
  newTraceId,
  postSpans,
  span,
} from "./ingest-helpers";

// A 1×1 transparent PNG.
const PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
const PNG = Buffer.from(PNG_BASE64, "base64");

interface MediaReply {
  uploadUrl: string;
  mediaId: string;
  url: string;
  error?: string;
  [field: string]: unknown;
}

async function api(method: string, path: string, body?: unknown, auth = AUTH) {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { authorization: auth, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as MediaReply };
}

function announce(content: Buffer, contentType: string, extra: Record<string, unknown> = {}) {
  return {
    traceId: newTraceId(),
    contentType,
    contentLength: content.byteLength,
    sha256Hash: createHash("sha256").update(content).digest("base64"),
    field: "input",
    ...extra,
  };
}

async function upload(url: string, content: Buffer, contentType: string) {
  const body = new Uint8Array(content);
  return fetch(url, { method: "PUT", body, headers: { "content-type": contentType } });
}

describe("Langfuse SDK media upload", () => {
  let provider: NodeTracerProvider;
  let traceId: string;

  beforeAll(async () => {
    provider = new NodeTracerProvider({
      spanProcessors: [
        new LangfuseSpanProcessor({
          publicKey: TEST_KEYS.publicKey,
          secretKey: TEST_KEYS.secretKey,
          baseUrl: baseUrl(),
          exportMode: "immediate",
        }),
      ],
    });
    setLangfuseTracerProvider(provider);
    const generation = startObservation(
      "describe-image",
      {
        model: "gpt-4o",
        input: [
          {
            role: "user",
            content: [
              { type: "text", text: "What is in this picture?" },
              { type: "image_url", image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
            ],
          },
        ],
      },
      { asType: "generation" },
    );
    generation.update({ output: "A transparent pixel." }).end();
    traceId = generation.traceId;
    await provider.forceFlush();
  });

  afterAll(async () => {
    await provider?.shutdown();
  });

  it("stores the image the SDK uploaded and serves it back by its tag", async () => {
    const trace = await getTrace(traceId);
    type ImagePart = { image_url?: { url: string } };
    const input = trace.observations[0]?.input as Array<{ content: ImagePart[] }>;
    const url = String(input[0]?.content[1]?.image_url?.url);
    const tag = readMediaTag(url);
    expect(tag).toMatchObject({ contentType: "image/png", source: "base64_data_uri" });

    const record = await api("GET", `/api/public/media/${tag?.mediaId}`);
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({
      mediaId: tag?.mediaId,
      contentType: "image/png",
      contentLength: PNG.byteLength,
    });

    const file = await fetch(String(record.body.url));
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
  });
});

describe("/api/public/media", () => {
  it("hands no upload URL for content the project already holds", async () => {
    const content = Buffer.from(`twice ${newTraceId()}`);
    const first = await api("POST", "/api/public/media", announce(content, "text/plain"));
    expect(first.status).toBe(200);
    expect((await upload(first.body.uploadUrl, content, "text/plain")).status).toBe(200);

    const again = await api("POST", "/api/public/media", announce(content, "text/plain"));
    expect(again.body).toEqual({ uploadUrl: null, mediaId: first.body.mediaId });
  });

  it("serves what could run in a browser as an opaque download", async () => {
    const content = Buffer.from(`<script>alert(1)</script>${newTraceId()}`);
    const { body } = await api("POST", "/api/public/media", announce(content, "text/html"));
    await upload(body.uploadUrl, content, "text/html");
    const record = await api("GET", `/api/public/media/${body.mediaId}`);

    const file = await fetch(String(record.body.url));
    expect(file.headers.get("content-type")).toBe("application/octet-stream");
    expect(file.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(file.headers.get("content-security-policy")).toContain("sandbox");
  });

  it.each<[string, (content: Buffer) => Record<string, unknown>, number, RegExp]>([
    [
      "a hash that is not base64 SHA-256",
      (c) => announce(c, "image/png", { sha256Hash: "x" }),
      400,
      /sha256Hash/,
    ],
    ["a content type that is none", (c) => announce(c, "png"), 400, /^Invalid contentType: /],
    ["a content type with no subtype", (c) => announce(c, "image/"), 400, /^Invalid contentType: /],
    [
      "a content type Langfuse does not accept",
      (c) => announce(c, "application/x-evil"),
      400,
      /^Invalid contentType: application\/x-evil is not among/,
    ],
    [
      "a field other than input, output or metadata",
      (c) => announce(c, "image/png", { field: "prompt" }),
      400,
      /^Invalid field: must be one of input, output, metadata/,
    ],
    ["no traceId", (c) => announce(c, "image/png", { traceId: undefined }), 400, /traceId/],
    [
      "a file over the limit",
      (c) => announce(c, "image/png", { contentLength: 2 ** 31 }),
      413,
      /^contentLength: /,
    ],
  ])("refuses %s", async (_label, body, status, message) => {
    const reply = await api("POST", "/api/public/media", body(Buffer.from(newTraceId())));
    expect(reply.status).toBe(status);
    expect(String(reply.body.error)).toMatch(message);
  });

  it.each<[string, (url: string, content: Buffer) => Promise<Response>, number, RegExp]>([
    [
      "other bytes",
      (url) => upload(url, Buffer.from("x".repeat(32)), "image/png"),
      400,
      /SHA-256|bytes/,
    ],
    [
      "another content type",
      (url, content) => upload(url, content, "image/gif"),
      400,
      /^Content-Type: must be image\/png/,
    ],
    [
      "a forged signature",
      (url, content) => upload(`${url}x`, content, "image/png"),
      403,
      /^signature: /,
    ],
    [
      "more bytes than announced",
      (url, content) => upload(url, Buffer.concat([content, content]), "image/png"),
      413,
      /^body: /,
    ],
  ])(
    "refuses an upload of %s, and keeps the file unstored",
    async (_label, put, status, message) => {
      const content = Buffer.from(`${newTraceId()}${newTraceId()}`);
      const { body } = await api("POST", "/api/public/media", announce(content, "image/png"));
      const reply = await put(String(body.uploadUrl), content);
      expect(reply.status).toBe(status);
      expect(String(((await reply.json()) as { error: string }).error)).toMatch(message);
      expect((await api("GET", `/api/public/media/${body.mediaId}`)).status).toBe(404);
    },
  );

  it("keeps a project's files from another project's key", async () => {
    const content = Buffer.from(`mine ${newTraceId()}`);
    const { body } = await api("POST", "/api/public/media", announce(content, "text/plain"));
    await upload(body.uploadUrl, content, "text/plain");
    const other = await createOtherProject(`media-${newTraceId().slice(0, 8)}`);
    expect(
      (await api("GET", `/api/public/media/${body.mediaId}`, undefined, other.auth)).status,
    ).toBe(404);
  });
});

describe("re-announcing a file not uploaded yet", () => {
  // Regression: the first announcement's contentType stuck to the file, and the upload URL of a
  // later announcement with another type refused every PUT ("must be image/png, as announced"),
  // so the content could never be stored. A pending file now takes the latest announcement.
  it("takes the later announcement's content type, which the new upload URL carries", async () => {
    const content = Buffer.from(`plain text ${newTraceId()}`);
    const first = await api("POST", "/api/public/media", announce(content, "image/png"));
    const second = await api("POST", "/api/public/media", announce(content, "text/plain"));
    expect(second.body.mediaId).toBe(first.body.mediaId);
    expect(second.body.uploadUrl).not.toBe(first.body.uploadUrl);

    expect((await upload(second.body.uploadUrl, content, "text/plain")).status).toBe(200);
    const record = await api("GET", `/api/public/media/${second.body.mediaId}`);
    expect(record.body).toMatchObject({ contentType: "text/plain" });
    const file = await fetch(String(record.body.url));
    expect(file.headers.get("content-type")).toBe("application/octet-stream");
    expect(Buffer.from(await file.arrayBuffer()).equals(content)).toBe(true);
  });

  it("keeps the type of an uploaded file when it is announced again otherwise", async () => {
    const content = Buffer.from(`uploaded ${newTraceId()}`);
    const first = await api("POST", "/api/public/media", announce(content, "text/plain"));
    expect((await upload(first.body.uploadUrl, content, "text/plain")).status).toBe(200);

    const again = await api("POST", "/api/public/media", announce(content, "text/csv"));
    expect(again.body).toEqual({ uploadUrl: null, mediaId: first.body.mediaId });
    const record = await api("GET", `/api/public/media/${first.body.mediaId}`);
    expect(record.body).toMatchObject({ contentType: "text/plain" });
  });

  it("checks a PUT against the announcement its URL was handed out for", async () => {
    const content = Buffer.from(`either ${newTraceId()}`);
    const first = await api("POST", "/api/public/media", announce(content, "text/plain"));
    await api("POST", "/api/public/media", announce(content, "text/markdown"));

    const wrong = await upload(first.body.uploadUrl, content, "text/markdown");
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toMatch(
      /^Content-Type: must be text\/plain, as announced/,
    );
    expect((await upload(first.body.uploadUrl, content, "text/plain")).status).toBe(200);
    const record = await api("GET", `/api/public/media/${first.body.mediaId}`);
    expect(record.body).toMatchObject({ contentType: "text/plain" });
  });
});

describe("deleting the traces a file was announced for", () => {
  /** Announces and uploads the content for the trace, and sends the trace's span with its tag. */
  async function traceWithFile(project: Project, traceId: string, content: Buffer) {
    const announced = await api(
      "POST",
      "/api/public/media",
      announce(content, "text/plain", { traceId }),
      project.auth,
    );
    expect(announced.status).toBe(200);
    if (announced.body.uploadUrl) {
      expect((await upload(announced.body.uploadUrl, content, "text/plain")).status).toBe(200);
    }
    const tag = `@@@langfuseMedia:type=text/plain|id=${announced.body.mediaId}|source=bytes@@@`;
    const sent = await postSpans(
      [
        span(traceId, newSpanId(), "", "with-file", 0, 10, {
          attributes: [stringAttribute("langfuse.observation.input", `See ${tag}`)],
        }),
      ],
      { auth: project.auth },
    );
    expect(sent.status).toBe(200);
    return announced.body.mediaId;
  }

  async function deleteTrace(project: Project, traceId: string) {
    const deleted = await api("DELETE", `/api/public/traces/${traceId}`, undefined, project.auth);
    expect(deleted.status).toBe(200);
  }

  type Project = Awaited<ReturnType<typeof createOtherProject>>;

  // Regression: media outlived trace deletion (files were kept whatever the trace), so personal
  // data in a file stayed downloadable after its trace was deleted.
  it("deletes a file announced only for the deleted trace, bytes and all", async () => {
    const project = await createOtherProject(`media-delete-${newSpanId()}`);
    const traceId = newTraceId();
    const mediaId = await traceWithFile(project, traceId, Buffer.from(`private ${traceId}`));
    const before = await api("GET", `/api/public/media/${mediaId}`, undefined, project.auth);
    expect(before.status).toBe(200);

    await deleteTrace(project, traceId);

    expect((await api("GET", `/api/public/media/${mediaId}`, undefined, project.auth)).status).toBe(
      404,
    );
    expect((await fetch(String(before.body.url))).status).toBe(404);
  });

  it("keeps a file also announced for another trace until that one is deleted too", async () => {
    const project = await createOtherProject(`media-shared-${newSpanId()}`);
    const [first, second] = [newTraceId(), newTraceId()];
    const content = Buffer.from(`shared ${first}`);
    const mediaId = await traceWithFile(project, first, content);
    // Already stored: no upload URL, but the second trace is linked all the same.
    expect(await traceWithFile(project, second, content)).toBe(mediaId);

    await deleteTrace(project, first);
    const kept = await api("GET", `/api/public/media/${mediaId}`, undefined, project.auth);
    expect(kept.status).toBe(200);
    const file = await fetch(String(kept.body.url));
    expect(Buffer.from(await file.arrayBuffer()).equals(content)).toBe(true);

    await deleteTrace(project, second.toUpperCase());
    expect((await api("GET", `/api/public/media/${mediaId}`, undefined, project.auth)).status).toBe(
      404,
    );
  });

  it("leaves the same content of another project alone", async () => {
    const [mine, theirs] = await Promise.all([
      createOtherProject(`media-mine-${newSpanId()}`),
      createOtherProject(`media-theirs-${newSpanId()}`),
    ]);
    const content = Buffer.from(`both projects ${newTraceId()}`);
    const [mineTrace, theirTrace] = [newTraceId(), newTraceId()];
    const mediaId = await traceWithFile(mine, mineTrace, content);
    expect(await traceWithFile(theirs, theirTrace, content)).toBe(mediaId);

    await deleteTrace(mine, mineTrace);
    expect((await api("GET", `/api/public/media/${mediaId}`, undefined, theirs.auth)).status).toBe(
      200,
    );
  });
});
