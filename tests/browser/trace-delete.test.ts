// Deleting traces in the app: from the trace page after a confirmation (back to the list, the
// trace page then says the trace is gone), from the list's selection, and never for viewers.
import { randomBytes } from "node:crypto";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, openSignedInPage, signIn } from "../setup/browser";
import { newSpanId, newTraceId, postSpans, span } from "../integration/ingest-helpers";
import {
  bootstrapProject,
  REVIEWER_PASSWORD,
  signInWithRole,
} from "../integration/reviewer-helpers";

const baseUrl = inject("baseUrl");
const run = randomBytes(4).toString("hex");

/** Stores a one-span trace named `name` in the bootstrap project; its id. */
async function sendTrace(name: string): Promise<string> {
  const traceId = newTraceId();
  const response = await postSpans([span(traceId, newSpanId(), "", name, 0, 1000)]);
  expect(response.status).toBe(200);
  return traceId;
}

describe("deleting traces in the app", () => {
  let browser: Browser;
  let page: Page;
  let projectPath: string;

  beforeAll(async () => {
    ({ browser, page, projectPath } = await openSignedInPage(baseUrl));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("deletes a trace from its page after a confirmation and goes back to the list", async () => {
    const name = `delete-me-${run}`;
    const traceId = await sendTrace(name);
    const tracePath = `${projectPath}/traces/${traceId}`;
    await page.goto(`${baseUrl}${tracePath}`);
    await expect.poll(() => page.getByTestId("trace-name").textContent()).toBe(name);

    // The first click only asks; Cancel keeps the trace.
    await page.getByTestId("delete-trace").click();
    const confirm = page.getByTestId("delete-trace-confirm");
    await expect.poll(() => confirm.textContent()).toContain("This cannot be undone");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => confirm.count()).toBe(0);

    await page.getByTestId("delete-trace").click();
    await confirm.getByRole("button", { name: "Delete for good" }).click();
    await page.waitForURL(`${baseUrl}${projectPath}/traces`);
    await expect.poll(() => page.locator(`[data-trace-id="${traceId}"]`).count()).toBe(0);

    await page.goto(`${baseUrl}${tracePath}`);
    await expect.poll(() => page.getByTestId("trace-not-found").textContent()).toContain("deleted");
  });

  it("deletes the selected rows of the traces list", async () => {
    const name = `delete-many-${run}`;
    const [first, second, kept] = [
      await sendTrace(name),
      await sendTrace(name),
      await sendTrace(name),
    ];
    await page.goto(`${baseUrl}${projectPath}/traces?name=${name}&range=all`);
    await expect.poll(() => page.getByTestId("trace-row").count()).toBe(3);

    for (const traceId of [first, second]) {
      await page.getByLabel(`Select trace ${traceId}`, { exact: true }).check();
    }
    await page.getByTestId("delete-selected-traces").click();
    const confirm = page.getByTestId("delete-selected-traces-confirm");
    await expect.poll(() => confirm.textContent()).toContain("Delete 2 traces");
    await confirm.getByRole("button", { name: "Delete for good" }).click();

    await expect
      .poll(() =>
        page
          .getByTestId("trace-row")
          .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-trace-id"))),
      )
      .toEqual([kept]);
    await page.reload();
    await expect.poll(() => page.getByTestId("trace-row").count()).toBe(1);
  });

  it("offers viewers no delete action", async () => {
    const traceId = await sendTrace(`viewer-sees-${run}`);
    const { projectId } = await bootstrapProject();
    const { email } = await signInWithRole("VIEWER");
    const viewerBrowser = await launchBrowser();
    try {
      const viewerPage = await viewerBrowser.newPage();
      await signIn(viewerPage, baseUrl, { email, password: REVIEWER_PASSWORD });
      await viewerPage.goto(`${baseUrl}/project/${projectId}/traces/${traceId}`);
      await expect.poll(() => viewerPage.getByTestId("trace-name").count()).toBe(1);
      expect(await viewerPage.getByTestId("delete-trace").count()).toBe(0);

      await viewerPage.goto(`${baseUrl}/project/${projectId}/traces?range=all`);
      await expect.poll(() => viewerPage.getByTestId("trace-row").count()).toBeGreaterThan(0);
      expect(await viewerPage.getByTestId("select-trace").count()).toBe(0);
      expect(await viewerPage.getByTestId("delete-selected-traces").count()).toBe(0);
    } finally {
      await viewerBrowser.close();
    }
  });
});
