import { expect, test } from "@playwright/test";
import { openHome, showtimeLinks } from "./support/cinema";

test("home → movie → showtime shows the screen's seats", async ({ page }) => {
  await openHome(page);
  await expect(page.getByRole("heading", { name: "Now showing" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Choose a day" }).getByRole("link")).toHaveCount(7);

  // Tomorrow always has a full day of shows, whatever the time of the run.
  await page.getByRole("navigation", { name: "Choose a day" }).getByRole("link").nth(1).click();
  await expect(page).toHaveURL(/\?date=\d{4}-\d{2}-\d{2}/);
  const firstMovie = page.locator("main h3 a").first();
  const title = (await firstMovie.textContent())!.trim();
  await firstMovie.click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Showtimes/ })).toBeVisible();
  // A showtime's name starts with its visible time (WCAG 2.5.3): "7:30 PM, <title>, <screen>".
  // One of the demo's own screens: other specs schedule shows on small screens they create.
  await page.locator(showtimeLinks()).and(page.locator(`[aria-label*=", ${title}, "]`)).first().click();

  await expect(page).toHaveURL(/\/shows\//);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const seats = page.locator("[data-seat-id]");
  expect(await seats.count()).toBeGreaterThanOrEqual(100);
});

test("health reports the backends", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.status).toBe("ok");
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
});
