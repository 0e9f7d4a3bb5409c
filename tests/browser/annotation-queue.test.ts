// A reviewer's day in a real browser (issue #7): a queue made from a traces-list filter, worked
// through with keys and buttons (next / skip / done) while the progress moves, the scores then
// shown on the trace, the selection adding nothing twice, and a viewer who can only read.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { stringAttribute } from "../../lib/otlp/test-builders";
import { AUTH, newSpanId, newTraceId, postSpans, span } from "../integration/ingest-helpers";
import { signInWithRole } from "../integration/reviewer-helpers";
import { openSignedInPage, signIn } from "../setup/browser";

const baseUrl = inject("baseUrl");
const RUN = newSpanId();
const TAG = `review-${RUN}`;
const VERDICT = `verdict-${RUN}`;
const POLL = { timeout: 15_000 };

/** The trace page folds its scoring card to one line: open it (retried until hydrated). */
async function openTraceScores(page: Page): Promise<void> {
  const panel = page.getByTestId("score-panel").first();
  await expect
    .poll(async () => {
      if ((await panel.getAttribute("data-open")) !== "true") {
        await panel.getByTestId("score-panel-toggle").click();
      }
      return panel.getAttribute("data-open");
    }, POLL)
    .toBe("true");
}

describe("annotation queue review", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let projectPath = "";
  // Newest first: the order of the traces list and so of the queue.
  const traceIds: string[] = [];

  const progress = () => page.getByTestId("queue-progress").textContent();
  const itemTrace = () => page.getByTestId("queue-item").getAttribute("data-trace-id");

  beforeAll(async () => {
    const spans = [];
    for (let index = 0; index < 3; index += 1) {
      const traceId = newTraceId();
      traceIds.unshift(traceId);
      spans.push(
        span(traceId, newSpanId(), "", `answer-${index}`, index * 1000, index * 1000 + 50, {
          attributes: [
            stringAttribute("langfuse.trace.tags", JSON.stringify([TAG])),
            stringAttribute("langfuse.observation.input", JSON.stringify(`question ${index}`)),
            stringAttribute("langfuse.observation.output", JSON.stringify(`answer ${index}`)),
          ],
        }),
      );
    }
    expect((await postSpans(spans)).status).toBe(200);
    const config = await fetch(`${baseUrl}/api/public/score-configs`, {
      method: "POST",
      headers: { authorization: AUTH, "content-type": "application/json" },
      body: JSON.stringify({
        name: VERDICT,
        dataType: "CATEGORICAL",
        categories: [
          { label: "good", value: 1 },
          { label: "bad", value: 0 },
        ],
      }),
    });
    expect(config.status).toBe(201);

    ({ browser, context, page, projectPath } = await openSignedInPage(baseUrl));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it("creates a queue from the traces-list filter", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces?tag=${TAG}&range=all`);
    await expect.poll(() => page.getByTestId("trace-row").count(), POLL).toBe(3);
    await page.getByTestId("queue-all-matching").click();
    await page.waitForURL(/\/queues\?filter=/);
    expect(await page.getByTestId("queue-source").textContent()).toContain(`tag=${TAG}`);

    await page.getByLabel("Name").fill(`Review ${RUN}`);
    // Only this test's config: the shared project also holds other tests' configs.
    for (const label of await page.locator("fieldset label").all()) {
      const box = label.locator('input[type="checkbox"]');
      if ((await label.textContent())?.includes(VERDICT)) await box.check();
      else await box.uncheck();
    }
    await page.getByRole("button", { name: "Create queue" }).click();
    await page.waitForURL(/\/queues\/[^/?]+$/);
    await expect.poll(progress, POLL).toBe("0 / 3");
    expect(await itemTrace()).toBe(traceIds[0]);
    expect(await page.getByTestId("queue-item").textContent()).toContain("question 2");
  });

  it("works through the queue by keys and buttons, skipping one and returning to it", async () => {
    // Item 1: the key 1 picks the first category, d marks it done (keys work once hydrated).
    await page.getByTestId("shortcut-hint").waitFor();
    await page.locator('[data-testid="queue-review"][data-ready="true"]').waitFor();
    await page.keyboard.press("1");
    await expect
      .poll(() => page.getByTestId("my-score").first().textContent(), POLL)
      .toContain("good");
    await page.keyboard.press("d");
    await expect.poll(progress, POLL).toBe("1 / 3");
    await expect.poll(itemTrace, POLL).toBe(traceIds[1]);

    // Item 2: scored with a click, then skipped: it stays to do.
    await page.getByRole("button", { name: "bad" }).click();
    await expect
      .poll(() => page.getByTestId("my-score").first().textContent(), POLL)
      .toContain("bad");
    await page.getByRole("button", { name: /^Skip/ }).click();
    await expect.poll(itemTrace, POLL).toBe(traceIds[2]);
    expect(await progress()).toBe("1 / 3");

    // Item 3: a comment, the first category with the key, Done by button: back to the skipped one.
    await page.getByLabel("Comment").fill(`checked by hand ${RUN}`);
    await page.getByRole("button", { name: /good$/ }).click();
    await expect
      .poll(() => page.getByTestId("my-score").first().textContent(), POLL)
      .toContain("good");
    await page.getByRole("button", { name: /^Done/ }).click();
    await expect.poll(progress, POLL).toBe("2 / 3");
    await expect.poll(itemTrace, POLL).toBe(traceIds[1]);

    // n goes to the next item in order (done or not), then d finishes the skipped one.
    await page.locator('[data-testid="queue-review"][data-ready="true"]').waitFor();
    await page.keyboard.press("n");
    await expect.poll(itemTrace, POLL).toBe(traceIds[2]);
    expect(await page.getByTestId("queue-item").getAttribute("data-status")).toBe("COMPLETED");
    await page.goto(page.url().split("?")[0] ?? page.url());
    await expect.poll(itemTrace, POLL).toBe(traceIds[1]);
    // Keys work once the page is hydrated.
    await page.locator('[data-testid="queue-review"][data-ready="true"]').waitFor();
    await page.keyboard.press("d");
    await page.getByTestId("queue-finished").waitFor();
    expect(await progress()).toBe("3 / 3");
  }, 120_000);

  it("shows the reviewer's scores, with author and comment, on the trace", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces/${traceIds[2]}`);
    // Folded to one line that names the score and its value.
    await expect
      .poll(() => page.getByTestId("score-summary").first().textContent(), POLL)
      .toContain(`${VERDICT} good`);
    expect(await page.getByTestId("score-control").count()).toBe(0);
    await openTraceScores(page);
    const row = page
      .getByTestId("score-panel")
      .first()
      .locator(`[data-testid="score-row"][data-score-name="${VERDICT}"]`);
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.getByTestId("score-value").textContent()).toBe("good");
    expect(await row.getByTestId("score-author").textContent()).toBeTruthy();
    expect(await row.textContent()).toContain(`checked by hand ${RUN}`);
    expect(await row.textContent()).toContain("ANNOTATION");

    // Scores given in the queue say which queue (Langfuse's queueId).
    const listed = await fetch(`${baseUrl}/api/public/v2/scores?name=${VERDICT}`, {
      headers: { authorization: AUTH },
    });
    const { data } = (await listed.json()) as { data: Array<{ queueId: string | null }> };
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((score) => typeof score.queueId === "string")).toBe(true);
  });

  it("opens the folded trace scores with the c key and focuses the comment", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces/${traceIds[1]}`);
    const panel = page.getByTestId("score-panel").first();
    await expect.poll(() => panel.getAttribute("data-open"), POLL).toBe("false");
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    // Retried until the page is hydrated and listening.
    await expect
      .poll(async () => {
        await page.keyboard.press("c");
        return focused();
      }, POLL)
      .toBe("Comment");
    expect(await panel.getAttribute("data-open")).toBe("true");

    // Escape leaves the comment, so l then jumps to the label instead of typing into the comment.
    const comment = panel.getByLabel("Comment");
    await comment.fill("x");
    await page.keyboard.press("Escape");
    expect(await focused()).not.toBe("Comment");
    await page.keyboard.press("l");
    expect(await focused()).toBe("Label");
    expect(await comment.inputValue()).toBe("x");
  });

  it("shows the score as a column and filters by it in the traces list", async () => {
    const filter = encodeURIComponent(`${VERDICT}:eq:bad`);
    await page.goto(`${baseUrl}${projectPath}/traces?tag=${TAG}&range=all&score=${filter}`);
    await expect.poll(() => page.getByTestId("trace-row").count(), POLL).toBe(1);
    expect(await page.getByTestId("trace-row").first().getAttribute("data-trace-id")).toBe(
      traceIds[1],
    );
    await page.getByText("Columns").click();
    await page.getByLabel(`Score column ${VERDICT}`).check();
    await expect.poll(() => page.getByTestId("score-cell").first().textContent(), POLL).toBe("bad");
  });

  it("adds a selection to the queue without queuing a trace twice", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces?tag=${TAG}&range=all`);
    await expect.poll(() => page.getByTestId("trace-row").count(), POLL).toBe(3);
    const checkboxes = page.getByTestId("select-trace");
    await checkboxes.nth(0).check();
    await checkboxes.nth(1).check();
    expect(await page.getByTestId("selected-count").textContent()).toBe("2 selected");
    await page.getByRole("button", { name: "Add to queue" }).click();
    await page.getByLabel("Queue", { exact: true }).selectOption({ label: `Review ${RUN}` });
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect
      .poll(() => page.getByTestId("add-to-queue-result").textContent(), POLL)
      .toBe("Added 0 (2 already queued)");
  });

  it("adds the filter's traces to the existing queue, none of them twice", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces?tag=${TAG}&range=all`);
    await page.getByTestId("queue-all-matching").click();
    await page.waitForURL(/\/queues\?filter=/);
    await page.getByLabel("Existing queue").selectOption({ label: `Review ${RUN}` });
    await page.getByRole("button", { name: "Add to queue" }).click();
    await expect
      .poll(() => page.getByTestId("add-to-existing-result").textContent(), POLL)
      .toBe("Added 0 traces (already queued ones skipped)");
    const row = page.getByTestId("queue-row").filter({ hasText: `Review ${RUN}` });
    expect(await row.getByTestId("queue-progress").textContent()).toBe("3 / 3");
  });

  it("creates a score config in settings and offers its control on the trace", async () => {
    await page.goto(`${baseUrl}${projectPath}/settings/scores`);
    const form = page.getByRole("form", { name: "New score config" });
    await form.getByLabel("Name").fill(`stars-${RUN}`);
    await form.getByLabel("Max").fill("5");
    await form.getByRole("button", { name: "Create config" }).click();
    await expect
      .poll(() => page.getByTestId("score-config-list").textContent(), POLL)
      .toContain(`stars-${RUN}`);

    await page.goto(`${baseUrl}${projectPath}/traces/${traceIds[0]}`);
    // A member gets both dataset buttons (a viewer gets none, below).
    await page.getByTestId("span-panel").waitFor();
    expect(await page.getByRole("button", { name: "Add to dataset" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Add span to dataset" }).count()).toBe(1);
    await openTraceScores(page);
    const control = page
      .getByTestId("score-panel")
      .first()
      .locator(`[data-testid="score-control"][data-score-name="stars-${RUN}"]`);
    await control.waitFor();
    await control.getByLabel(`stars-${RUN} value`).fill("7");
    await control.getByRole("button", { name: "Save" }).click();
    expect(await control.getByTestId("score-input-problem").textContent()).toBe("At most 5");
    await control.getByLabel(`stars-${RUN} value`).fill("4");
    await control.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => control.getByTestId("my-score").textContent(), POLL).toContain("4");
  });

  it("edits a config's range in settings, refusing a bound that is not a number", async () => {
    await page.goto(`${baseUrl}${projectPath}/settings/scores`);
    await page.getByRole("button", { name: `Edit stars-${RUN}` }).click();
    const form = page.getByRole("form", { name: "Edit score config" });
    await form.getByLabel("Max").fill("ten");
    await form.getByRole("button", { name: "Save changes" }).click();
    expect(await form.getByTestId("score-config-edit-error").textContent()).toBe(
      "Max: must be a number, or empty for none",
    );
    await form.getByLabel("Max").fill("10");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect
      .poll(() => page.getByTestId("score-config-list").textContent(), POLL)
      .toContain("0 … 10");
    expect(await page.getByRole("form", { name: "Edit score config" }).count()).toBe(0);
  });

  it("gives a viewer scores to read but no controls to change them", async () => {
    const viewer = await signInWithRole("VIEWER");
    const viewerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const viewerPage = await viewerContext.newPage();
    try {
      await signIn(viewerPage, baseUrl, { email: viewer.email, password: "a-good-password-1" });
      await viewerPage.goto(`${baseUrl}${projectPath}/traces/${traceIds[0]}`);
      await openTraceScores(viewerPage);
      await viewerPage.getByTestId("score-read-only").first().waitFor();
      expect(await viewerPage.getByTestId("score-control").count()).toBe(0);
      expect(await viewerPage.getByRole("button", { name: /^Delete score/ }).count()).toBe(0);
      await expect.poll(() => viewerPage.getByTestId("score-row").count(), POLL).toBeGreaterThan(0);
      // No dataset buttons either: the API refuses viewers with 403.
      await viewerPage.getByTestId("span-panel").waitFor();
      expect(await viewerPage.getByRole("button", { name: /to dataset$/ }).count()).toBe(0);

      await viewerPage.goto(`${baseUrl}${projectPath}/traces?tag=${TAG}&range=all`);
      await expect.poll(() => viewerPage.getByTestId("trace-row").count(), POLL).toBe(3);
      expect(await viewerPage.getByTestId("select-trace").count()).toBe(0);
      expect(await viewerPage.getByTestId("queue-all-matching").count()).toBe(0);
    } finally {
      await viewerContext.close();
    }
  });
});
