// Regression: the traces list's toolbar duplicated on every filter change. The page keyed the
// filter bar and the table with the same string (the list state), so React saw two siblings with
// one key, lost track of the old filter bar when the key changed and never removed it: a stale
// toolbar stuck on "Loading…" piled up above the new one at each search, range change or Back.
// The fix gives each keyed sibling its own key prefix.
import { randomBytes } from "node:crypto";

import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { DEFAULT_TIME_RANGE } from "../../lib/explorer/time-range";
import { buildRagAgentTrace, sendOtlp } from "../fixtures/explorer-traces";
import { openSignedInPage } from "../setup/browser";

const baseUrl = inject("baseUrl");
const run = randomBytes(4).toString("hex");

interface ToolbarState {
  toolbars: number;
  searches: string[];
  ranges: string[];
  loading: number;
  searchChips: number;
}

/** What the toolbar area shows: one toolbar, its values, no pending "Loading…". */
async function readToolbar(page: Page): Promise<ToolbarState> {
  const searchBoxes = page.getByLabel("Search traces", { exact: true });
  const rangeSelects = page.getByLabel("Time range", { exact: true });
  return {
    toolbars: await page.getByRole("search").count(),
    searches: await searchBoxes.evaluateAll((elements) =>
      elements.map((element) => (element as HTMLInputElement).value),
    ),
    ranges: await rangeSelects.evaluateAll((elements) =>
      elements.map((element) => (element as HTMLSelectElement).value),
    ),
    loading: await page.getByRole("status").filter({ hasText: "Loading…" }).count(),
    searchChips: await page.getByRole("button", { name: /^Search: / }).count(),
  };
}

function expectedToolbar(search: string, range: string): ToolbarState {
  return {
    toolbars: 1,
    searches: [search],
    ranges: [range],
    loading: 0,
    searchChips: search ? 1 : 0,
  };
}

describe("traces list toolbar", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let projectPath: string;

  beforeAll(async () => {
    const start = Date.now() - 90_000;
    await sendOtlp(
      baseUrl,
      buildRagAgentTrace({ question: `What is the weather in Faro? (${run})`, start }).request,
    );

    ({ browser, context, page, projectPath } = await openSignedInPage(baseUrl));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it("keeps one toolbar with the URL's values through a search, a range and Back", async () => {
    await page.goto(`${baseUrl}${projectPath}/traces`);
    await expect.poll(() => readToolbar(page)).toEqual(expectedToolbar("", DEFAULT_TIME_RANGE));

    const search = page.getByLabel("Search traces", { exact: true });
    await search.fill("weather");
    await search.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === "weather");
    await expect
      .poll(() => readToolbar(page))
      .toEqual(expectedToolbar("weather", DEFAULT_TIME_RANGE));

    await page.getByLabel("Time range", { exact: true }).selectOption("all");
    await page.waitForURL((url) => url.searchParams.get("range") === "all");
    await expect.poll(() => readToolbar(page)).toEqual(expectedToolbar("weather", "all"));

    await page.goBack();
    await page.waitForURL(
      (url) => url.searchParams.get("q") === "weather" && !url.searchParams.has("range"),
    );
    await expect
      .poll(() => readToolbar(page))
      .toEqual(expectedToolbar("weather", DEFAULT_TIME_RANGE));

    await page.goBack();
    await page.waitForURL((url) => url.pathname.endsWith("/traces") && url.search === "");
    await expect.poll(() => readToolbar(page)).toEqual(expectedToolbar("", DEFAULT_TIME_RANGE));
    expect(await page.getByTestId("trace-row").count()).toBeGreaterThan(0);
  });
});
