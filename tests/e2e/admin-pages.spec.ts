import { expect, test, type Browser, type Page } from "@playwright/test";
import { solidPng } from "./support/png";
import { openFreeShow, seat } from "./support/seat-map";
import { ADMIN_EMAIL as ADMIN, CUSTOMER_EMAIL, contextAs } from "./support/roles";
import { expectNoViolations } from "./support/axe";

// The admin pages in the browser: who may see them, the dashboard, a movie made with a poster
// and field errors, the audit log, a booking found and refunded, and axe on the busy pages.
// Admin and customer start signed in (the setup project, auth.setup.ts).

async function adminPage(browser: Browser): Promise<Page> {
  return (await contextAs(browser, "admin")).newPage();
}

test("a signed-out visitor is sent to sign in; a customer gets 404 and no admin link", async ({ page: visitor, browser }) => {
  await visitor.goto("/admin/movies");
  await expect(visitor).toHaveURL(/\/sign-in\?next=(\/|%2F)admin/);

  const page = await (await contextAs(browser, "customer")).newPage();
  for (const path of ["/admin", "/admin/bookings", "/admin/audit"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
  }
  await page.goto("/");
  await expect(page.getByRole("banner").getByRole("link", { name: "Admin" })).toHaveCount(0);
  await page.context().close();
});

test("the dashboard draws its charts with the numbers readable, and passes axe", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Admin" });
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Movies" })).not.toHaveAttribute("aria-current");

  // Each chart has its data as a table for screen readers, one row per day of the period.
  await expect(page.getByRole("table", { name: "Revenue by day, last 14 days" }).getByRole("row")).toHaveCount(15);
  await expect(page.getByRole("table", { name: /^Tickets sold and checked in/ }).getByRole("columnheader")).toHaveText(["Day", "Sold", "Checked in"]);
  // Occupancy lists the seeded shows; choosing one draws its seats.
  const shows = page.getByRole("list", { name: "Seats sold per show" }).getByRole("link");
  expect(await shows.count()).toBeGreaterThan(0);
  await shows.nth(1).click();
  await expect(page).toHaveURL(/show=[0-9a-f-]{36}#seat-map/);
  await expect(shows.nth(1)).toHaveAttribute("aria-current", "true");
  await expect(page.locator("#seat-map svg rect[data-state]").first()).toBeAttached();
  await expect(page.getByRole("link", { name: "download the last 30 days" })).toHaveAttribute("href", "/admin/orders.csv");
  await expectNoViolations(page, "the admin dashboard");

  await page.setViewportSize({ width: 820, height: 1180 });
  await expect(nav.getByRole("link", { name: "Audit log" })).toBeVisible();
  await page.context().close();
});

test("an admin creates a movie with a poster; field errors show; the list, archived filter and audit log have it", async ({ browser }) => {
  const page = await adminPage(browser);
  const title = `Night Ferry ${Date.now()}`;
  await page.goto("/admin/movies");
  await page.getByRole("link", { name: "Add a movie" }).click();

  // Bad input: nothing is created, each field says what is wrong.
  await page.getByLabel("Runtime (minutes)").fill("0");
  await page.getByRole("button", { name: "Create movie" }).click();
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a title.")).toBeVisible();
  await expect(page.getByText("Enter the runtime in minutes.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Please check the highlighted fields." })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/movies\/new$/);
  await expectNoViolations(page, "the movie form showing field errors");

  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Runtime (minutes)").fill("97");
  await page.getByLabel("Rating").selectOption("PG-13");
  await page.getByLabel("Genres").fill("Drama, Mystery");
  await page.getByRole("button", { name: "Create movie" }).click();
  await expect(page).toHaveURL(/\/admin\/movies\/[0-9a-f-]{36}\?created=1/);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();

  // A file that only claims to be a PNG is refused by the server, which reads its bytes.
  await page.getByLabel("Poster image").setInputFiles({ name: "poster.png", mimeType: "image/png", buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") });
  await page.getByRole("button", { name: "Upload poster" }).click();
  await expect(page.locator("#poster-status")).toHaveText("Posters must be PNG, JPEG or WebP images.");

  await page.getByLabel("Poster image").setInputFiles({ name: "poster.png", mimeType: "image/png", buffer: solidPng(20, 30, [200, 40, 60]) });
  await page.getByRole("button", { name: "Upload poster" }).click();
  await expect(page.locator("#poster-status")).toHaveText("Poster uploaded.");
  const poster = page.getByRole("img", { name: `${title} poster` });
  await expect(poster).toHaveAttribute("src", /^\/api\/posters\/[0-9a-f-]+\.png$/);
  const served = await page.request.get((await poster.getAttribute("src"))!);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(await poster.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(20);

  // An edit with a bad web address is refused with the reason, and what was typed stays.
  await page.getByLabel("Web address").fill("Not A Slug!");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Use lowercase letters, digits and single dashes")).toBeVisible();
  await expect(page.getByLabel("Web address")).toHaveValue("Not A Slug!");

  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Movies" }).click();
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  // Archived, it leaves the default list and appears under the Archived filter.
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Archived: it no longer shows on the customer pages." })).toBeVisible();
  await page.goto("/admin/movies");
  const filters = page.getByRole("navigation", { name: "Filter movies" });
  await expect(filters.getByRole("link", { name: "Showing" })).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await filters.getByRole("link", { name: "Archived" }).click();
  await expect(filters.getByRole("link", { name: "Archived" })).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveAttribute("aria-current", "page");
  const rows = page.getByTestId("audit-entry");
  // Newest first, in words: the archiving, the poster upload, then the creation, all by this admin.
  await expect(rows.nth(0)).toContainText(`Archived ${title}`);
  await expect(rows.nth(1)).toContainText("Uploaded a new poster");
  await expect(rows.nth(2)).toContainText(`Added the movie ${title}`);
  await expect(rows.nth(2)).toContainText(ADMIN);
  await expect(page.getByTestId("audit-entries")).not.toContainText("{");
  await expectNoViolations(page, "the audit log");
  await page.context().close();
});

test("the box office finds a paid booking, refunds it after confirming, and the page says so", async ({ browser }) => {
  // The run's customer buys nothing else (the purchase suites sign in as customers of their own).
  const email = CUSTOMER_EMAIL;
  const page = await (await contextAs(browser, "customer")).newPage();
  const showId = await openFreeShow(page, "Screen 1");
  const seatId = (await seat(page, "C", 1).getAttribute("data-seat-id"))!;
  await seat(page, "C", 1).click();
  await expect(seat(page, "C", 1)).toHaveAttribute("data-state", "mine");
  await page.getByTestId("continue").click();
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page).toHaveURL(/\/checkout\/success/);
  const seatState = async () => ((await (await page.request.get(`/api/shows/${showId}/seats`)).json()) as { states: Record<string, string> }).states[seatId];
  expect(await seatState()).toBe("sold");

  const admin = await adminPage(browser);
  await admin.goto("/admin/bookings");
  await expectNoViolations(admin, "the bookings search page");
  await admin.getByLabel("Search bookings").fill(email);
  await admin.getByRole("button", { name: "Search" }).click();
  await expect(admin).toHaveURL(/\/admin\/bookings\?q=/);
  const links = admin.getByRole("table").getByRole("link");
  await expect(links).toHaveCount(1);
  const reference = (await links.first().textContent())!.trim();
  expect(reference).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  await links.first().click();
  await expect(admin).toHaveURL(/\/admin\/bookings\/[0-9a-f-]{36}$/);
  await expect(admin.getByRole("heading", { name: `Booking ${reference}` })).toBeVisible();
  await expect(admin.getByText("Row C, seat 1")).toBeVisible();
  await expect(admin.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expect(admin.getByText("Checkout started")).toBeVisible();
  await expectNoViolations(admin, "a booking's page");

  // The booking reference typed in the search box finds the same order.
  await admin.goto(`/admin/bookings?q=${reference}`);
  await expect(admin.getByRole("table").getByRole("link", { name: reference })).toBeVisible();
  await admin.getByRole("link", { name: reference }).click();

  await admin.getByRole("button", { name: "Refund" }).click();
  await expect(admin.getByText(`to ${email}`)).toBeFocused();
  await admin.getByRole("button", { name: "Confirm refund" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Refunded" })).toBeVisible();
  await expect(admin.getByRole("button", { name: "Refund" })).toHaveCount(0);
  await expect(admin.getByRole("listitem").filter({ hasText: /^Refunded/ })).toBeVisible();

  // The seat is on sale again.
  expect(await seatState()).toBeUndefined();
  await admin.context().close();
  await page.context().close();
});
