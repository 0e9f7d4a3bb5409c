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

/** A browser with one desktop-sized page signed in as the run's owner, on the project home. */
export async function openSignedInPage(baseUrl: string) {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const projectPath = await signIn(page, baseUrl);
  return { browser, context, page, projectPath };
}
