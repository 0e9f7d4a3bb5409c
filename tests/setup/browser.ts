import { chromium, type Browser, type Page } from "playwright-core";

import { TEST_USER } from "./test-env";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Headless Debian Chromium (installed by .ci/run), driven by playwright-core. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Signs in through the sign-in form and waits for the project home it lands on; returns that
 * path (`/project/<id>`). The owner of the test run unless told otherwise.
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  user: { email: string; password: string } = TEST_USER,
): Promise<string> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/project\/[^/]+$/);
  return new URL(page.url()).pathname;
}
