// Screenshots of the seat map for docs/screenshots (`npm run screenshots:seatmap`): a showtime
// page on a 390 px phone and on a desktop, with two seats of mine selected, a few seats held by
// another customer and a few they bought, the way a customer meets the map. Runs the production build (`npm run
// build` first) under `next start` in demo mode on a scratch embedded database.
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { chromiumLaunch, startDemoServer } from "../bench/support/demo-server";
import { APP_DIR, cleanup, ensureBuild } from "../bench/support/instances";
import { signInViaOutbox } from "../tests/e2e/support/sign-in";
import { theater as firstCinema } from "@/db/seed-data";

const OUT = path.join(APP_DIR, "docs", "screenshots");

function seat(page: Page, row: string, n: number) {
  return page.locator(`[data-seat-id][aria-label^="Row ${row}, seat ${n},"]`);
}

/** Presses a seat and waits for the hold to be answered. */
async function take(page: Page, row: string, n: number, touch: boolean) {
  const answered = page.waitForResponse((res) => res.request().method() === "POST" && res.request().headers()["next-action"] !== undefined);
  if (touch) await seat(page, row, n).tap();
  else await seat(page, row, n).click();
  await answered;
}

/** The n-th show on Screen 2 tomorrow (a different show per screenshot, so each starts clean). */
async function showOnScreen2(page: Page, origin: string, n: number): Promise<string> {
  // The demo's first cinema (Screen 2 is its), remembered as lib/catalog/chosen-cinema.ts reads it.
  await page.goto(`${origin}/c/${firstCinema.slug}`);
  const tomorrow = await page.getByRole("navigation", { name: "Choose a day" }).getByRole("link").nth(1).getAttribute("href");
  await page.goto(new URL(tomorrow ?? "/", origin).toString());
  const hrefs = await page.locator('main a[href^="/shows/"][aria-label$=", Screen 2"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  return new URL([...new Set(hrefs)][n], origin).toString();
}

/**
 * Buys seats as a customer would: hold them, Continue, sign in through the dev outbox (as the
 * e2e suite does), pay on the local test checkout. Leaves the page back on the show.
 */
async function buy(page: Page, url: string, seats: readonly (readonly [string, number])[], email: string, touch: boolean) {
  for (const [row, n] of seats) await take(page, row, n, touch);
  await page.getByTestId("continue").click();
  await page.waitForURL(/\/sign-in/);
  // The sign-in link lands straight on checkout (issue 20).
  await signInViaOutbox(page, email);
  await page.waitForURL(/\/checkout\/local\//);
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.waitForURL(/\/checkout\/success/);
  await page.goto(url);
  await page.locator("[data-seat-id]").first().waitFor();
}

async function shoot(browser: Browser, origin: string, which: "phone" | "desktop", showIndex: number) {
  const phone = which === "phone";
  const device = phone
    ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
    : { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 };
  // The other customer is not in the picture: a desktop, where every seat is in view to click.
  const other = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: origin });
  const me = await browser.newContext({ ...device, baseURL: origin });
  try {
    const otherPage = await other.newPage();
    const url = await showOnScreen2(otherPage, origin, showIndex);
    await otherPage.goto(url);
    await otherPage.locator("[data-seat-id]").first().waitFor();
    const bought = [["B", 1], ["B", 2], ["B", 3], ["B", 4], ["H", 13], ["H", 14], ["H", 15], ["H", 16]] as const;
    await buy(otherPage, url, bought, `screenshot-${which}@marquee.test`, false);
    for (const [row, n] of [["E", 9], ["E", 10], ["E", 11], ["G", 3], ["G", 4]] as const) await take(otherPage, row, n, false);

    const page = await me.newPage();
    await page.goto(url);
    await page.locator("[data-seat-id]").first().waitFor();
    await take(page, "F", 10, phone);
    await take(page, "F", 11, phone);
    // The other customer's holds arrive with the next poll.
    await page.locator('[data-seat-id][data-state="held"]').nth(4).waitFor();
    await page.locator('[data-seat-id][data-state="sold"]').nth(bought.length - 1).waitFor();
    await page.locator('[data-testid="continue"][aria-disabled="false"]').waitFor();
    if (!phone) await page.mouse.move(0, 0);
    // The whole page, at the window's own size: the map's box takes its height from the window.
    const file = path.join(OUT, `seat-map-${which}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${path.relative(APP_DIR, file)}`);
  } finally {
    await me.close();
    await other.close();
  }
}

async function main() {
  ensureBuild();
  const origin = await startDemoServer();
  const browser = await chromium.launch(chromiumLaunch);
  try {
    await shoot(browser, origin, "phone", 0);
    await shoot(browser, origin, "desktop", 1);
  } finally {
    await browser.close();
    await cleanup();
  }
}

main().catch(async (err) => {
  console.error(err);
  await cleanup();
  process.exit(1);
});
