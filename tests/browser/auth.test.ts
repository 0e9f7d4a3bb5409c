import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildRagAgentTrace, sendOtlp } from "../fixtures/explorer-traces";
import { launchBrowser } from "../setup/browser";
import { TEST_USER } from "../setup/test-env";

const baseUrl = inject("baseUrl");

/** Fills and submits the sign-in form on the current page as the test user. */
async function signIn(page: Page): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith("/sign-in")) await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email", { exact: true }).fill(TEST_USER.email);
  await page.getByLabel("Password", { exact: true }).fill(TEST_USER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("accounts in the browser", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("signs up, creates and revokes an API key, signs out and back in", async () => {
    const context = await browser.newContext();
    page = await context.newPage();
    const email = `browser-${randomUUID().slice(0, 8)}@example.com`;
    const password = "browser-password-1";

    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("weak");
    await page.getByLabel("Organization").fill("Browser Org");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.getByTestId("form-error").textContent()).toMatch(/password/);

    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/project\/[^/]+$/);
    await expect.poll(() => page.getByText("Send your first traces").count()).toBe(1);
    expect(await page.getByTestId("user-email").textContent()).toBe(email);

    await page.getByRole("link", { name: "Settings" }).first().click();
    await page.getByRole("link", { name: "API keys" }).click();
    await page.getByLabel("Key note").fill("from the browser");
    await page.getByRole("button", { name: "Create API key" }).click();
    const secret = await page.getByTestId("new-secret-key").textContent();
    expect(secret).toMatch(/^sk-sl-/);
    await expect.poll(() => page.getByTestId("api-key-row").count()).toBe(1);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Revoke" }).click();
    await expect.poll(() => page.getByTestId("api-key-row").textContent()).toContain("revoked");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() => page.getByTestId("form-error").textContent())
      .toBe("Wrong email or password");

    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/project\/[^/]+$/);
    await context.close();
  });

  it("sends a visitor without a session to sign-in", async () => {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(`${baseUrl}/`);
    await visitor.waitForURL(/\/sign-in/);
    await visitor.getByLabel("Email").fill(TEST_USER.email);
    await visitor.getByLabel("Password").fill(TEST_USER.password);
    await visitor.getByRole("button", { name: "Sign in" }).click();
    await visitor.waitForURL(/\/project\//);
    await context.close();
  });

  it("comes back to a deep link after signing in", async () => {
    const trace = buildRagAgentTrace({ start: Date.now() - 60_000 });
    await sendOtlp(baseUrl, trace.request);
    const spanId = trace.spanIds.tool;

    // Signed in once to learn the project, then signed out as a trial user would.
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await signIn(visitor);
    await visitor.waitForURL(/\/project\/[^/]+$/);
    const projectPath = new URL(visitor.url()).pathname;
    await visitor.getByRole("button", { name: "Sign out" }).click();
    await visitor.waitForURL(/\/sign-in/);

    const deepLink = `${projectPath}/traces/${trace.traceId}?span=${spanId}`;
    await visitor.goto(`${baseUrl}${deepLink}`);
    await visitor.waitForURL(/\/sign-in\?/);
    expect(new URL(visitor.url()).searchParams.get("callbackUrl")).toBe(deepLink);

    await signIn(visitor);
    await visitor.waitForURL((url) => `${url.pathname}${url.search}` === deepLink);
    await expect
      .poll(() => visitor.getByTestId("span-panel").getAttribute("data-span-id"))
      .toBe(spanId);
    await context.close();
  });

  it.each([["//evil.com"], ["https://evil.com"], ["/\\evil.com"], ["/\t/evil.com"]])(
    "goes to the home, not elsewhere, after signing in with the callback %j",
    async (callbackUrl) => {
      const context = await browser.newContext();
      const visitor = await context.newPage();
      await visitor.goto(`${baseUrl}/sign-in?${new URLSearchParams({ callbackUrl }).toString()}`);
      await signIn(visitor);
      await visitor.waitForURL(/\/project\/[^/]+$/);
      expect(new URL(visitor.url()).origin).toBe(baseUrl);
      await context.close();
    },
  );
});
