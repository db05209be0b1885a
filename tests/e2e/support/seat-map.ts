import { expect, type Browser, type BrowserContext, type Locator, type Page, type Response, type TestInfo } from "@playwright/test";
import { openHome, showtimeLinks, type ScreenName } from "./cinema";

// Helpers for the seat-map suites. Every test books on a show of its own: the suites share one
// server and database (and a reused dev server keeps holds for ten minutes), so a test picks a
// show that nobody has touched yet instead of a fixed link.

// Shows handed out in this worker, so two tests never share one even when the first left no hold.
const claimed = new Set<string>();

// Tomorrow onwards (a show today may start during the run), the purchase test's day last.
const DAY_ORDER = [3, 4, 5, 6, 1, 2];

/**
 * Opens a bookable show with no seat held or sold, optionally on a given screen, and waits for
 * the seats to be drawn. Returns the show id.
 */
export async function openFreeShow(page: Page, screen?: ScreenName): Promise<string> {
  await openHome(page);
  const days = await page
    .getByRole("navigation", { name: "Choose a day" })
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "/"));
  const links = showtimeLinks(screen);
  for (const day of DAY_ORDER.filter((d) => d < days.length)) {
    await page.goto(days[day]);
    const ids = await page.locator(links).evaluateAll((as) => as.map((a) => a.getAttribute("href")!.split("/shows/")[1]));
    for (const id of new Set(ids)) {
      if (claimed.has(id)) continue;
      const answer = await page.request.get(`/api/shows/${id}/seats`);
      // Refused (403): the show sells through a waiting line another test left on.
      if (!answer.ok()) continue;
      const snapshot = (await answer.json()) as { states: Record<string, string> };
      if (Object.keys(snapshot.states).length > 0) continue;
      claimed.add(id);
      await page.goto(`/shows/${id}`);
      await expect(page.locator("[data-seat-id]").first()).toBeVisible();
      return id;
    }
  }
  throw new Error(`no untouched show${screen ? ` on ${screen}` : ""} left in the seeded week`);
}

/** A seat on the map by row and number, the way the purchase test finds them. */
export function seat(page: Page, row: string, n: number): Locator {
  return page.locator(`[data-seat-id][aria-label^="Row ${row}, seat ${n},"]`);
}

/**
 * The ids of the free seats the map shows whole, in page order (a phone opens the map zoomed in on
 * the best seats, so most of the house is out of view there).
 */
export async function freeSeatsInView(page: Page): Promise<string[]> {
  const box = (await page.getByRole("grid").boundingBox())!;
  return page.locator('[data-seat-id][data-state="available"]').evaluateAll(
    (els, b) =>
      els
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.left >= b.x && r.top >= b.y && r.right <= b.x + b.width && r.bottom <= b.y + b.height;
        })
        .map((el) => el.getAttribute("data-seat-id")!),
    box,
  );
}

/** Taps on a touch device, clicks otherwise: how this project's customer presses a seat. */
export async function press(target: Locator, testInfo: TestInfo, options?: { force?: boolean }): Promise<void> {
  if (testInfo.project.use.hasTouch) await target.tap(options);
  else await target.click(options);
}

/** The answer to the next server action (hold, release) the page sends. */
export function nextActionAnswer(page: Page): Promise<Response> {
  return page.waitForResponse((res) => res.request().method() === "POST" && res.request().headers()["next-action"] !== undefined);
}

/** Presses a seat and waits until the server has answered the hold or release it starts. */
export async function pressAndSettle(page: Page, target: Locator, testInfo: TestInfo): Promise<void> {
  const answered = nextActionAnswer(page);
  await press(target, testInfo);
  expect((await answered).status()).toBe(200);
}

/** A second customer in their own browser context, on the same device as the project's. */
export async function secondCustomer(browser: Browser, testInfo: TestInfo): Promise<{ context: BrowserContext; page: Page }> {
  const use = testInfo.project.use;
  const context = await browser.newContext({
    baseURL: use.baseURL,
    viewport: use.viewport,
    userAgent: use.userAgent,
    deviceScaleFactor: use.deviceScaleFactor,
    isMobile: use.isMobile,
    hasTouch: use.hasTouch,
  });
  return { context, page: await context.newPage() };
}

/** "Row E, seat 5, ..." -> { row: "E", number: 5 }. */
export function parseSeatLabel(label: string): { row: string; number: number } {
  const match = /^Row ([A-Z]+), seat (\d+),/.exec(label);
  if (!match) throw new Error(`not a seat label: ${label}`);
  return { row: match[1], number: Number(match[2]) };
}

type Availability = { ticketPrices: { tier: string; ticketType: string; price: number; fee: number }[]; orderFee: number; tax: { rateBp: number; included: boolean } };

/**
 * What a show charges (issue 18), from the JSON API: a tier's "from" price (what a seat's card and
 * the legend show) and the total of `n` Adult seats of that tier, fees and added tax included,
 * rounded per line as lib/pricing/engine.ts does.
 */
export async function showPrices(page: Page, showId: string, tier = "standard") {
  const a = (await (await page.request.get(`/api/v1/shows/${showId}/seats`)).json()) as Availability;
  const inTier = a.ticketPrices.filter((p) => p.tier === tier);
  const adult = inTier.find((p) => p.ticketType === "Adult")!;
  const taxed = (base: number) => base + (a.tax.included ? 0 : Math.round((base * a.tax.rateBp) / 10_000));
  const money = (minor: number) => `$${(minor / 100).toFixed(2)}`;
  return {
    from: money(Math.min(...inTier.map((p) => p.price))),
    adultTotal: (n: number) => money(n * taxed(adult.price + adult.fee) + (a.orderFee ? taxed(a.orderFee) : 0)),
  };
}

/** The total checkout will charge for these seats as Adult tickets (fees and added tax in), as text. */
export async function adultTotalOf(page: Page, showId: string, seatIds: readonly string[]): Promise<string> {
  const a = (await (await page.request.get(`/api/v1/shows/${showId}/seats`)).json()) as Availability & { seats: { id: string; tier: string }[] };
  const taxed = (base: number) => base + (a.tax.included ? 0 : Math.round((base * a.tax.rateBp) / 10_000));
  const total = seatIds.reduce((sum, id) => {
    const tier = a.seats.find((s) => s.id === id)!.tier;
    const adult = a.ticketPrices.find((p) => p.tier === tier && p.ticketType === "Adult")!;
    return sum + taxed(adult.price + adult.fee);
  }, a.orderFee ? taxed(a.orderFee) : 0);
  return `$${(total / 100).toFixed(2)}`;
}
