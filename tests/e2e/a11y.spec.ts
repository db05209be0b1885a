import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { openFreeShow, press, seat } from "./support/seat-map";
import { openHome } from "./support/cinema";

// axe-core on the customer's pages: zero violations (support/axe.ts).

test("home page", async ({ page }) => {
  await openHome(page);
  await expect(page.getByRole("heading", { name: "Now showing" })).toBeVisible();
  await expectNoViolations(page, "the home page");
});

test("movie page", async ({ page }) => {
  await openHome(page);
  // Tomorrow: late in the cinema's evening, today has no showtimes left and lists no movies.
  await page.getByRole("navigation", { name: "Choose a day" }).getByRole("link").nth(1).click();
  await expect(page).toHaveURL(/\?date=\d{4}-\d{2}-\d{2}/);
  await page.locator("main h3 a").first().click();
  await expect(page.getByRole("heading", { name: /Showtimes/ })).toBeVisible();
  await expectNoViolations(page, "a movie page");
});

test("showtime page: map view, with a selection and a rule message", async ({ page }, testInfo) => {
  await openFreeShow(page, "Screen 1");
  await expectNoViolations(page, "the showtime page (map)");

  // The states and messages a customer meets: my seat, the countdown, the orphan warning.
  await press(seat(page, "B", 5), testInfo);
  await expect(seat(page, "B", 5)).toHaveAttribute("data-state", "mine");
  await expect(page.getByTestId("seat-message")).toContainText("empty on its own");
  await expect(page.getByTestId("hold-countdown")).toBeVisible();
  await expectNoViolations(page, "the showtime page (map, a seat selected, orphan warning)");
});

test("showtime page: list view", async ({ page }) => {
  await openFreeShow(page, "Screen 2");
  await page.getByRole("button", { name: "List view" }).click();
  const rowA = page.getByRole("button", { name: /^Row A/ });
  await rowA.click();
  await expect(page.getByRole("group", { name: "Seats in row A" })).toBeVisible();
  await expectNoViolations(page, "the showtime page (list)");
});

test("sign-in page", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByLabel("Email address")).toBeVisible();
  await expectNoViolations(page, "the sign-in page");
});
