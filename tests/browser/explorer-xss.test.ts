// Span content is untrusted. Names, attribute values, chat messages and markdown carrying script,
// javascript: links and remote images are ingested, then every explorer view that shows them is
// opened: nothing may run (no dialog, no global flag) and nothing remote may be fetched.
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { buildXssTrace, sendOtlp, XSS_PROBES } from "../fixtures/explorer-traces";
import { launchBrowser, signIn } from "../setup/browser";

const baseUrl = inject("baseUrl");

describe("trace explorer with hostile span content", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let projectPath: string;
  let trace: ReturnType<typeof buildXssTrace>;
  const dialogs: string[] = [];
  const remoteRequests: string[] = [];

  beforeAll(async () => {
    trace = buildXssTrace();
    await sendOtlp(baseUrl, trace.request);

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("request", (request: Request) => {
      const url = request.url();
      if (!url.startsWith(baseUrl) && !url.startsWith("data:")) remoteRequests.push(url);
    });

    projectPath = await signIn(page, baseUrl);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  async function expectNothingRan() {
    // Give any injected handler (onerror of a broken image, say) time to fire.
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBe(
      undefined,
    );
    expect(remoteRequests).toEqual([]);
  }

  it("shows hostile names and attributes in the list as text", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces?range=all`);
    const row = page.locator(`[data-testid=trace-row][data-trace-id="${trace.traceId}"]`);
    expect(await row.getByTestId("trace-link").textContent()).toBe(XSS_PROBES.name);
    expect(await row.textContent()).toContain(XSS_PROBES.attribute);
    expect(
      await page.locator("[data-testid=trace-table] img, [data-testid=trace-table] script").count(),
    ).toBe(0);
    await expectNothingRan();
  });

  it("searches for a script probe as plain text and shows it back inert", async () => {
    const probe = "<script>window.__xss=1;alert('md-script')</script>";
    await page.goto(`${baseUrl}${projectPath}/traces?range=all`);
    const search = page.getByLabel("Search traces", { exact: true });
    await search.fill(probe);
    await search.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === probe);
    const row = page.locator(`[data-testid=trace-row][data-trace-id="${trace.traceId}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await search.inputValue()).toBe(probe);
    await expectNothingRan();
  });

  it("renders every tab of both spans without running or loading anything", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces/${trace.traceId}`);
    expect(await page.getByTestId("trace-name").textContent()).toBe(XSS_PROBES.name);

    for (const spanId of [trace.rootId, trace.generationId]) {
      await page.locator(`[data-testid=tree-row][data-span-id="${spanId}"]`).click();
      const panel = page.getByTestId("span-panel");
      await expect.poll(() => panel.getAttribute("data-span-id")).toBe(spanId);
      await expect.poll(() => panel.getByText("Totally normal answer").count()).toBeGreaterThan(0);
      for (const tab of ["Preview", "JSON", "Attributes", "Events", "Mapping"]) {
        await panel.getByRole("tab", { name: tab }).click();
        await expectNothingRan();
      }
      await panel.getByRole("tab", { name: "Preview" }).click();
    }

    await page.getByRole("button", { name: "Timeline" }).click();
    await expectNothingRan();
  });

  it("turns markdown HTML into text, drops unsafe links and never loads images", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces/${trace.traceId}?span=${trace.generationId}`);
    const panel = page.getByTestId("span-panel");
    await expect.poll(() => panel.getByTestId("chat-message").count()).toBe(2);

    // Raw HTML from the markdown is visible as the text it is.
    expect(
      await panel.getByText(`onerror="window.__xss=1;alert('md-img')"`, { exact: false }).count(),
    ).toBeGreaterThan(0);
    expect(await panel.locator("img, iframe, script, object, embed").count()).toBe(0);

    // Only the http(s) link survives as a link, and it is isolated from this page.
    const hrefs = await panel
      .locator("a")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    expect(hrefs.filter((href) => !/^https?:\/\//.test(href))).toEqual([]);
    const okLink = panel.getByRole("link", { name: "ok link" }).first();
    expect(await okLink.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(await okLink.getAttribute("target")).toBe("_blank");
    expect(
      await panel
        .getByText("click me")
        .first()
        .evaluate((node) => node.closest("a")),
    ).toBe(null);

    // Images in markdown and image parts are offered as links, never fetched.
    expect(await panel.getByTestId("markdown-image-link").count()).toBeGreaterThan(0);
    expect(await panel.getByText(XSS_PROBES.imageUrl).count()).toBeGreaterThan(0);
    await expectNothingRan();
  });

  it("keeps hostile values inert on the users and sessions pages", async () => {
    await page.goto(`${baseUrl}${projectPath}/users?range=all`);
    expect(
      await page.getByTestId("user-row").filter({ hasText: XSS_PROBES.attribute }).count(),
    ).toBe(1);
    await page.goto(`${baseUrl}${projectPath}/sessions?range=all`);
    await expectNothingRan();
  });
});
