// The display time zone is saved in the user's profile: chosen in one browser, it is used by the
// next browser the user signs in from, whatever that browser's own zone.
import { randomBytes } from "node:crypto";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, signIn } from "../setup/browser";
import { SessionClient } from "../setup/session-client";

const baseUrl = inject("baseUrl");
const run = randomBytes(4).toString("hex");
const user = { email: `tz-${run}@example.com`, password: `tz-password-${run}` };

describe("display time zone", () => {
  let browser: Browser;
  let projectId: string;

  beforeAll(async () => {
    const signUp = await fetch(`${baseUrl}/api/sign-up`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(user),
    });
    expect(signUp.status).toBe(201);
    projectId = ((await signUp.json()) as { projectId: string }).projectId;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("refuses an unknown zone, naming the field", async () => {
    const client = new SessionClient(baseUrl);
    expect(await client.signIn(user.email, user.password)).toBe(true);
    const bad = await client.json("/api/me", "PATCH", { timeZone: "Mars/Olympus" });
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toMatch(/timeZone/);
    const anonymous = await fetch(`${baseUrl}/api/me`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ timeZone: "UTC" }),
    });
    expect(anonymous.status).toBe(401);
  });

  it("follows the user from one browser to another", async () => {
    const first = await browser.newContext({ timezoneId: "America/New_York" });
    const page = await first.newPage();
    await signIn(page, baseUrl, user);
    await page.goto(`${baseUrl}/project/${projectId}/sessions`);
    const select = page.getByLabel("Display time zone");
    await expect.poll(() => select.inputValue(), { timeout: 15_000 }).toBe("America/New_York");
    const saved = page.waitForResponse(
      (response) => response.url().endsWith("/api/me") && response.request().method() === "PATCH",
    );
    await select.selectOption("Asia/Tokyo");
    expect((await saved).status()).toBe(200);
    await first.close();

    const second = await browser.newContext({ timezoneId: "Europe/Berlin" });
    const other = await second.newPage();
    await signIn(other, baseUrl, user);
    await other.goto(`${baseUrl}/project/${projectId}/sessions`);
    // Rendered in the saved zone from the server on: no switch after hydration.
    expect(await other.getByLabel("Display time zone").inputValue()).toBe("Asia/Tokyo");

    // Back to "follow the browser": the profile forgets the zone.
    const cleared = other.waitForResponse(
      (response) => response.url().endsWith("/api/me") && response.request().method() === "PATCH",
    );
    await other.getByLabel("Display time zone").selectOption("Europe/Berlin");
    const body = (await (await cleared).json()) as { timeZone: string | null };
    expect(body.timeZone).toBeNull();
    await second.close();
  });
});
