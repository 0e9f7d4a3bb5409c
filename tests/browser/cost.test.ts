import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { randomBytes } from "node:crypto";

import {
  attribute,
  buildWireRequest,
  buildWireSpan,
  stringAttribute,
} from "../../lib/otlp/test-builders";
import { sendOtlp } from "../fixtures/explorer-traces";
import { launchBrowser, signIn } from "../setup/browser";
import { TEST_KEYS, TEST_USER, basicAuth } from "../setup/test-env";

const baseUrl = inject("baseUrl");
const root = path.resolve(__dirname, "../..");

describe("cost page with the demo workload", () => {
  let browser: Browser;
  let projectId: string;

  beforeAll(async () => {
    const demo = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/demo.ts", "--traces", "30", "--days", "3", "--seed", "7"],
      {
        cwd: root,
        encoding: "utf8",
        env: {
          ...process.env,
          SIGHTLINE_BASE_URL: baseUrl,
          SIGHTLINE_PUBLIC_KEY: TEST_KEYS.publicKey,
          SIGHTLINE_SECRET_KEY: TEST_KEYS.secretKey,
        },
      },
    );
    expect(demo.status, demo.stderr).toBe(0);
    const projects = await fetch(`${baseUrl}/api/public/projects`, {
      headers: { authorization: basicAuth(TEST_KEYS.publicKey, TEST_KEYS.secretKey) },
    });
    projectId = ((await projects.json()) as { data: { id: string }[] }).data[0]!.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows cost by feature and by model, and exports the table as CSV", async () => {
    const context = await browser.newContext({
      acceptDownloads: true,
      timezoneId: "Europe/Berlin",
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in?callbackUrl=/project/${projectId}/cost`);
    await page.getByLabel("Email").fill(TEST_USER.email);
    await page.getByLabel("Password").fill(TEST_USER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/cost/);

    // The page adopts the browser's time zone for its buckets.
    await expect
      .poll(() => page.getByTestId("cost-time-zone").textContent(), { timeout: 15_000 })
      .toBe("Europe/Berlin");
    const total = await page.getByTestId("cost-total-Total cost").textContent();
    expect(Number(total?.replace(/[$,]/g, ""))).toBeGreaterThan(0);
    const table = page.getByTestId("cost-table");
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toMatch(/support-bot/);

    await page.getByLabel("Group by").selectOption("model");
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toMatch(/gpt-4o-mini/);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.split("\n")[0]).toBe("group,cost,inputTokens,outputTokens,spans");
    expect(csv).toMatch(/\ngpt-4o-mini[^,]*,0\.\d+,\d+/);
    await context.close();
  });

  it("calls a model unpriced only when its spans used tokens", async () => {
    const run = Date.now().toString(36);
    const traceId = randomBytes(16).toString("hex");
    const start = BigInt(Date.now() - 60_000) * 1_000_000n;
    const generation = (name: string, model: string, tokens: boolean) =>
      buildWireSpan({
        traceId,
        spanId: randomBytes(8).toString("hex"),
        name,
        kind: 3,
        startTimeUnixNano: start.toString(),
        endTimeUnixNano: (start + 1_000_000n).toString(),
        attributes: [
          stringAttribute("gen_ai.operation.name", "chat"),
          stringAttribute("gen_ai.request.model", model),
          ...(tokens ? [attribute("gen_ai.usage.input_tokens", { intValue: "10" })] : []),
        ],
      });
    await sendOtlp(
      baseUrl,
      buildWireRequest({
        spans: [
          generation("wrapper", `wrapper-model-${run}`, false),
          generation("call", `mystery-model-${run}`, true),
        ],
      }),
    );

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl);
    await page.goto(`${baseUrl}/project/${projectId}/cost?groupBy=model&range=24h`);
    const cell = (model: string) =>
      page.getByTestId("cost-table").locator("tr", { hasText: model }).locator("td").nth(1);
    await expect.poll(() => cell(`mystery-model-${run}`).textContent()).toBe("unpriced");
    expect(await cell(`wrapper-model-${run}`).textContent()).toBe("—");
    await context.close();
  });

  it("adds a project price with cache read, cache write and reasoning rates", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in?callbackUrl=/project/${projectId}/settings/models`);
    await page.getByLabel("Email").fill(TEST_USER.email);
    await page.getByLabel("Password").fill(TEST_USER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/settings\/models/);

    const model = `house-model-${Date.now()}`;
    await page.getByLabel("Model", { exact: true }).fill(model);
    await page.getByLabel("Input $ / 1M tokens").fill("3");
    await page.getByLabel("Output $ / 1M tokens").fill("15");
    await page.getByLabel("Cache read $ / 1M").fill("0.3");
    await page.getByLabel("Cache write $ / 1M").fill("3.75");
    await page.getByLabel("Reasoning $ / 1M").fill("20");
    await page.getByRole("button", { name: "Add price" }).click();

    const row = page.getByTestId("price-row").filter({ hasText: model });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.textContent()).toContain("$3.75");

    const listed = await fetch(`${baseUrl}/api/public/models?limit=100`, {
      headers: { authorization: basicAuth(TEST_KEYS.publicKey, TEST_KEYS.secretKey) },
    });
    const { data } = (await listed.json()) as {
      data: Array<{ modelName: string; cacheWritePrice: string; reasoningPrice: string }>;
    };
    expect(data.find((price) => price.modelName === model)).toMatchObject({
      cacheWritePrice: "0.00000375",
      reasoningPrice: "0.00002",
    });
    await context.close();
  });
});
