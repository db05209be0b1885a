import { expect as baseExpect, test, type Page } from "@playwright/test";
import { contextAs } from "./support/roles";
import { signInViaOutbox } from "./support/sign-in";
import { expectNoViolations } from "./support/axe";

// The admin journey in the embedded default: an admin creates a screen, shapes its seats in the
// layout editor and schedules a show on it; a customer buys a seat on that show; the layout
// editor then refuses to drop the sold seat; the admin refunds the booking and the seat is on
// sale again. Admin and customer each have their own browser context: the admin's starts signed
// in (the setup project); the customer signs in during checkout, as the journey goes.

// Each step waits on a server action or a navigation of a production server that may share its
// machine with other builds: a wider wait than the default, never a timing assertion.
const expect = baseExpect.configure({ timeout: 15_000 });

function mapSeat(page: Page, row: string, n: number) {
  return page.locator(`[data-seat-id][aria-label^="Row ${row}, seat ${n},"]`);
}

function editorCell(page: Page, row: string, place: number) {
  return page.getByRole("group", { name: `Row ${row}`, exact: true }).getByRole("button").nth(place - 1);
}

// Two sign-ins, two contexts and a purchase: a longer budget than the default one-page test.
test.setTimeout(180_000);

test("an admin builds a screen, schedules a show, and refunds a customer's booking on it", async ({ browser }) => {
  const stamp = Date.now();
  const screenName = `Studio ${stamp}`;
  const customerEmail = `studio-fan-${stamp}@example.com`;

  const admin = await (await contextAs(browser, "admin")).newPage();

  // New screen: a bad row count is refused with the field's own error, then a 2 x 6 screen is made.
  await admin.goto("/admin/screens");
  await expect(admin.getByRole("heading", { name: "Screens", level: 1 })).toBeVisible();
  await admin.getByLabel("Screen name").fill(screenName);
  await admin.getByLabel("Tiers").fill("standard, premium");
  await admin.getByLabel("Rows").fill("0");
  await admin.getByLabel("Seats per row").fill("6");
  await admin.getByRole("button", { name: "Create screen" }).click();
  await expect(admin.getByLabel("Rows")).toHaveAccessibleDescription("At least one row.");
  await expect(admin.getByLabel("Rows")).toHaveAttribute("aria-invalid", "true");
  await expect(admin.getByLabel("Screen name")).toHaveValue(screenName);
  await expectNoViolations(admin, "the screens page with a field error");
  await admin.getByLabel("Rows").fill("2");
  await admin.getByRole("button", { name: "Create screen" }).click();
  await expect(admin).toHaveURL(/\/admin\/screens\/[0-9a-f-]{36}\/layout/);
  await expect(admin.getByRole("heading", { name: `Seat layout: ${screenName}` })).toBeVisible();

  // Layout: an aisle after seat 3, the first seat of row B premium, and a third row like the last.
  await admin.getByText("Aisle (whole column)").click();
  await editorCell(admin, "A", 4).click();
  await expect(editorCell(admin, "A", 4)).toHaveAccessibleName("Row A, place 4: gap");
  await expect(editorCell(admin, "B", 4)).toHaveAccessibleName("Row B, place 4: gap");
  await expect(editorCell(admin, "A", 5)).toHaveAccessibleName(/^Row A, seat 4: standard/);
  await admin.getByRole("group", { name: "Tier", exact: true }).getByText("premium").click();
  await expect(admin.getByRole("group", { name: "Tier", exact: true }).getByRole("radio", { name: "premium" })).toBeChecked();
  // Keyboard: from B1 the arrow key moves to B2 and Enter paints it too.
  await editorCell(admin, "B", 1).click();
  await editorCell(admin, "B", 1).press("ArrowRight");
  await expect(editorCell(admin, "B", 2)).toBeFocused();
  await admin.keyboard.press("Enter");
  await expect(editorCell(admin, "B", 2)).toHaveAccessibleName(/^Row B, seat 2: standard, premium tier/);
  await admin.getByRole("button", { name: "Add row like the last" }).click();
  await expect(editorCell(admin, "C", 1)).toHaveAccessibleName(/^Row C, seat 1: standard, premium tier/);
  await expect(admin.getByTestId("layout-summary")).toContainText("15 seats in 3 rows · unsaved changes");
  // The preview is the seat map's own drawing of the draft.
  await expect(admin.locator("[data-seat-id]")).toHaveCount(15);
  await expectNoViolations(admin, "the layout editor");

  await admin.getByRole("button", { name: "Save layout" }).click();
  await expect(admin.getByTestId("layout-notice")).toContainText("Saved: 5 added, 6 changed, 2 removed.");
  await expect(admin.getByTestId("layout-summary")).toContainText("15 seats in 3 rows · no unsaved changes");
  const layoutUrl = admin.url();

  await admin.goto("/admin/screens");
  const screenRow = admin.getByRole("row").filter({ hasText: screenName });
  await expect(screenRow.getByRole("cell").nth(2)).toHaveText("15");

  // Schedule tomorrow at 21:00 on the Standard card (chosen, so the prices below do not depend on
  // the day), then the same slot again is refused as a clash.
  await admin.goto("/admin/shows");
  const tomorrow = await admin.getByRole("navigation", { name: "Choose a day" }).getByRole("link").nth(1).getAttribute("href");
  expect(tomorrow).toMatch(/date=\d{4}-\d{2}-\d{2}$/);
  await admin.goto(tomorrow!);
  await expect(admin.locator(`a[aria-current="date"][href="${tomorrow}"]`)).toHaveCount(1);
  const form = admin.getByRole("region", { name: "Schedule a show" });
  await form.getByLabel("Movie").selectOption({ index: 1 });
  const movieTitle = ((await form.getByLabel("Movie").locator("option:checked").textContent()) ?? "").replace(/ \(\d+ min\)$/, "");
  // exact: the tag "Relaxed screening" is labelled too.
  await form.getByLabel("Screen", { exact: true }).selectOption({ label: screenName });
  await form.getByLabel("Start time").fill("21:00");
  await expect(admin.getByTestId("card-preview")).toContainText(/: (Standard|Discount Tuesday) \(/);
  await form.getByLabel("Price card", { exact: true }).selectOption({ label: "Standard" });
  await expect(admin.getByTestId("card-preview")).toContainText("Standard (chosen by an admin)");
  await form.getByRole("button", { name: "Schedule show" }).click();
  await expect(admin.getByTestId("schedule-outcome")).toContainText("Scheduled 1 show");
  await form.getByRole("button", { name: "Schedule show" }).click();
  await expect(admin.getByTestId("schedule-outcome")).toContainText(`Nothing was scheduled: ${screenName} is busy on`);
  await expect(admin.getByTestId("schedule-outcome")).toContainText(`clashes with ${movieTitle} 9:00 PM`);
  await expectNoViolations(admin, "the shows page with a clash");
  // A matinee every day for a week, in one go.
  await form.getByLabel("Start time").fill("13:00");
  await form.getByLabel("Repeat every day for a week (7 shows)").check();
  await form.getByRole("button", { name: "Schedule 7 shows" }).click();
  await expect(admin.getByTestId("schedule-outcome")).toContainText("Scheduled 7 shows:");
  await expect(admin.getByTestId("admin-show-row").filter({ hasText: screenName })).toHaveCount(2);

  const showRow = admin.getByTestId("admin-show-row").filter({ hasText: screenName }).filter({ hasText: "9:00 PM" });
  await expect(showRow).toHaveCount(1);
  await expect(showRow).toContainText("0 / 15");
  await expect(showRow.getByRole("link", { name: /^Door check-in:/ })).toHaveAttribute("href", /\/admin\/check-in\/[0-9a-f-]{36}$/);
  const showId = (await showRow.getByRole("link", { name: /^Seat map:/ }).getAttribute("href"))!.split("/shows/")[1];

  // A customer buys A1 through the normal flow.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await customer.goto(`/shows/${showId}`);
  // The demo's Standard card: standard from $10.00 (Child), premium from $14.00.
  await expect(mapSeat(customer, "A", 1)).toHaveAttribute("aria-label", "Row A, seat 1, standard, $10.00, available");
  await expect(mapSeat(customer, "B", 1)).toHaveAttribute("aria-label", /premium, \$14\.00/);
  await mapSeat(customer, "A", 1).click();
  await expect(mapSeat(customer, "A", 1)).toHaveAttribute("data-state", "mine");
  await customer.getByTestId("continue").click();
  await expect(customer).toHaveURL(/\/sign-in/);
  await signInViaOutbox(customer, customerEmail);
  // The sign-in link lands straight on checkout with the held seat (issue 20).
  await expect(customer).toHaveURL(/\/checkout\/local\/cs_local_/);
  // One Adult: $14.00 + the demo's $1.50 fee + 8.88 % tax on both ($1.38), per line, half up.
  await customer.getByRole("button", { name: "Pay $16.88" }).click();
  await expect(customer).toHaveURL(/\/checkout\/success/);
  await expect(customer.getByTestId("ticket")).toHaveCount(1);

  // The editor refuses to remove a seat with a ticket for a coming show, and says why.
  await admin.goto(layoutUrl);
  await admin.getByText("Add / remove seat").click();
  await editorCell(admin, "A", 1).click();
  await admin.getByRole("button", { name: "Save layout" }).click();
  await expect(admin.getByTestId("layout-notice")).toContainText(`Nothing was saved: Row A, seat 1 has a ticket for ${movieTitle}`);
  await expect(admin.getByTestId("layout-notice")).toContainText("it cannot be removed");

  // The admin finds the booking and refunds it.
  await admin.goto("/admin/bookings");
  await admin.getByLabel("Search bookings").fill(customerEmail);
  await admin.getByRole("button", { name: "Search", exact: true }).click();
  await expect(admin).toHaveURL(/\/admin\/bookings\?q=/);
  const bookingLink = admin.getByRole("table", { name: "Bookings found" }).getByRole("link");
  await expect(bookingLink).toHaveCount(1);
  await bookingLink.click();
  await expect(admin).toHaveURL(/\/admin\/bookings\/[0-9a-f-]{36}/);
  await admin.getByRole("button", { name: "Refund", exact: true }).click();
  await admin.getByRole("button", { name: "Confirm refund" }).click();
  await expect(admin.getByText("Refunded").first()).toBeVisible();

  // The seat is on sale again for the customer.
  await customer.goto(`/shows/${showId}`);
  await expect(mapSeat(customer, "A", 1)).toHaveAttribute("data-state", "available");
  await expect(mapSeat(customer, "A", 1)).toHaveAttribute("aria-label", "Row A, seat 1, standard, $10.00, available");

  // Cancelling the show asks first, reports the refunds (none left: the only order was refunded)
  // and takes the show off sale.
  await admin.goto(tomorrow!);
  const row = admin.getByTestId("admin-show-row").filter({ hasText: screenName }).filter({ hasText: "9:00 PM" });
  await row.getByRole("button", { name: /^Cancel show:/ }).click();
  await expect(row.getByRole("button", { name: "Confirm cancel" })).toBeFocused();
  await row.getByRole("button", { name: "Keep show" }).click();
  await expect(row.getByRole("button", { name: /^Cancel show:/ })).toBeFocused();
  await row.getByRole("button", { name: /^Cancel show:/ }).click();
  await row.getByRole("button", { name: "Confirm cancel" }).click();
  await expect(row.getByRole("status")).toHaveText("Show cancelled. There were no paid orders to refund.");
  await expect(row).toContainText("Cancelled");
  await customer.goto(`/shows/${showId}`);
  await expect(customer.getByText("This show has been cancelled.")).toBeVisible();
  await customerContext.close();
  await admin.context().close();
});
