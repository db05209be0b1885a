import { expect, test, type Browser, type Page } from "@playwright/test";
import { openFreeShow, seat } from "./support/seat-map";
import { storageStateOf } from "./support/roles";
import { expectNoViolations } from "./support/axe";

// The admin pages on a phone (390 x 844, touch): none scrolls sideways, every button, field and
// nav link is at least 44 px tall, and axe finds nothing. The door, bookings and audit pages
// have their own phone checks.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };

async function phoneAdmin(browser: Browser): Promise<Page> {
  return (await browser.newContext({ ...PHONE, storageState: storageStateOf.admin })).newPage();
}

/** Controls a thumb must hit: buttons, fields and the admin nav (the seat map's and the layout grid's seats have their own zoom). */
async function smallTargets(page: Page): Promise<string[]> {
  return page
    .locator("main button, main input:not([type=hidden]):not(.sr-only), main select, main textarea, nav[aria-label=Admin] a, main a.inline-flex")
    .evaluateAll((els) =>
      els
        .filter((el) => !el.closest("[data-cell], [data-seat-id], .seat-map-box, [role=grid]") && !el.hasAttribute("data-cell"))
        .filter((el) => {
          const r = el.getBoundingClientRect();
          // Visually hidden inputs (radio inside a big label) are hit through their label.
          const target = el.matches("input[type=radio], input[type=checkbox]") ? (el.closest("label") ?? el) : el;
          const t = target.getBoundingClientRect();
          return r.width > 0 && t.height < 44 - 0.5;
        })
        .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? (el as HTMLElement).innerText ?? el.getAttribute("name") ?? "").trim().slice(0, 40)}" ${Math.round(el.getBoundingClientRect().height)}px`),
    );
}

async function expectPhoneReady(page: Page, what: string) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  // A mobile browser widens its layout viewport to a page that overflows, so innerWidth alone
  // would hide the overflow: the page must fit the phone's 390 px too.
  expect(widths.scroll, `${what}: page width ${widths.scroll} px at ${widths.inner} px`).toBeLessThanOrEqual(widths.inner);
  expect(widths.scroll, `${what}: page width ${widths.scroll} px on a 390 px phone`).toBeLessThanOrEqual(PHONE.viewport.width);
  expect(await smallTargets(page), `${what}: targets under 44 px`).toEqual([]);
  await expectNoViolations(page, `${what} on a phone`);
}

test("every admin page of the back office and the box office fits a phone", async ({ browser }) => {
  // Ten pages, each with axe: more than one page's default minute.
  test.setTimeout(240_000);
  const desk = await (await browser.newContext({ storageState: storageStateOf.admin })).newPage();
  const showId = await openFreeShow(desk, "Screen 1");
  // A counter sale to show its receipt.
  await desk.goto(`/admin/shows/${showId}/box-office`);
  await seat(desk, "A", 1).click();
  await expect(seat(desk, "A", 1)).toHaveAttribute("data-state", "mine");
  await desk.getByTestId("continue").click();
  await desk.getByRole("button", { name: "Payment taken: issue tickets" }).click();
  await expect(desk).toHaveURL(/\/sold\//);
  const receipt = new URL(desk.url()).pathname;
  await desk.context().close();

  const page = await phoneAdmin(browser);
  await page.goto("/admin/movies");
  const moviePath = await page.locator('main a[href^="/admin/movies/"]:not([href$="/new"])').first().getAttribute("href");
  await page.goto("/admin/screens");
  const layoutPath = await page.locator('main a[href$="/layout"]').first().getAttribute("href");

  const pages: [string, string][] = [
    ["/admin", "the dashboard"],
    ["/admin/movies", "the movies list"],
    ["/admin/movies/new", "a new movie"],
    [moviePath!, "a movie"],
    ["/admin/screens", "the screens list"],
    [layoutPath!, "the layout editor"],
    ["/admin/shows", "the shows of a day"],
    [`/admin/shows/${showId}/box-office`, "the box office seat map"],
    [`/admin/shows/${showId}/box-office/pay`, "the box office payment step (nothing held)"],
    [receipt, "the box office receipt"],
  ];
  for (const [path, what] of pages) {
    await test.step(what, async () => {
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      await expectPhoneReady(page, what);
    });
  }
  await page.context().close();
});
