import { readFileSync } from "node:fs";
import { expect as baseExpect, test, type BrowserContext, type Page } from "@playwright/test";
import { APP_URL, SERVER_LOG } from "./support/prod-settings";
import { awaitEmail, deliverCompletedWebhook, payInStripe, signInLinkOf } from "./support/outside-world";

// A new cinema's first day, in production: NODE_ENV=production behind nginx over HTTPS
// (APP_URL=https://localhost:<port>), real Postgres and Redis, Stripe and Resend as fakes the
// real SDKs talk to, no demo switches. The database starts empty: first-run setup with the token
// from the server log → the admin creates a movie, a screen and a show → a customer signs in
// with the magic link as Resend received it → holds → pays on Stripe → Stripe's signed webhook
// through the proxy → the ticket email with its PDF → admitted at the door.

// Every step waits on a production server that may share its machine: a wider wait than the
// default, never a timing assertion.
const expect = baseExpect.configure({ timeout: 20_000 });

const run = Date.now().toString(36);
const ADMIN = `owner-${run}@cinema.example`;
const CUSTOMER = `moviegoer-${run}@example.com`;
const MOVIE = `Harbour Lights ${run}`;
const SCREEN = `Salle ${run}`;

function setupTokenFromLog(): string {
  const token = readFileSync(SERVER_LOG, "utf8").match(/one-time setup token:\s+([A-Za-z0-9_-]{20,})/)?.[1];
  expect(token, `a setup token in ${SERVER_LOG}`).toBeTruthy();
  return token!;
}

/** Asks for a magic link on the sign-in page and follows it from the Resend fake's copy. */
async function signInWithEmailedLink(page: Page, email: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email/);
  const link = signInLinkOf(await awaitEmail(page.request, email, "Sign in to Marquee"));
  // On APP_URL exactly: no internal host or port, and the page it returns to too.
  const url = new URL(link);
  expect(url.origin).toBe(APP_URL);
  const callback = url.searchParams.get("callbackUrl");
  expect(callback && new URL(callback).origin).toBe(APP_URL);
  await page.goto(link);
}

/** Auth.js's cookies are Secure and carry the __Secure-/__Host- prefix; none without. */
async function expectSecureAuthCookies(context: BrowserContext) {
  const cookies = await context.cookies(APP_URL);
  const auth = cookies.filter((c) => c.name.includes("authjs."));
  expect(auth.map((c) => c.name)).toContain("__Secure-authjs.session-token");
  expect(auth.map((c) => c.name)).toContain("__Host-authjs.csrf-token");
  for (const cookie of auth) {
    expect(cookie.name, "prefixed").toMatch(/^__(Secure|Host)-authjs\./);
    expect(cookie.secure, `${cookie.name} Secure`).toBe(true);
    expect(cookie.httpOnly, `${cookie.name} HttpOnly`).toBe(true);
  }
  const session = auth.find((c) => c.name === "__Secure-authjs.session-token")!;
  expect(session.sameSite).toBe("Lax");
  expect(cookies.find((c) => c.name === "mq_holder")?.secure).toBe(true);
}

test("first-run setup to the door, in production behind nginx over HTTPS", async ({ browser, request }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();

  await test.step("an empty database: no demo cinema; HSTS and a closed metrics endpoint", async () => {
    const home = await admin.goto("/");
    expect(home!.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    await expect(admin.getByText("No theater is set up yet.")).toBeVisible();
    expect((await request.get("/api/metrics")).status()).toBe(401);
  });

  await test.step("first-run setup with the one-time token from the server log", async () => {
    await admin.getByRole("link", { name: "/setup" }).click();
    await expect(admin.getByRole("heading", { name: "Set up your cinema" })).toBeVisible();
    await admin.getByLabel("Setup token").fill("not-the-token");
    await admin.getByLabel("Theater name").fill("Riverside Picture House");
    await admin.getByLabel("Address").fill("1 Quay Street, Riverside");
    await admin.getByLabel("Time zone").fill("Europe/Paris");
    await admin.getByLabel("Currency").fill("EUR");
    await admin.getByLabel("First admin's email").fill(ADMIN);
    await admin.getByRole("button", { name: "Set up the cinema" }).click();
    await expect(admin.getByLabel("Setup token")).toHaveAccessibleDescription(/That setup token is not valid/);
    await admin.getByLabel("Setup token").fill(setupTokenFromLog());
    await admin.getByRole("button", { name: "Set up the cinema" }).click();
    await expect(admin.getByRole("status")).toContainText(`Your cinema is set up. Sign in as ${ADMIN}`);
    // Once only.
    expect((await admin.request.get("/setup")).status()).toBe(404);
  });

  await test.step("the admin signs in with the emailed link; the cookies are Secure and prefixed", async () => {
    await admin.getByRole("status").getByRole("link", { name: "Sign in" }).click();
    await signInWithEmailedLink(admin, ADMIN);
    await expect(admin).toHaveURL(`${APP_URL}/admin`);
    await expect(admin.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expectSecureAuthCookies(adminContext);
  });

  let showId = "";
  await test.step("the admin adds a movie, a screen and a show", async () => {
    await admin.goto("/admin/movies/new");
    await admin.getByLabel("Title").fill(MOVIE);
    await admin.getByLabel("Runtime (minutes)").fill("101");
    await admin.getByLabel("Rating").selectOption("PG-13");
    await admin.getByLabel("Genres").fill("Drama");
    await admin.getByRole("button", { name: "Create movie" }).click();
    await expect(admin).toHaveURL(/\/admin\/movies\/[0-9a-f-]{36}\?created=1/);

    await admin.goto("/admin/screens");
    await admin.getByLabel("Screen name").fill(SCREEN);
    await admin.getByLabel("Tiers").fill("standard");
    await admin.getByLabel("Rows").fill("3");
    await admin.getByLabel("Seats per row").fill("6");
    await admin.getByRole("button", { name: "Create screen" }).click();
    await expect(admin).toHaveURL(/\/admin\/screens\/[0-9a-f-]{36}\/layout/);

    // Shows are priced by cards (issue 18): a new cinema makes its default card first.
    await admin.goto("/admin/pricing/cards/new");
    await admin.getByLabel("Card name").fill("Standard");
    await admin.getByLabel(/^Default card/).check();
    await admin.getByTestId("price-standard-Adult").fill("9.50");
    await admin.getByRole("button", { name: "Create card" }).click();
    await expect(admin).toHaveURL(/\/admin\/pricing\/cards\/[0-9a-f-]{36}\?created=1/);

    await admin.goto("/admin/shows");
    const tomorrow = await admin.getByRole("navigation", { name: "Choose a day" }).getByRole("link").nth(1).getAttribute("href");
    await admin.goto(tomorrow!);
    const form = admin.getByRole("region", { name: "Schedule a show" });
    await form.getByLabel("Movie").selectOption({ label: `${MOVIE} (101 min)` });
    // exact: the tag "Relaxed screening" is labelled too.
    await form.getByLabel("Screen", { exact: true }).selectOption({ label: SCREEN });
    await form.getByLabel("Start time").fill("20:30");
    await expect(admin.getByTestId("card-preview")).toContainText("Standard (the default card: no other card fits)");
    await form.getByRole("button", { name: "Schedule show" }).click();
    await expect(admin.getByTestId("schedule-outcome")).toContainText("Scheduled 1 show");
    const row = admin.getByTestId("admin-show-row").filter({ hasText: SCREEN });
    showId = (await row.getByRole("link", { name: /^Seat map:/ }).getAttribute("href"))!.split("/shows/")[1];
    expect(showId).toMatch(/^[0-9a-f-]{36}$/);
  });

  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  let sessionId = "";
  await test.step("a customer holds two seats, signs in with the emailed link, and is sent to Stripe", async () => {
    await customer.goto(`/shows/${showId}`);
    const seat = (n: number) => customer.locator(`[data-seat-id][aria-label^="Row B, seat ${n},"]`);
    await expect(seat(3)).toHaveAttribute("aria-label", /^Row B, seat 3, standard, €9\.50, available$/);
    await seat(3).click();
    await expect(seat(3)).toHaveAttribute("data-state", "mine");
    await seat(4).click();
    await expect(seat(4)).toHaveAttribute("data-state", "mine");
    await customer.getByTestId("continue").click();
    await expect(customer).toHaveURL(/\/sign-in/);
    await signInWithEmailedLink(customer, CUSTOMER);
    // The link returns to the purchase and goes straight on to Stripe with the same seats (no
    // second Continue): the two €9.50 seats are checked in the session's total below.
    await customer.waitForURL(/\/c\/pay\/cs_test_/);
    await expectSecureAuthCookies(customerContext);
    sessionId = customer.url().split("/c/pay/")[1];
  });

  await test.step("paid on Stripe; Stripe's signed webhook reaches the app through the proxy", async () => {
    const session = await payInStripe(request, sessionId);
    // Stripe's return addresses are on APP_URL.
    expect(session.success_url).toBe(`${APP_URL}/checkout/success?session_id={CHECKOUT_SESSION_ID}`);
    expect(new URL(session.cancel_url!).origin).toBe(APP_URL);
    expect(session.currency).toBe("eur");
    expect(session.amount_total).toBe(1900);
    expect(await deliverCompletedWebhook(request, session)).toBe(200);
  });

  let code = "";
  await test.step("the ticket email arrives at Resend with its PDF; the tickets are on the success page", async () => {
    const mail = await awaitEmail(request, CUSTOMER, "Your tickets");
    const pdf = mail.attachments.find((a) => a.filename.endsWith(".pdf"));
    expect(pdf, "a PDF attached").toBeTruthy();
    expect(Buffer.from(pdf!.content, "base64").subarray(0, 5).toString()).toBe("%PDF-");
    for (const href of [...(mail.html ?? "").matchAll(/href="(https?:[^"]+)"/g)].map((m) => m[1])) expect(new URL(href).origin).toBe(APP_URL);

    await customer.goto(`/checkout/success?session_id=${sessionId}`);
    const tickets = customer.getByTestId("ticket");
    await expect(tickets).toHaveCount(2);
    code = (await tickets.first().locator(".font-mono").textContent())!.trim();
    expect(code.replace(/\s/g, "")).toMatch(/^MQ2[2-9A-HJ-NP-Z]{42}$/);
  });

  await test.step("door check-in admits the ticket once", async () => {
    await admin.goto(`/admin/check-in/${showId}`);
    await admin.getByLabel("Ticket code").fill(code);
    await admin.getByRole("button", { name: "Admit" }).click();
    await expect(admin.getByTestId("door-answer")).toContainText("Admitted");
    await admin.getByLabel("Ticket code").fill(code);
    await admin.getByRole("button", { name: "Admit" }).click();
    await expect(admin.getByTestId("door-answer")).toContainText("Already admitted");
    await expect(admin.getByTestId("door-counts")).toContainText("1 admitted of 2 sold");
  });

  await customerContext.close();
  await adminContext.close();
});
