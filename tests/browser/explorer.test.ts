// The trace explorer in a real browser: traces ingested over OTLP/JSON, then filtered, opened,
// read as a tree, a timeline and a chat, followed into sessions and users, paged and watched live.
import { randomBytes } from "node:crypto";

import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import {
  buildRagAgentTrace,
  buildSameMillisecondTraces,
  buildWideTrace,
  sendOtlp,
  type RagAgentTrace,
} from "../fixtures/explorer-traces";
import { openSignedInPage } from "../setup/browser";

const baseUrl = inject("baseUrl");
const run = randomBytes(4).toString("hex");

describe("trace explorer", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let projectPath: string;
  let ada: RagAgentTrace;
  let bob: RagAgentTrace;
  const userAda = `ada-${run}`;
  const userBob = `bob-${run}`;
  const sessionId = `lisbon trip/${run}`;

  beforeAll(async () => {
    const now = Date.now();
    ada = buildRagAgentTrace({
      userId: userAda,
      sessionId,
      tags: ["travel", `run-${run}`],
      question: `What should I pack for Lisbon? (${run})`,
      start: now - 120_000,
    });
    bob = buildRagAgentTrace({
      userId: userBob,
      sessionId,
      tags: [`run-${run}`],
      feature: `weather-${run}`,
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

  // The panel's inputs carried aria-labels ("Filter User id") that overrode their visible
  // labels; each label now targets its control, so the text a reader sees is its name.
  it("names each control of the filter panel by its visible label", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces`);
    await page.getByRole("button", { name: /^Filters/ }).click();
    const panel = page.getByRole("form", { name: "Filters" });
    const labels = ["Name", "User id", "Session id", "Feature", "Model", "Environment", "Release"];
    for (const label of [...labels, "Tags (all of, comma-separated)", "Status"]) {
      expect(await panel.getByLabel(label, { exact: true }).count(), label).toBe(1);
    }

    await panel.getByLabel("Feature", { exact: true }).fill(`weather-${run}`);
    await panel.getByLabel("Tags (all of, comma-separated)").fill(`run-${run}`);
    await panel.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL((url) => url.searchParams.get("feature") === `weather-${run}`);

    await expect.poll(() => page.getByTestId("trace-row").count()).toBe(1);
    expect(await page.getByTestId("trace-row").first().getAttribute("data-trace-id")).toBe(
      bob.traceId,
    );
  });

  // A bad score filter made the whole URL invalid: every filter was dropped, and the notice named
  // "score.0" rather than the filter. Now only the bad values are left out, each named.
  it("leaves out only the bad score filters of a URL, naming each in a notice", async () => {
    const params = new URLSearchParams([
      ["user", userAda],
      ["score", "faithfulness:lt:abc"],
      ["score", "bogus"],
    ]);
    await page.goto(`${baseUrl}${projectPath}/traces?${params.toString()}`);

    const notice = page.getByRole("alert").filter({ hasText: "Ignored" });
    await expect.poll(() => notice.textContent()).toContain("score=faithfulness:lt:abc");
    expect(await notice.textContent()).toContain("score=bogus");
    expect(await notice.isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId("trace-row").count()).toBe(1);
    expect(await page.getByTestId("trace-row").first().getAttribute("data-trace-id")).toBe(
      ada.traceId,
    );
    expect(await page.getByTestId("score-filter-chip").count()).toBe(0);
  });

  it("filters the list by user from the filter panel and keeps the filter in the URL", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces`);
    await page.getByRole("button", { name: /^Filters/ }).click();
    await page.getByLabel("User id", { exact: true }).fill(userAda);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL((url) => url.searchParams.get("user") === userAda);

    await expect.poll(() => page.getByTestId("trace-row").count()).toBe(1);
    const row = page.getByTestId("trace-row").first();
    expect(await row.getAttribute("data-trace-id")).toBe(ada.traceId);
    expect(await row.textContent()).toContain("support-agent");
    expect(await page.getByRole("button", { name: `User id: ${userAda}` }).count()).toBe(1);

    // The same view from a pasted link, combined with a tag filter and a search.
    const shared = new URLSearchParams({ tag: `run-${run}`, q: "raining in porto" });
    await page.goto(`${baseUrl}${projectPath}/traces?${shared.toString()}`);
    await expect.poll(() => page.getByTestId("trace-row").count()).toBe(1);
    expect(await page.getByTestId("trace-row").first().getAttribute("data-trace-id")).toBe(
      bob.traceId,
    );
  });

  it("searches the spans of traces and trace id prefixes from the search box", async () => {
    // Regression: the search read only the root span, so text of a child span found nothing.
    await page.goto(`${baseUrl}${projectPath}/traces?tag=run-${run}`);
    const search = page.getByLabel("Search traces", { exact: true });
    await search.fill("Lisbon in December");
    await search.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === "Lisbon in December");
    await expect.poll(() => page.getByTestId("trace-row").count()).toBe(2);

    const prefix = ada.traceId.slice(0, 10);
    await search.fill(prefix);
    await search.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === prefix);
    await expect.poll(() => page.getByTestId("trace-row").count()).toBe(1);
    expect(await page.getByTestId("trace-row").first().getAttribute("data-trace-id")).toBe(
      ada.traceId,
    );
  });

  it("sorts by latency, cost and tokens through the column headers", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces?tag=run-${run}`);
    await page.getByTestId("sort-latency").click();
    await page.waitForURL((url) => url.searchParams.get("sort") === "latency");
    await expect.poll(() => page.getByTestId("trace-row").count()).toBe(2);
    expect(await page.locator("th[aria-sort]").textContent()).toContain("Latency");
  });

  it("opens a trace and shows its tree with latency, tokens and cost per node", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces?user=${userAda}`);
    await page.getByTestId("trace-link").first().click();
    await page.waitForURL(new RegExp(`/traces/${ada.traceId}`));

    const rows = page.getByTestId("tree-row");
    await expect.poll(() => rows.count()).toBe(6);
    const names = await rows.getByTestId("span-name").allTextContents();
    expect(names).toEqual([
      "support-agent",
      "retrieve-docs",
      "embed-query",
      "chat gpt-4o",
      "get_weather",
      "chat gpt-4o",
    ]);

    const types = await rows.evaluateAll((elements) =>
      elements.map((element) =>
        element.querySelector("[data-span-type]")?.getAttribute("data-span-type"),
      ),
    );
    expect(types).toEqual(["AGENT", "RETRIEVER", "EMBEDDING", "GENERATION", "TOOL", "GENERATION"]);

    const plan = page.locator(`[data-testid=tree-row][data-span-id="${ada.spanIds.plan}"]`);
    expect(await plan.getByTestId("row-latency").textContent()).toBe("900ms");
    expect(await plan.getByTestId("row-tokens").textContent()).toBe("1,280");
    // gpt-4o list price: 1,000 uncached × $2.50/M + 200 cached × $1.25/M + 80 × $10/M.
    expect(await plan.getByTestId("row-cost").textContent()).toBe("$0.00355");
    const answer = page.locator(`[data-testid=tree-row][data-span-id="${ada.spanIds.answer}"]`);
    expect(await answer.getByTestId("row-tokens").textContent()).toBe("1,720");
    expect(await answer.getByTestId("row-latency").textContent()).toBe("930ms");

    expect(await page.getByTestId("total-latency").textContent()).toBe("2.40s");
    expect(await page.getByTestId("total-tokens").textContent()).toBe("3,012");
    expect(await page.getByTestId("total-spans").textContent()).toBe("6");
    expect(await page.getByTestId("total-cost").textContent()).toBe("$0.0095");
  });

  it("opens a generation as a chat with roles, a tool call, usage and cost", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces/${ada.traceId}`);
    await page.locator(`[data-testid=tree-row][data-span-id="${ada.spanIds.plan}"]`).click();
    await page.waitForURL((url) => url.searchParams.get("span") === ada.spanIds.plan);

    const panel = page.getByTestId("span-panel");
    await expect.poll(() => panel.getByTestId("chat-message").count()).toBe(3);
    const roles = await panel
      .getByTestId("chat-message")
      .evaluateAll((elements) => elements.map((element) => element.getAttribute("data-role")));
    expect(roles).toEqual(["system", "user", "assistant"]);
    expect(await panel.getByTestId("chat-message").nth(1).textContent()).toContain(ada.question);
    const toolCall = panel.getByTestId("tool-call");
    expect(await toolCall.textContent()).toContain("get_weather");
    expect(await toolCall.textContent()).toContain("Lisbon");

    const usage = await panel.getByTestId("usage-cost").textContent();
    expect(usage).toContain("1,200");
    expect(usage).toContain("Cached read");
    expect(usage).toContain("$0.00025");
    expect(usage).toContain("gpt-4o");

    await panel.getByRole("tab", { name: "Mapping" }).click();
    expect(await panel.getByTestId("mapping-report").textContent()).toContain(
      "gen_ai.usage.input_tokens",
    );
    await panel.getByRole("tab", { name: "Attributes" }).click();
    expect(await panel.getByTestId("attribute-table").first().textContent()).toContain(
      "gen_ai.request.model",
    );
    await panel.getByRole("tab", { name: "Preview" }).click();
  });

  it("renders the answer as markdown with a safe link and scored retrieved documents", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces/${ada.traceId}?span=${ada.spanIds.answer}`);
    const panel = page.getByTestId("span-panel");
    const assistant = panel.locator("[data-testid=chat-message][data-role=assistant]").last();
    await expect.poll(() => assistant.locator("strong").textContent()).toBe("light layers");
    const link = assistant.getByRole("link", { name: "the forecast" });
    expect(await link.getAttribute("href")).toBe("https://weather.example.com/lisbon");
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(
      await panel.locator("[data-testid=chat-message][data-role=tool]").textContent(),
    ).toContain("showers");

    await page.locator(`[data-testid=tree-row][data-span-id="${ada.spanIds.retrieve}"]`).click();
    await expect.poll(() => panel.getByTestId("retrieved-document").count()).toBe(2);
    const scores = await panel.getByTestId("document-score").allTextContents();
    expect(scores).toEqual(["score 0.92", "score 0.71"]);
  });

  it("keeps the selection when switching to the timeline; deep links select a span", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces/${ada.traceId}?span=${ada.spanIds.tool}`);
    expect(await page.getByTestId("span-title").textContent()).toBe("get_weather");
    await page.getByRole("button", { name: "Timeline" }).click();
    await page.waitForURL((url) => url.searchParams.get("view") === "timeline");
    expect(new URL(page.url()).searchParams.get("span")).toBe(ada.spanIds.tool);

    const selected = page.locator("[data-testid=timeline-row][aria-selected=true]");
    expect(await selected.getAttribute("data-span-id")).toBe(ada.spanIds.tool);
    const agentLabel = page
      .locator(`[data-testid=timeline-row][data-span-id="${ada.spanIds.agent}"]`)
      .getByTestId("timeline-label");
    expect(await agentLabel.textContent()).toMatch(/^2\.40s · self \d+ms$/);

    await page.reload();
    expect(await page.getByTestId("span-list").getAttribute("data-view")).toBe("timeline");
    expect(await page.getByTestId("span-title").textContent()).toBe("get_weather");

    // Keyboard: up moves to the previous visible span.
    await page.getByTestId("span-list").focus();
    await page.keyboard.press("ArrowUp");
    await page.waitForURL((url) => url.searchParams.get("span") === ada.spanIds.plan);
  });

  it("finds a span by name inside collapsed parents", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces/${ada.traceId}`);
    await page.getByRole("button", { name: "Collapse all" }).click();
    await expect.poll(() => page.getByTestId("tree-row").count()).toBe(1);

    await page.getByLabel("Find span").fill("embed");
    await page.getByLabel("Find span").press("Enter");
    await page.waitForURL((url) => url.searchParams.get("span") === ada.spanIds.embed);
    expect(await page.getByTestId("find-count").textContent()).toBe("1 of 1");
    const selected = page.locator("[data-testid=tree-row][aria-selected=true]");
    expect(await selected.getAttribute("data-span-id")).toBe(ada.spanIds.embed);
    expect(await page.getByTestId("tree-row").count()).toBe(6);
  });

  it("scrolls a found span into view and keeps timeline labels off the names", async () => {
    const wide = buildWideTrace({ children: 400, depth: 12, start: Date.now() - 30_000 });
    await sendOtlp(baseUrl, wide.request);
    await page.goto(`${baseUrl}${projectPath}/traces/${wide.traceId}`);
    await expect.poll(() => page.getByTestId("tree-row").count()).toBeGreaterThan(10);

    await page.getByLabel("Find span").fill("step-350");
    await page.getByLabel("Find span").press("Enter");
    const target = page.locator(`[data-testid=tree-row][data-span-id="${wide.childIds[350]}"]`);
    await expect.poll(() => target.getAttribute("aria-selected")).toBe("true");
    const list = await page.getByTestId("span-list").boundingBox();
    await expect
      .poll(async () => {
        const row = await target.boundingBox();
        return (
          row !== null &&
          list !== null &&
          row.y >= list.y &&
          row.y + row.height <= list.y + list.height
        );
      })
      .toBe(true);

    await page.getByRole("button", { name: "Timeline" }).click();
    // The root's bar fills the row: its label sits inside the bar, not over the span names.
    const rootRow = page.locator(`[data-testid=timeline-row][data-span-id="${wide.rootId}"]`);
    await page.getByTestId("span-list").evaluate((element) => element.scrollTo(0, 0));
    const overhang = await rootRow.getByTestId("timeline-label").evaluate((label) => {
      const bars = (label.parentElement as HTMLElement).getBoundingClientRect();
      return bars.left - label.getBoundingClientRect().left;
    });
    expect(overhang).toBeLessThanOrEqual(0);
    // Twelve levels down the name still has room in the name column.
    await page.getByLabel("Find span").fill("deep-12");
    await page.getByLabel("Find span").press("Enter");
    const deepName = page
      .locator("[data-testid=timeline-row][aria-selected=true]")
      .getByTestId("span-name");
    await expect.poll(() => deepName.textContent()).toBe("deep-12");
    expect((await deepName.boundingBox())?.width ?? 0).toBeGreaterThan(40);
  });

  it("shows a session as a conversation of turns, each linking to its trace", async () => {
    await page.goto(`${baseUrl}${projectPath}/sessions`);
    const sessionLink = page.getByRole("link", { name: sessionId });
    await sessionLink.click();
    await page.waitForURL(/\/sessions\/.+/);

    const turns = page.getByTestId("session-turn");
    await expect.poll(() => turns.count()).toBe(2);
    expect(await turns.nth(0).getByTestId("turn-input").textContent()).toContain(ada.question);
    expect(await turns.nth(0).getByTestId("turn-output").textContent()).toContain("light layers");
    expect(await turns.nth(1).getByTestId("turn-input").textContent()).toContain(bob.question);
    expect(await turns.nth(1).getByTestId("turn-output").textContent()).toContain("raincoat");

    await turns.nth(1).getByTestId("turn-trace-link").click();
    await page.waitForURL(new RegExp(`/traces/${bob.traceId}`));
  });

  it("lists users with their totals and links to their traces", async () => {
    await page.goto(`${baseUrl}${projectPath}/users?range=all`);
    const row = page.getByTestId("user-row").filter({ hasText: userBob });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain("3,012");
    expect(await row.textContent()).toContain("$0.0095");

    await row.getByRole("link", { name: userBob }).click();
    await page.waitForURL((url) => url.searchParams.get("user") === userBob);
    await expect.poll(() => page.getByTestId("trace-row").count()).toBe(1);
  });

  it("pages 25 traces that share one millisecond with a keyset, each exactly once", async () => {
    const name = `paging-${run}`;
    const batch = buildSameMillisecondTraces(25, { start: Date.now() - 30_000, name });
    await sendOtlp(baseUrl, batch.request);

    const seen: string[] = [];
    await page.goto(`${baseUrl}${projectPath}/traces?name=${name}&limit=10`);
    for (let pageNumber = 0; pageNumber < 5; pageNumber++) {
      await page.getByTestId("trace-row").first().waitFor();
      seen.push(
        ...(await page
          .getByTestId("trace-row")
          .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-trace-id") ?? ""))),
      );
      const next = page.getByTestId("next-page");
      if ((await next.count()) === 0) break;
      const before = page.url();
      await next.click();
      await page.waitForURL((url) => url.toString() !== before);
    }

    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect([...seen].sort()).toEqual([...batch.traceIds].sort());
  });

  it("prepends new traces in live mode without reloading the page", async () => {
    const feature = `live-${run}`;
    await sendOtlp(baseUrl, buildRagAgentTrace({ feature, start: Date.now() - 20_000 }).request);
    await page.goto(`${baseUrl}${projectPath}/traces?feature=${feature}`);
    await expect.poll(() => page.getByTestId("trace-row").count()).toBe(1);

    await page.getByRole("button", { name: "Live", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("live") === "1");
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    const fresh = buildRagAgentTrace({ feature, start: Date.now() - 1000 });
    await sendOtlp(baseUrl, fresh.request);
    await expect
      .poll(() => page.getByTestId("trace-row").first().getAttribute("data-trace-id"), {
        timeout: 15_000,
      })
      .toBe(fresh.traceId);
    expect(await page.getByTestId("trace-row").count()).toBe(2);
    expect(
      await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload),
    ).toBe(true);
  });

  it("remembers the chosen columns in this browser", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces?tag=run-${run}`);
    const headers = () => page.locator("[data-testid=trace-table] th").allTextContents();
    expect((await headers()).join("|")).toContain("User");

    await page.getByText("Columns").click();
    await page.getByRole("group", { name: "Visible columns" }).getByLabel("User").uncheck();
    expect((await headers()).join("|")).not.toContain("User");
    await page.getByRole("group", { name: "Visible columns" }).getByLabel("Feature").check();

    await page.reload();
    await expect.poll(async () => (await headers()).join("|")).toContain("Feature");
    expect((await headers()).join("|")).not.toContain("User");
    await page.evaluate(() => localStorage.removeItem("sightline-trace-columns"));
  });

  it("answers the explorer's JSON routes only to members of the project", async () => {
    const projectId = projectPath.split("/").pop() as string;
    const signedIn = await page.evaluate(
      async ([project, trace, span]) => {
        const ok = await fetch(`/api/projects/${project}/traces/${trace}/spans/${span}`);
        const foreign = await fetch(`/api/projects/not-my-project/traces`);
        return {
          ok: ok.status,
          type: ((await ok.json()) as { type: string }).type,
          foreign: foreign.status,
        };
      },
      [projectId, ada.traceId, ada.spanIds.plan] as const,
    );
    expect(signedIn).toEqual({ ok: 200, type: "GENERATION", foreign: 404 });

    const unauthenticated = await fetch(`${baseUrl}/api/projects/${projectId}/traces`);
    expect(unauthenticated.status).toBe(401);
  });
});
