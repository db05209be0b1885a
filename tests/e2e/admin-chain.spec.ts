import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { storageStateOf } from "./support/roles";
import { expectNoViolations } from "./support/axe";
import { signInViaOutbox } from "./support/sign-in";

// The chain admin pages (issue 19) on a desktop and on a 390 x 844 phone: the demo's chain admin
// adds a theater (a wrong time zone refused under its field first), edits it, makes someone who
// signed in a site manager of it, who then sees the admin for that theater only and no chain
// pages, and takes the role away again. Every page passes axe and never scrolls sideways.

// Each step waits on a server action of a production server that may share its machine with
// other builds: a wider wait than the default, never a timing assertion.
const expect = baseExpect.configure({ timeout: 15_000 });
test.setTimeout(150_000);

const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
] as const;
type Viewport = (typeof VIEWPORTS)[number];

async function pageAt(browser: Browser, v: Viewport, storageState?: string): Promise<Page> {
  return (await browser.newContext({ storageState, viewport: v.viewport, isMobile: v.isMobile, hasTouch: v.hasTouch })).newPage();
}

async function checkPage(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${what} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  await expectNoViolations(page, what);
}

for (const v of VIEWPORTS) {
  test(`on a ${v.name}, a chain admin adds and edits a theater and gives it a site manager, then takes the role away`, async ({ browser }) => {
    const run = `${v.name}-${process.env.E2E_RUN_ID ?? "local"}`;
    const theaterName = `Harbor ${run}`;
    const usherEmail = `usher-${run}@example.com`;

    // Someone signs in once: only then can they be given a role.
    const usher = await pageAt(browser, v);
    await signInViaOutbox(usher, usherEmail);

    const admin = await pageAt(browser, v, storageStateOf.admin);
    await admin.goto("/admin/theaters");
    await expect(admin.getByRole("heading", { level: 1, name: "Theaters" })).toBeVisible();
    await expect(admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Theaters" })).toHaveAttribute("aria-current", "page");
    await checkPage(admin, "the theaters page");

    // A made-up zone is refused under its field; nothing is added.
    const form = admin.getByRole("form", { name: "Add a theater" });
    await form.getByLabel("Name", { exact: true }).fill(theaterName);
    await form.getByLabel("Address", { exact: true }).fill("9 Pier Road, Seattle");
    await form.getByLabel("Time zone", { exact: true }).fill("Pacific/Atlantis");
    await form.getByRole("button", { name: "Add theater" }).click();
    await expect(form.getByLabel("Time zone", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText("Enter a time zone like Europe/Paris or America/New_York.")).toBeVisible();
    await checkPage(admin, "the theater form with an error");

    await form.getByLabel("Time zone", { exact: true }).fill("America/Los_Angeles");
    await form.getByRole("button", { name: "Add theater" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: theaterName })).toBeVisible();
    await expect(admin.getByRole("status").filter({ hasText: "was added with the usual ticket types" })).toBeVisible();
    await checkPage(admin, "a theater's page");
    await admin.getByLabel("Address", { exact: true }).fill("10 Pier Road, Seattle");
    await admin.getByLabel("ID notice", { exact: true }).fill("Photo ID is required for R-rated films.");
    await admin.getByRole("button", { name: "Save theater" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Theater saved." })).toBeVisible();
    await admin.goto("/admin/theaters");
    await expect(admin.getByTestId("theater-row").filter({ hasText: theaterName })).toContainText("10 Pier Road, Seattle");

    // Staff: an unknown email is refused; the usher becomes site manager of the new theater.
    await admin.goto("/admin/staff");
    await expect(admin.getByRole("heading", { level: 1, name: "Staff" })).toBeVisible();
    await expect(admin.getByTestId("staff-row").filter({ hasText: "admin@marquee.test" })).toContainText("Chain admin");
    await checkPage(admin, "the staff page");
    const give = admin.getByRole("form", { name: "Give a staff role" });
    await give.getByLabel("Email", { exact: true }).fill(`nobody-${run}@example.com`);
    await give.getByLabel(theaterName).check();
    await give.getByRole("button", { name: "Give the role" }).click();
    await expect(give.getByText(/No one has signed in as nobody-/).first()).toBeVisible();
    await give.getByLabel("Email", { exact: true }).fill(usherEmail);
    await give.getByRole("button", { name: "Give the role" }).click();
    const row = admin.getByTestId("staff-row").filter({ hasText: usherEmail });
    await expect(row).toContainText("Site manager");
    await expect(row).toContainText(theaterName);
    await checkPage(admin, "the staff page with a site manager");

    // The site manager sees the admin for their theater only, and no chain pages.
    await usher.goto("/admin");
    await expect(usher.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(usher.getByText(`at ${theaterName}`, { exact: false }).first()).toBeVisible();
    await expect(usher.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Staff" })).toHaveCount(0);
    expect((await usher.goto("/admin/staff"))?.status()).toBe(404);
    expect((await usher.goto("/admin/theaters"))?.status()).toBe(404);

    // Revoked: the admin pages are gone for them at once.
    admin.once("dialog", (dialog) => dialog.accept());
    await row.getByRole("button", { name: new RegExp(`Revoke ${usherEmail.replace(/[.]/g, "\\.")}`) }).click();
    await expect(admin.getByTestId("staff-row").filter({ hasText: usherEmail })).toHaveCount(0);
    expect((await usher.goto("/admin"))?.status()).toBe(404);

    await usher.context().close();
    await admin.context().close();
  });
}
