// Media on the trace page: a payload that references an uploaded file by a Langfuse media tag
// (in an image part of a chat, or inside text) shows the file itself, loaded from this
// project's media, instead of the bare tag.
import { createHash, randomBytes } from "node:crypto";

import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { buildWireRequest, buildWireSpan, stringAttribute } from "../../lib/otlp/test-builders";
import { newSpanId, newTraceId, sendOtlp } from "../fixtures/explorer-traces";
import { openSignedInPage } from "../setup/browser";
import { basicAuth, TEST_KEYS } from "../setup/test-env";

const baseUrl = inject("baseUrl");
const AUTH = basicAuth(TEST_KEYS.publicKey, TEST_KEYS.secretKey);

// A 1×1 transparent PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/** Announces and uploads a file as the Langfuse SDKs do; returns its media id. */
async function uploadMedia(traceId: string, content: Buffer, contentType: string) {
  const announced = await fetch(`${baseUrl}/api/public/media`, {
    method: "POST",
    headers: { authorization: AUTH, "content-type": "application/json" },
    body: JSON.stringify({
      traceId,
      contentType,
      contentLength: content.byteLength,
      sha256Hash: createHash("sha256").update(content).digest("base64"),
      field: "input",
    }),
  });
  expect(announced.status).toBe(200);
  const { mediaId, uploadUrl } = (await announced.json()) as {
    mediaId: string;
    uploadUrl: string | null;
  };
  if (uploadUrl) {
    const put = await fetch(uploadUrl, {
      method: "PUT",
      body: new Uint8Array(content),
      headers: { "content-type": contentType },
    });
    expect(put.status).toBe(200);
  }
  return mediaId;
}

function tagOf(contentType: string, mediaId: string): string {
  return `@@@langfuseMedia:type=${contentType}|id=${mediaId}|source=base64_data_uri@@@`;
}

describe("media tags on the trace page", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let projectPath: string;

  beforeAll(async () => {
    ({ browser, context, page, projectPath } = await openSignedInPage(baseUrl));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it("shows an uploaded image in the chat and a text file as a link", async () => {
    const traceId = newTraceId();
    const imageId = await uploadMedia(traceId, PNG, "image/png");
    const notes = Buffer.from(`release notes ${randomBytes(8).toString("hex")}`);
    const notesId = await uploadMedia(traceId, notes, "text/plain");

    const start = BigInt(Date.now() - 60_000) * 1_000_000n;
    const input = [
      {
        role: "user",
        content: [
          { type: "text", text: "What is in this picture?" },
          { type: "image_url", image_url: { url: tagOf("image/png", imageId) } },
        ],
      },
    ];
    const span = buildWireSpan({
      traceId,
      spanId: newSpanId(),
      name: "describe-image",
      kind: 1,
      startTimeUnixNano: start.toString(),
      endTimeUnixNano: (start + 400_000_000n).toString(),
      attributes: [
        stringAttribute("langfuse.observation.type", "generation"),
        stringAttribute("langfuse.observation.input", JSON.stringify(input)),
        stringAttribute(
          "langfuse.observation.output",
          `A transparent pixel; see ${tagOf("text/plain", notesId)} for more.`,
        ),
      ],
    });
    await sendOtlp(baseUrl, buildWireRequest({ spans: [span] }));

    await page.goto(`${baseUrl}${projectPath}/traces/${traceId}`);
    const panel = page.getByTestId("span-panel");
    const image = panel.getByTestId("media-image");
    await expect.poll(() => image.count()).toBe(1);
    // The image really loaded (same origin, the reviewer's session), not a broken icon.
    await expect
      .poll(() => image.evaluate((node) => (node as HTMLImageElement).naturalWidth))
      .toBe(1);
    expect(await panel.textContent()).not.toContain("@@@langfuseMedia");

    const link = panel.getByTestId("media-link");
    expect(await link.textContent()).toContain("text/plain");
    const href = String(await link.getAttribute("href"));
    const file = await page.request.get(`${baseUrl}${href}`);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).equals(notes)).toBe(true);
  });

  it("shows the file under a JSON string that is a media tag", async () => {
    const traceId = newTraceId();
    const imageId = await uploadMedia(traceId, PNG, "image/png");
    const start = BigInt(Date.now() - 30_000) * 1_000_000n;
    const span = buildWireSpan({
      traceId,
      spanId: newSpanId(),
      name: "scan-receipt",
      kind: 1,
      startTimeUnixNano: start.toString(),
      endTimeUnixNano: (start + 100_000_000n).toString(),
      attributes: [
        stringAttribute(
          "langfuse.observation.input",
          JSON.stringify({ receipt: tagOf("image/png", imageId), pages: 1 }),
        ),
      ],
    });
    await sendOtlp(baseUrl, buildWireRequest({ spans: [span] }));

    await page.goto(`${baseUrl}${projectPath}/traces/${traceId}`);
    const input = page
      .getByTestId("span-panel")
      .getByRole("region", { name: "Input", exact: true });
    const image = input.getByTestId("media-image");
    await expect.poll(() => image.count()).toBe(1);
    await expect
      .poll(() => image.evaluate((node) => (node as HTMLImageElement).naturalWidth))
      .toBe(1);
  });

  it("says so where a tag names a file the project does not hold", async () => {
    const traceId = newTraceId();
    const start = BigInt(Date.now() - 20_000) * 1_000_000n;
    const span = buildWireSpan({
      traceId,
      spanId: newSpanId(),
      name: "lost-upload",
      kind: 1,
      startTimeUnixNano: start.toString(),
      endTimeUnixNano: (start + 100_000_000n).toString(),
      attributes: [
        stringAttribute("langfuse.observation.output", tagOf("image/png", "z".repeat(22))),
      ],
    });
    await sendOtlp(baseUrl, buildWireRequest({ spans: [span] }));

    await page.goto(`${baseUrl}${projectPath}/traces/${traceId}`);
    const panel = page.getByTestId("span-panel");
    await expect.poll(() => panel.getByTestId("media-missing").count()).toBe(1);
    expect(await panel.getByTestId("media-missing").textContent()).toContain("not found");
    expect(await panel.getByTestId("media-image").count()).toBe(0);
  });

  it("refuses the project's media to a browser that is not signed in", async () => {
    const other = await browser.newContext();
    const anonymous = await other.newPage();
    const response = await anonymous.request.get(
      `${baseUrl}/api/projects/${projectPath.split("/").pop()}/media/${"x".repeat(22)}`,
    );
    expect([401, 403]).toContain(response.status());
    await other.close();
  });
});
