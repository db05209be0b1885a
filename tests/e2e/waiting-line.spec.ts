import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { contextAs } from "./support/roles";
import { freeSeatsInView, openFreeShow, press, pressAndSettle } from "./support/seat-map";

// Issue 22 in the browser (desktop and phone): an admin puts a show's sale behind a waiting line
// while a customer has its seat map open. The customer's next tap is refused with the reason and a
// link back to the line, and taken there; in line they see their place and an estimated wait,
// are let in when their turn comes, and hold a seat. The line admits 2 a minute, and another
// visitor takes the first place just before, so the customer waits up to 30 s: long enough to
// see the line, short enough for the test.

const PER_MINUTE = 2;

/** The admin shows page's "High demand" form for the show: the line opens today at 00:00 (already open), or is turned off. */
async function setLine(browser: Browser, showId: string, startsAt: Date, on: boolean): Promise<void> {
  const admin = await (await contextAs(browser, "admin")).newPage();
  try {
    await admin.goto("/admin/shows");
    const zone = (await admin.getByText(/times in /).textContent())!.split("times in ")[1].trim().replace(/ /g, "_");
    const day = (date: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
    await admin.goto(`/admin/shows?date=${day(startsAt)}`);
    const row = admin.getByTestId("admin-show-row").filter({ has: admin.locator(`a[href="/shows/${showId}"]`) });
    await row.locator("summary").filter({ hasText: on ? "High demand…" : "Waiting line from" }).click();
    if (on) {
      await row.locator('input[name="date"]').fill(day(new Date()));
      await row.locator('input[name="time"]').fill("00:00");
      await row.locator('input[name="perMinute"]').fill(String(PER_MINUTE));
      await row.getByRole("button", { name: "Save line" }).click();
    } else {
      await row.getByRole("button", { name: "Turn off" }).click();
    }
    await expect(row.getByText("Saved for this show.")).toBeVisible();
  } finally {
    await admin.context().close();
  }
}

/** Another visitor joins the line first (their own cookies), taking the place the line opens with. */
async function anotherVisitorJoins(browser: Browser, showId: string): Promise<void> {
  const context = await browser.newContext();
  try {
    const res = await context.request.post(`/api/shows/${showId}/line`);
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ admitted: true });
  } finally {
    await context.close();
  }
}

async function freeSeat(page: Page) {
  const [id] = await freeSeatsInView(page);
  return page.locator(`[data-seat-id="${id}"]`);
}

test("a high-demand on-sale: refused without an admission, in line with place and wait, admitted, holds a seat", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const showId = await openFreeShow(page);
  const startsAt = new Date((await page.locator("main time").first().getAttribute("datetime"))!);
  const line = new RegExp(`/shows/${showId}/line$`);
  await setLine(browser, showId, startsAt, true);
  try {
    await anotherVisitorJoins(browser, showId);

    // The map was opened before the line: its next hold is refused, with the way back.
    await press(await freeSeat(page), testInfo);
    const message = page.getByTestId("seat-message");
    await expect(message).toContainText("Tickets for this show are selling through a waiting line");
    await expect(message.getByRole("link", { name: "Back to the line" })).toHaveAttribute("href", `/shows/${showId}/line`);
    await expect(page.locator('[data-seat-id][data-state="mine"]')).toHaveCount(0);
    // …and the page goes there by itself.
    await expect(page).toHaveURL(line);

    // In line: a place, how many are ahead, an estimated wait.
    const inLine = async () => {
      await expect(page.getByRole("heading", { name: "You are in line" })).toBeVisible();
      await expect(page.getByTestId("line-place")).toHaveText(/^\d+$/);
      await expect(page.getByTestId("line-ahead")).toHaveText("0");
      await expect(page.getByTestId("line-wait")).toHaveText("Estimated wait: less than a minute");
    };
    await inLine();
    const place = await page.getByTestId("line-place").textContent();
    // Reopening the showtime while waiting leads back to the line, to the same place.
    await page.goto(`/shows/${showId}`);
    await expect(page).toHaveURL(line);
    await inLine();
    await expect(page.getByTestId("line-place")).toHaveText(place!);
    await expectNoViolations(page, "the waiting line");

    // Let in at the line's rate (one place every 30 s), straight to the seat map.
    await expect(page).toHaveURL(new RegExp(`/shows/${showId}$`), { timeout: 45_000 });
    await expect(page.locator("[data-seat-id]").first()).toBeVisible();
    const chosen = await freeSeat(page);
    await pressAndSettle(page, chosen, testInfo);
    await expect(chosen).toHaveAttribute("data-state", "mine");
    await expect(page.getByTestId("seat-message")).not.toContainText("waiting line");
  } finally {
    await setLine(browser, showId, startsAt, false);
  }
});
