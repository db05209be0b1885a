import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations } from "./support/axe";

// Choosing a cinema on a phone (issue 19): the home page asks once, the choice opens that
// cinema's programme, IMAX + audio description filter it with the URL saying so (a link to
// share, no JavaScript needed), the movie page puts the chosen cinema first, and the header's
// switch changes the cinema, remembered for the next visit. Needs a chain of two cinemas, one in
// Los Angeles (the demo's; scripts/add-second-cinema.ts adds one to a one-theater database).

test.use({ viewport: { width: 390, height: 844 }, timezoneId: "America/New_York" });

const chips = (page: Page) => page.locator('main a[href^="/shows/"]');
const labelsOf = (page: Page) => chips(page).evaluateAll((as) => as.map((a) => a.getAttribute("aria-label")));

test("a moviegoer picks Los Angeles, filters to IMAX + audio description, shares the link and switches cinema", async ({ page, browser }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Choose your cinema" })).toBeVisible();
  const choices = page.getByRole("main").getByRole("button");
  expect(await choices.count()).toBeGreaterThanOrEqual(2);
  await expectNoViolations(page, "the cinema question");

  const la = choices.filter({ hasText: "Los Angeles" }).first();
  const laName = (await la.locator("span").first().textContent())!.trim();
  await la.click();
  await expect(page).toHaveURL(/\/c\/[a-z0-9-]+$/);
  const laPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: "Now showing" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(laName);
  // Pacific times, named as such for a visitor in New York.
  await expect(page.getByText(/^Times in Pacific Time/).first()).toBeVisible();
  await expect(page.getByRole("banner").locator("summary")).toContainText(laName);

  // Tomorrow has the whole day's shows whatever the hour; the day link keeps the cinema in the URL.
  await page.getByRole("navigation", { name: "Choose a day" }).getByRole("link").nth(1).click();
  await expect(page).toHaveURL(new RegExp(`${laPath}\\?date=\\d{4}-\\d{2}-\\d{2}$`));
  const unfiltered = await labelsOf(page);

  await page.getByText("Filter showtimes").click();
  await page.getByRole("checkbox", { name: "IMAX" }).check();
  await page.getByRole("checkbox", { name: "Audio description" }).check();
  await expectNoViolations(page, "the programme with its filter open");
  await page.getByRole("button", { name: "Show matching times" }).click();
  await expect(page).toHaveURL(/[?&]tag=imax&tag=audio-description/);
  const filtered = await labelsOf(page);
  expect(filtered.length).toBeGreaterThan(0);
  expect(filtered.length).toBeLessThan(unfiltered.length);
  for (const label of filtered) expect(label).toContain("IMAX · Audio description");
  await expect(page.getByRole("list", { name: "Active filters" }).getByRole("link")).toHaveCount(3);

  // The link is the page: a stranger with no cookie, and no JavaScript, sees the same times.
  const shared = page.url();
  const stranger = await browser.newContext({ javaScriptEnabled: false, timezoneId: "America/Los_Angeles", viewport: { width: 390, height: 844 } });
  const theirs = await stranger.newPage();
  await theirs.goto(shared);
  await expect(theirs.getByRole("main")).toContainText(laName);
  expect(await labelsOf(theirs)).toEqual(filtered);
  await expect(theirs.getByRole("checkbox", { name: "Audio description" })).toBeChecked();
  // Without JavaScript the zone is always named; here the script is off, so it shows.
  await expect(theirs.getByText(/^Times in Pacific Time/).first()).toBeVisible();
  await stranger.close();
  // With JavaScript, a visitor in Los Angeles is not told the obvious.
  const local = await browser.newContext({ timezoneId: "America/Los_Angeles", viewport: { width: 390, height: 844 } });
  const localPage = await local.newPage();
  await localPage.goto(shared);
  await expect(localPage.getByRole("main")).toContainText(laName);
  await expect(localPage.getByText(/^Times in Pacific Time/).first()).toBeHidden();
  await local.close();

  // The movie page: Los Angeles first, the filter carried along, the other cinemas after.
  const title = (await page.locator("main h3 a").first().textContent())!.trim();
  await page.locator("main h3 a").first().click();
  await expect(page).toHaveURL(/\/c\/[a-z0-9-]+\/movies\/[a-z0-9-]+\?tag=imax&tag=audio-description$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText(`Showtimes at ${laName}`);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/movies\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 2, name: "Also showing at" })).toBeVisible();
  await expectNoViolations(page, "a movie page at a chosen cinema");

  // The header's switch, on every page: another cinema, remembered.
  await page.getByRole("banner").locator("summary").click();
  await expect(page.getByText("Switch cinema")).toBeVisible();
  await expectNoViolations(page, "the header's cinema switch, open");
  const other = page.getByRole("banner").locator("details").getByRole("button").filter({ hasNotText: laName }).first();
  const otherName = (await other.locator("span").first().textContent())!.trim();
  await other.click();
  await expect(page).toHaveURL(/\/c\/[a-z0-9-]+$/);
  expect(new URL(page.url()).pathname).not.toBe(laPath);
  await expect(page.getByRole("main")).toContainText(otherName);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Now showing" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(otherName);
  await expect(page.getByRole("banner").locator("summary")).toContainText(otherName);
  testInfo.annotations.push({ type: "cinemas", description: `${laName} → ${otherName}` });
});
