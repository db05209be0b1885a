import { expect, test } from "@playwright/test";
import { contextAs } from "./support/roles";
import { signInViaOutbox } from "./support/sign-in";

// Issue 21 on a phone (390 x 844, touch): the demo's swap customer (db/seed-stories.ts) moves a
// paid booking to a later, dearer show of the same movie, sees the difference, pays exactly that
// at the local test checkout, gets new tickets and one new email, and the door refuses the old code.

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test("a customer swaps a booking to a later show, paying the difference through the local checkout @touch", async ({ page, browser }) => {
  await signInViaOutbox(page, "swap@marquee.test");
  await page.goto("/bookings");
  await page.locator('main a[href^="/bookings/"]').first().click();
  await expect(page).toHaveURL(/\/bookings\/[0-9a-f-]{36}$/);
  const bookingUrl = page.url();
  const oldShowId = (await page.getByTestId("booking-show").getAttribute("data-show-id"))!;
  const oldCode = (await page.getByTestId("ticket").first().locator(".font-mono").textContent())!.trim();

  // A later show in a dearer screen: the difference is to pay.
  const swap = page.getByRole("region", { name: "Change showtime" }).or(page.locator("section[aria-labelledby=swap]"));
  const target = swap.locator("a", { hasText: /Screen 2|Grand/ }).first();
  await target.tap();
  await expect(page).toHaveURL(/\/swap\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Choose 2 seats, as many as your booking has")).toBeVisible();
  await page.getByTestId("best-available").tap();
  await expect(page.locator('[data-seat-id][data-state="mine"]')).toHaveCount(2);
  await page.getByTestId("continue").tap();

  await expect(page).toHaveURL(/\/review$/);
  const difference = page.getByTestId("swap-difference");
  await expect(difference).toContainText("You pay the difference: $");
  const amount = (await difference.textContent())!.match(/\$[\d.,]+/)![0];
  await page.getByRole("button", { name: `Pay ${amount} and change` }).tap();

  await expect(page).toHaveURL(/\/checkout\/local\/cs_local_/);
  await expect(page.getByRole("note").filter({ hasText: /^TEST PAYMENT/ })).toBeVisible();
  await expect(page.getByText("the difference")).toBeVisible();
  await page.getByRole("button", { name: new RegExp(`^Pay .*${amount.replace("$", "\\$")}`) }).tap();

  await expect(page).toHaveURL(/\/bookings\/[0-9a-f-]{36}\?swap=/);
  await expect(page.getByTestId("swap-status")).toContainText("Your booking has moved");
  await expect(page.getByTestId("booking-show")).not.toHaveAttribute("data-show-id", oldShowId);
  await expect(page.getByTestId("ticket")).toHaveCount(2);
  const newCode = (await page.getByTestId("ticket").first().locator(".font-mono").textContent())!.trim();
  expect(newCode).not.toBe(oldCode);

  // One email with the new tickets.
  await page.goto("/dev/outbox");
  await expect(page.getByTestId("outbox-row").filter({ hasText: "swap@marquee.test" }).filter({ hasText: "Your new tickets" })).toHaveCount(1);

  // The admin sees the swap on the order's timeline, and the door refuses the old code.
  const staff = await contextAs(browser, "admin");
  const door = await staff.newPage();
  await door.goto(bookingUrl.replace("/bookings/", "/admin/bookings/"));
  await expect(door.getByText("Swapped to another show")).toBeVisible();
  await door.goto(`/admin/check-in/${oldShowId}`);
  await door.getByLabel("Ticket code").fill(oldCode);
  await door.getByRole("button", { name: "Admit" }).click();
  await expect(door.getByTestId("door-answer")).toContainText("Refunded or cancelled");
  await staff.close();
});
