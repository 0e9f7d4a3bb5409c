// Curating a dataset in a real browser (issue #8): demo-like traces ingested over OTLP, then a
// whole trace and two spans added from the trace page (expected output pre-filled from the actual
// output, edited in the dialog and in the item editor), a duplicate refused, the item table
// searched, and the dataset exported as JSONL.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";

import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { getPrisma } from "../../lib/db/prisma";
import { buildRagAgentTrace, sendOtlp, type RagAgentTrace } from "../fixtures/explorer-traces";
import { openSignedInPage } from "../setup/browser";

const baseUrl = inject("baseUrl");
const run = randomBytes(4).toString("hex");
const datasetName = `curated-${run}`;
const POLL = { timeout: 15_000 };

describe("dataset curation", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let projectPath: string;
  let ada: RagAgentTrace;
  let bob: RagAgentTrace;

  beforeAll(async () => {
    const now = Date.now();
    ada = buildRagAgentTrace({
      question: `What should I pack for Lisbon? (${run})`,
      start: now - 120_000,
    });
    bob = buildRagAgentTrace({
      question: `Is it raining in Porto? (${run})`,
      answer: "Yes, bring a *raincoat*.",
      start: now - 60_000,
    });
    await sendOtlp(baseUrl, ada.request);
    await sendOtlp(baseUrl, bob.request);

    ({ browser, context, page, projectPath } = await openSignedInPage(baseUrl));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  async function openDialog(button: "add-trace-to-dataset" | "add-span-to-dataset") {
    await page.getByTestId(button).click();
    const dialog = page.getByTestId("add-to-dataset-dialog");
    await expect.poll(() => dialog.getByTestId("item-input").inputValue(), POLL).not.toBe("");
    return dialog;
  }

  it("adds a whole trace with its output as the expected output, into a new dataset", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces/${ada.traceId}`);
    const dialog = await openDialog("add-trace-to-dataset");

    // String values are edited as plain text: no quotes or escapes to type.
    expect(await dialog.getByTestId("item-input").getAttribute("data-mode")).toBe("text");
    expect(await dialog.getByTestId("item-input").inputValue()).toBe(ada.question);
    expect(await dialog.getByTestId("item-expected").inputValue()).toBe(ada.answer);
    await dialog.getByTestId("dataset-choice").selectOption("__new__");
    await dialog.getByTestId("new-dataset-name").fill(datasetName);
    await dialog.getByTestId("add-to-dataset-save").click();
    await expect.poll(() => dialog.getByTestId("add-to-dataset-saved").count(), POLL).toBe(1);
    await dialog.getByRole("button", { name: "Done" }).click();

    // The same trace again: the dialog says it is already there and the server refuses it.
    const again = await openDialog("add-trace-to-dataset");
    await again.getByTestId("dataset-choice").selectOption({ label: `${datasetName} (1)` });
    await expect.poll(() => again.getByTestId("add-to-dataset-duplicate").count(), POLL).toBe(1);
    await again.getByTestId("add-to-dataset-save").click();
    await expect
      .poll(() => again.getByTestId("add-to-dataset-duplicate").textContent(), POLL)
      .toContain("already in this dataset");
    await again.getByRole("button", { name: "Cancel" }).click();
  });

  it("adds a span with an expected output set in the dialog, refusing invalid JSON", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces/${bob.traceId}?span=${bob.spanIds.answer}`);
    const dialog = await openDialog("add-span-to-dataset");
    await dialog.getByTestId("dataset-choice").selectOption({ label: `${datasetName} (1)` });

    await dialog.getByTestId("item-expected-mode-json").click();
    await dialog.getByTestId("item-expected").fill('{"answer": ');
    await expect.poll(() => dialog.getByTestId("item-expected-error").count(), POLL).toBe(1);
    expect(await dialog.getByTestId("add-to-dataset-save").isDisabled()).toBe(true);

    await dialog.getByTestId("item-expected").fill('{"answer": "Take a raincoat."}');
    await dialog.getByTestId("add-to-dataset-save").click();
    await expect.poll(() => dialog.getByTestId("add-to-dataset-saved").count(), POLL).toBe(1);
    await dialog.getByRole("button", { name: "Done" }).click();
  });

  it("adds a third span and edits its expected output in the editor as a new version", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces/${ada.traceId}?span=${ada.spanIds.plan}`);
    const dialog = await openDialog("add-span-to-dataset");
    await dialog.getByTestId("dataset-choice").selectOption({ label: `${datasetName} (2)` });
    await dialog.getByTestId("add-to-dataset-save").click();
    await expect.poll(() => dialog.getByTestId("add-to-dataset-saved").count(), POLL).toBe(1);
    await dialog.getByRole("link", { name: "Open the item" }).click();
    await page.waitForURL(/\/datasets\/[^/]+\/items\/[^/]+$/);

    await expect.poll(() => page.getByTestId("item-version-entry").count(), POLL).toBe(1);
    await page.getByTestId("edit-expected-mode-json").click();
    await page.getByTestId("edit-expected").fill('"Call get_weather for Lisbon"');
    await page.getByTestId("save-item").click();
    await expect
      .poll(() => page.getByTestId("item-saved").textContent(), POLL)
      .toBe("Saved as version 2.");
    await expect.poll(() => page.getByTestId("item-version-entry").count(), POLL).toBe(2);
    expect(await page.getByTestId("item-version").textContent()).toBe("version 2");

    // The link back opens the source span on its trace.
    await page.getByTestId("item-source-link").click();
    await page.waitForURL(new RegExp(`/traces/${ada.traceId}\\?span=${ada.spanIds.plan}`));
    await expect
      .poll(() => page.getByTestId("span-panel").getAttribute("data-span-id"), POLL)
      .toBe(ada.spanIds.plan);
  });

  it("lists the three items, searches them and exports them as JSONL", async () => {
    await page.goto(`${baseUrl}${projectPath}/datasets`);
    await page.getByRole("link", { name: datasetName }).click();
    await page.waitForURL(/\/datasets\/[^/]+$/);
    await expect.poll(() => page.getByTestId("item-row").count(), POLL).toBe(3);

    await page.getByTestId("items-search").fill("raincoat");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.getByTestId("item-row").count(), POLL).toBe(1);
    await page.getByTestId("items-search").fill("");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.getByTestId("item-row").count(), POLL).toBe(3);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export JSONL" }).click(),
    ]);
    const text = await readFile(await download.path(), "utf8");
    const lines = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    const bySource = new Map(
      lines.map((line) => [`${line.sourceTraceId}:${line.sourceObservationId}`, line]),
    );
    expect(bySource.get(`${ada.traceId}:null`)).toMatchObject({
      input: ada.question,
      expectedOutput: ada.answer,
      status: "ACTIVE",
    });
    expect(bySource.get(`${bob.traceId}:${bob.spanIds.answer}`)?.expectedOutput).toEqual({
      answer: "Take a raincoat.",
    });
    expect(bySource.get(`${ada.traceId}:${ada.spanIds.plan}`)?.expectedOutput).toBe(
      "Call get_weather for Lisbon",
    );
  });
  it("archives an item and filters the table by status", async () => {
    await page.goto(`${baseUrl}${projectPath}/datasets`);
    await page.getByRole("link", { name: datasetName }).click();
    await expect.poll(() => page.getByTestId("item-row").count(), POLL).toBe(3);
    await page.getByTestId("toggle-archive").first().click();
    await expect
      .poll(() => page.getByTestId("toggle-archive").allTextContents(), POLL)
      .toContain("Unarchive");
    await page.getByTestId("items-status").selectOption("ARCHIVED");
    await expect.poll(() => page.getByTestId("item-row").count(), POLL).toBe(1);
    await page.getByTestId("items-status").selectOption("ACTIVE");
    await expect.poll(() => page.getByTestId("item-row").count(), POLL).toBe(2);
  });

  it("creates a dataset and imports a CSV with a column mapping, listing bad rows", async () => {
    await page.goto(`${baseUrl}${projectPath}/datasets`);
    await page.getByTestId("create-dataset-name").fill(`imported-${run}`);
    await page.getByTestId("create-dataset").click();
    await page.waitForURL(/\/datasets\/[^/]+$/);
    await expect.poll(() => page.getByTestId("items-empty").count(), POLL).toBe(1);

    await page.getByTestId("open-import").click();
    const csv =
      'utterance,gold,notes\n"{""q"": 1}",one,\nq,extra,,cell\nplain question,"two, with comma",\n';
    await page.getByTestId("import-file").setInputFiles({
      name: "golden.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await expect.poll(() => page.getByTestId("import-preview").count(), POLL).toBe(1);
    // No column is named like a field: the mapping is chosen by hand.
    expect(await page.getByTestId("import-run").isDisabled()).toBe(true);
    await page.getByTestId("map-input").selectOption("utterance");
    await page.getByTestId("map-expectedOutput").selectOption("gold");
    await page.getByTestId("import-run").click();
    await expect
      .poll(() => page.getByTestId("import-report").textContent(), POLL)
      .toContain("Imported 2 of 3 rows.");
    expect(await page.getByTestId("import-report").textContent()).toContain(
      "Row 2: Too many fields",
    );
    await expect.poll(() => page.getByTestId("item-row").count(), POLL).toBe(2);
  });

  it("previews a string expected output as markdown without running its HTML", async () => {
    await page.goto(`${baseUrl}${projectPath}/datasets`);
    await page.getByRole("link", { name: `imported-${run}` }).click();
    await page.waitForURL(/\/datasets\/[^/]+$/);
    await expect.poll(() => page.getByTestId("item-row").count(), POLL).toBe(2);
    await page.getByTestId("item-row").first().getByRole("link").first().click();
    await page.waitForURL(/\/items\/[^/]+$/);

    const hostile =
      '**bold** <img src=x onerror="window.__datasetXss=1"> <script>window.__datasetXss=2</script>';
    expect(await page.getByTestId("edit-expected").getAttribute("data-mode")).toBe("text");
    await page.getByTestId("edit-expected").fill(hostile);
    await page.getByTestId("edit-expected-preview-toggle").click();
    const preview = page.getByTestId("edit-expected-preview");
    await expect.poll(() => preview.locator("strong").textContent(), POLL).toBe("bold");
    expect(await preview.locator("img, script").count()).toBe(0);
    expect(await preview.textContent()).toContain("<img src=x");
    expect(await page.evaluate(() => (window as { __datasetXss?: number }).__datasetXss)).toBe(
      undefined,
    );

    // Saved as text, it comes back as the same string.
    await page.getByTestId("edit-expected-preview-toggle").click();
    await page.getByTestId("save-item").click();
    await expect.poll(() => page.getByTestId("item-saved").count(), POLL).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByTestId("edit-expected").inputValue(), POLL).toBe(hostile);
  });

  // Regression: a save from a tab opened before another save silently overwrote the newer
  // version; the editor now sends the version it shows and says to reload when it is stale.
  it("refuses a save from a stale tab and says which version to reload", async () => {
    const stale = await context.newPage();
    await stale.goto(page.url());
    const shown = await page.getByTestId("item-version").textContent();
    const version = Number(shown?.replace("version ", ""));
    expect(version).toBeGreaterThan(0);
    expect(await stale.getByTestId("item-version").textContent()).toBe(shown);

    await page.getByTestId("save-item").click();
    await expect
      .poll(() => page.getByTestId("item-saved").textContent(), POLL)
      .toBe(`Saved as version ${version + 1}.`);

    await stale.getByTestId("save-item").click();
    await expect
      .poll(() => stale.getByTestId("item-error").textContent(), POLL)
      .toBe(
        `This item changed since you opened it (version ${version}): ` +
          `reload to see version ${version + 1}.`,
      );
    await stale.close();
  });

  it("renames a dataset and deletes it with its items", async () => {
    await page.goto(`${baseUrl}${projectPath}/datasets`);
    await page.getByRole("link", { name: `imported-${run}` }).click();
    await page.waitForURL(/\/datasets\/[^/]+$/);
    await page.getByTestId("edit-dataset").click();
    await page.getByTestId("dataset-settings-name").fill(`renamed-${run}`);
    await page.getByTestId("dataset-settings-description").fill("golden answers");
    await page.getByTestId("dataset-settings-save").click();
    await expect
      .poll(() => page.getByTestId("dataset-name").textContent(), POLL)
      .toBe(`renamed-${run}`);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("edit-dataset").click();
    await page.getByTestId("delete-dataset").click();
    await page.waitForURL(/\/datasets$/);
    await expect
      .poll(() => page.getByRole("link", { name: `renamed-${run}` }).count(), POLL)
      .toBe(0);
    expect(await page.getByRole("link", { name: datasetName }).count()).toBe(1);
  });

  it("adds every trace matching the traces-list filter with progress, once", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces?q=${run}&range=all`);
    await expect.poll(() => page.getByTestId("trace-row").count(), POLL).toBe(2);
    await page.getByTestId("add-matching-to-dataset").click();
    const dialog = page.getByTestId("add-matching-dialog");
    await dialog.getByTestId("dataset-choice").selectOption({ label: `${datasetName} (2)` });
    await dialog.getByTestId("add-matching-start").click();
    // Ada's trace is in the dataset already; Bob's trace (only a span of it was) is new.
    await expect
      .poll(() => dialog.getByTestId("add-matching-result").textContent(), POLL)
      .toBe("2 of 2 traces: 1 added, 1 already in the dataset — done.");
  });
  it("adds the queue items a reviewer labelled good from the dataset page", async () => {
    process.env.DATABASE_URL ??= inject("databaseUrl");
    const prisma = getPrisma();
    const projectId = projectPath.split("/").at(-1) ?? "";
    const queue = await prisma.annotationQueue.create({
      data: {
        projectId,
        name: `review-${run}`,
        items: {
          create: [
            { projectId, traceId: ada.traceId, status: "COMPLETED" },
            { projectId, traceId: bob.traceId, status: "COMPLETED" },
          ],
        },
      },
    });
    await prisma.score.create({
      data: {
        id: `label-${run}`,
        projectId,
        traceId: bob.traceId,
        name: "quality",
        dataType: "CATEGORICAL",
        stringValue: "good",
        source: "ANNOTATION",
      },
    });

    await page.goto(`${baseUrl}${projectPath}/datasets`);
    await page.getByTestId("create-dataset-name").fill(`reviewed-${run}`);
    await page.getByTestId("create-dataset").click();
    await page.waitForURL(/\/datasets\/[^/]+$/);
    await page.getByTestId("open-queue").click();
    const panel = page.getByTestId("queue-panel");
    await panel.getByLabel("Queue").selectOption(queue.id);
    await panel.getByLabel("Label name (optional)").fill("quality");
    await panel.getByLabel("Label value (optional)").fill("good");
    await panel.getByRole("button", { name: "Add queue items" }).click();
    await expect
      .poll(() => panel.getByTestId("queue-result").textContent(), POLL)
      .toBe("1 queue items matched: 1 added");
    await expect.poll(() => page.getByTestId("item-row").count(), POLL).toBe(1);
    expect(await page.getByTestId("item-source-link").getAttribute("href")).toBe(
      `${projectPath}/traces/${bob.traceId}`,
    );
  });
});
