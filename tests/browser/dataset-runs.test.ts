// Dataset runs in a real browser: two runs of an experiment linked over the public API, their
// traces ingested over OTLP and scored, then the dataset page lists both with average scores and
// the compare view shows each item's outputs side by side, hostile output kept as text, and
// each run next to the item version it answered.
import { randomBytes } from "node:crypto";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { stringAttribute } from "../../lib/otlp/test-builders";
import { AUTH, newSpanId, newTraceId, postSpans, span } from "../integration/ingest-helpers";
import { launchBrowser, signIn } from "../setup/browser";

const baseUrl = inject("baseUrl");
const run = randomBytes(4).toString("hex");
const datasetName = `experiments-${run}`;
const HOSTILE = `<img src=x onerror="window.__xss=1">`;

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { authorization: AUTH, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

describe("dataset runs", () => {
  let browser: Browser;
  let datasetId = "";

  beforeAll(async () => {
    const dataset = await post("/api/public/datasets", { name: datasetName });
    datasetId = String(dataset.id);
    const questions = ["capital of France?", "capital of Japan?"];
    const items = [];
    for (const question of questions) {
      items.push(await post("/api/public/dataset-items", { datasetName, input: question }));
    }
    const outputs: Record<string, string[]> = {
      [`small ${run}`]: ["Paris", HOSTILE],
      [`large ${run}`]: ["Paris", "Tokyo"],
    };
    for (const [runName, answers] of Object.entries(outputs)) {
      for (const [index, item] of items.entries()) {
        const traceId = newTraceId();
        const answer = answers[index]!;
        const sent = await postSpans([
          span(traceId, newSpanId(), "", "experiment-item-run", 0, 120, {
            attributes: [
              stringAttribute("input.value", questions[index]!),
              stringAttribute("output.value", answer),
            ],
          }),
        ]);
        expect(sent.status).toBe(200);
        await post("/api/public/dataset-run-items", {
          runName,
          datasetItemId: item.id,
          traceId,
        });
        const correct = answer === ["Paris", "Tokyo"][index] ? 1 : 0;
        await post("/api/public/scores", { traceId, name: "correct", value: correct });
        if (answer === "Tokyo") {
          // Three reviewers' labels: the cell shows them all, not one of them.
          for (const tone of ["polite", "curt", "polite"]) {
            await post("/api/public/scores", { traceId, name: `tone-${run}`, value: tone });
          }
        }
      }
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lists the runs with average scores and compares their outputs item by item", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const projectPath = await signIn(page, baseUrl);
    await page.goto(`${baseUrl}${projectPath}/datasets/${datasetId}`);

    const rows = page.getByTestId("run-row");
    await expect.poll(() => rows.count()).toBe(2);
    const small = rows.filter({ hasText: `small ${run}` });
    expect(await small.getByTestId("run-score-correct").textContent()).toBe("0.500");
    const large = rows.filter({ hasText: `large ${run}` });
    expect(await large.getByTestId("run-score-correct").textContent()).toBe("1");

    await page.getByTestId("compare-runs").click();
    await page.waitForURL(/\/runs\?runs=/);
    const compareRows = page.getByTestId("compare-row");
    await expect.poll(() => compareRows.count()).toBe(2);
    const japan = compareRows.filter({ hasText: "capital of Japan?" });
    expect(await japan.getByTestId("run-cell").count()).toBe(2);
    expect(await japan.textContent()).toContain("Tokyo");
    // The hostile output is shown as the text it is and never becomes an element.
    expect(await japan.getByText(HOSTILE).count()).toBe(1);
    expect(await page.getByTestId("compare-table").locator("img").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await japan.getByTestId("run-cell-score").allTextContents()).toEqual(
      expect.arrayContaining(["correct: 0", "correct: 1", `tone-${run}: polite ×2, curt`]),
    );
    await context.close();
  });

  // Regression: the compare view showed each item as it is now, so a run made before the item
  // was edited appeared next to the new input and expected output it never answered. A run item
  // now records the item version it was linked at, and the view shows the item at that version.
  it("shows each run next to the item version it answered, noting a later edit", async () => {
    const editedDataset = `edited-${run}`;
    const dataset = await post("/api/public/datasets", { name: editedDataset });
    const item = await post("/api/public/dataset-items", {
      datasetName: editedDataset,
      input: "What is 2 + 2?",
      expectedOutput: "four",
    });
    const runIds: string[] = [];
    const link = async (runName: string, answer: string) => {
      const traceId = newTraceId();
      const sent = await postSpans([
        span(traceId, newSpanId(), "", "experiment-item-run", 0, 50, {
          attributes: [stringAttribute("output.value", answer)],
        }),
      ]);
      expect(sent.status).toBe(200);
      const linked = await post("/api/public/dataset-run-items", {
        runName,
        datasetItemId: item.id,
        traceId,
      });
      runIds.push(String(linked.datasetRunId));
      return linked;
    };
    expect(await link(`before-edit ${run}`, "4")).toMatchObject({ datasetItemVersion: 1 });
    await post("/api/public/dataset-items", {
      datasetName: editedDataset,
      id: item.id,
      input: "What is 3 + 3?",
      expectedOutput: "six",
    });
    expect(await link(`after-edit ${run}`, "6")).toMatchObject({ datasetItemVersion: 2 });

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const projectPath = await signIn(page, baseUrl);
    const compare = (ids: string[]) =>
      page.goto(`${baseUrl}${projectPath}/datasets/${String(dataset.id)}/runs?runs=${ids}`);

    await compare([runIds[0]!]);
    const row = page.getByTestId("compare-row");
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId("compare-input").textContent()).toBe("What is 2 + 2?");
    expect(await row.getByTestId("compare-expected").textContent()).toBe("four");
    expect(await row.getByTestId("item-version-note").textContent()).toBe(
      `item v1, as before-edit ${run} used it · item changed after this run (now v2)`,
    );
    expect(await row.textContent()).not.toContain("3 + 3");

    // Both runs: the newer run (first column) answered v2; the older one shows its own v1.
    await compare(runIds);
    await expect.poll(() => row.getByTestId("run-cell").count()).toBe(2);
    expect(await row.getByTestId("compare-input").textContent()).toBe("What is 3 + 3?");
    expect(await row.getByTestId("item-version-note").textContent()).toBe(
      `item v2, as after-edit ${run} used it`,
    );
    const older = row.getByTestId("run-cell").filter({ hasText: "item v1" });
    expect(await older.getByTestId("run-cell-item").textContent()).toBe(
      "This run used item v1:Input: What is 2 + 2?Expected: four",
    );
    expect(await row.getByTestId("run-cell-item-version").allTextContents()).toEqual([
      "item v2",
      "item v1",
    ]);
    await context.close();
  });
});
