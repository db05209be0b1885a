import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInViaOutbox } from "./support/sign-in";

// Issue 19's Done-when on the demo chain, on a 390 x 844 phone of a visitor in New York: pick
// Los Angeles, filter to IMAX + audio description, buy a ticket, and see Pacific times throughout
// (the programme, the showtime page, the booking page, the email and the PDF), with the tags on
// the showtime, the ticket and the email.

test.use({ viewport: { width: 390, height: 844 }, timezoneId: "America/New_York" });

const TIME = /\d{1,2}:\d{2}\s?[AP]M/;
// Pacific time, standard or daylight, as the pages name it; never the visitor's Eastern zone.
const PACIFIC = /\bP[SD]T\b|Pacific/;
const EASTERN = /\bE[SD]T\b|Eastern/;

test("a moviegoer picks Los Angeles, filters to IMAX + audio description, buys, and sees Pacific times in the email and the PDF", async ({ page }) => {
  const email = `la-${Date.now()}@example.com`;
  await page.goto("/");
  await page.getByRole("main").getByRole("button").filter({ hasText: "Los Angeles" }).first().click();
  await expect(page).toHaveURL(/\/c\/[a-z0-9-]+$/);

  // Tomorrow: the whole day's shows whatever the hour now.
  await page.getByRole("navigation", { name: "Choose a day" }).getByRole("link").nth(1).click();
  await expect(page).toHaveURL(/\?date=/);
  await page.getByText("Filter showtimes").click();
  await page.getByRole("checkbox", { name: "IMAX" }).check();
  await page.getByRole("checkbox", { name: "Audio description" }).check();
  await page.getByRole("button", { name: "Show matching times" }).click();
  await expect(page).toHaveURL(/tag=imax&tag=audio-description/);
  await expect(page.getByText(/^Times in Pacific Time/).first()).toBeVisible();

  // The last matching show of the day: the other specs start from the first ones.
  const chip = page.locator('main a[href^="/shows/"]').last();
  const label = (await chip.getAttribute("aria-label"))!;
  expect(label).toContain("IMAX · Audio description");
  const listedTime = label.match(TIME)![0];
  await chip.click();
  await expect(page).toHaveURL(/\/shows\/[0-9a-f-]+$/);

  // The showtime page: the tags, the time as listed, in Pacific time.
  const header = page.getByRole("main").locator("div:has(> h1)").first();
  await expect(page.getByTestId("show-tags")).toContainText("IMAX");
  await expect(page.getByTestId("show-tags")).toContainText("Audio description");
  await expect(header).toContainText(listedTime);
  await expect(header).toContainText(PACIFIC);

  await page.getByTestId("best-count").selectOption("1");
  await page.getByTestId("best-available").click();
  await expect(page.locator('[data-seat-id][data-state="mine"]')).toHaveCount(1);
  await page.getByTestId("continue").click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signInViaOutbox(page, email);
  await expect(page).toHaveURL(/\/checkout\/local\/cs_local_/);
  await page.getByRole("button", { name: /^Pay \$/ }).click();
  await expect(page).toHaveURL(/\/checkout\/success/);

  // The booking page: Pacific time, the tags.
  await page.getByRole("link", { name: "View booking" }).click();
  const booking = page.getByRole("main");
  await expect(booking).toContainText(listedTime);
  await expect(booking).toContainText(PACIFIC);
  await expect(booking).not.toContainText(EASTERN);
  await expect(booking).toContainText("Audio description");
  const orderId = page.url().split("/bookings/")[1];

  // The PDF ticket: the time, named Pacific, and the tags.
  const pdf = await page.request.get(`/api/bookings/${orderId}/pdf`);
  expect(pdf.ok()).toBe(true);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "marquee-e2e-")), "ticket.pdf");
  writeFileSync(file, await pdf.body());
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain(listedTime);
  expect(text).toMatch(PACIFIC);
  expect(text).not.toMatch(EASTERN);
  expect(text).toContain("IMAX");
  expect(text).toContain("Audio description");

  // The email: the same time, named Pacific, and the tags.
  await page.goto("/dev/outbox");
  await page.getByTestId("outbox-row").filter({ hasText: email }).filter({ hasText: "Your tickets" }).getByRole("link").first().click();
  const mail = page.frameLocator("iframe").locator("body");
  await expect(mail).toContainText(listedTime);
  await expect(mail).toContainText(PACIFIC);
  await expect(mail).not.toContainText(EASTERN);
  await expect(mail).toContainText("Audio description");
});
