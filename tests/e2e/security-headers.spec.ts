import { expect, test, type Page } from "@playwright/test";
import { openHome, showtimeLinks } from "./support/cinema";

// The headers every page carries, and proof the Content-Security-Policy does not break the app:
// the pages hydrate and a seat can be held (a server action) with no CSP violation reported.

function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (msg) => {
    const text = msg.text();
    if (/Refused to|Content Security Policy/i.test(text)) violations.push(text);
  });
  page.on("pageerror", (err) => violations.push(`page error: ${err.message}`));
  // Reported by the browser whether or not it also logs to the console.
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Refused to load (CSP ${e.violatedDirective}): ${e.blockedURI}`);
    });
  });
  return violations;
}

test("the home page carries the security headers and a fresh nonce each time", async ({ page, request }) => {
  const response = await page.goto("/");
  expect(response).not.toBeNull();
  const headers = response!.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("img-src 'self' data: blob:");
  expect(csp).toMatch(/form-action 'self' https:\/\/checkout\.stripe\.com/);
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["permissions-policy"]).toContain("camera=(self)");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  // Next put the nonce on its scripts; every script in the page carries it.
  const nonce = csp.match(/'nonce-([^']+)'/)![1];
  const scripts = await page.locator("script").evaluateAll((els) => els.map((s) => (s as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);

  const again = await request.get("/");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);
});

test("a request id sent by the caller is echoed; a junk one is replaced", async ({ request }) => {
  const echoed = await request.get("/api/health", { headers: { "x-request-id": "lb-7f3a9c21-e2e" } });
  expect(echoed.headers()["x-request-id"]).toBe("lb-7f3a9c21-e2e");
  const replaced = await request.get("/api/health", { headers: { "x-request-id": "<script>" } });
  expect(replaced.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const asset = await request.get("/posters/orbit-of-ash.svg");
  expect(asset.status()).toBe(200);
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
});

test("browsing, signing in and holding a seat raise no CSP violation", async ({ page }) => {
  const violations = watchViolations(page);
  await openHome(page);
  await expect(page.getByRole("heading", { name: "Now showing" })).toBeVisible();
  await page.getByRole("navigation", { name: "Choose a day" }).getByRole("link").nth(1).click();
  // The day's links are the cinema's (/c/<slug>?date=…): wait for that page, not today's links.
  await expect(page).toHaveURL(/\?date=\d{4}-\d{2}-\d{2}/);
  // A demo screen's show: other specs schedule shows on small screens they create.
  await page.locator(showtimeLinks()).first().click();
  await expect(page).toHaveURL(/\/shows\/[0-9a-f-]{36}/);

  // Holding a seat needs hydrated client code and a server action round trip. Pick seat 5 of a
  // row whose seats 3 to 7 are free, so no other test's hold or the lone-seat rule gets in the way,
  // and whose seat 5 is across the screen's width (a wide house on a phone shows part of a row).
  const row = await page.locator("[data-seat-id]").evaluateAll((els) => {
    const name = (e: Element) => e.getAttribute("aria-label")?.split(",").slice(0, 2).join(",");
    const available = els.filter((e) => e.getAttribute("data-state") === "available");
    const free = new Set(available.map(name));
    const inView = new Set(
      available
        .filter((e) => {
          const box = e.getBoundingClientRect();
          return box.left >= 0 && box.right <= window.innerWidth;
        })
        .map(name),
    );
    const rows = [...new Set([...free].map((label) => label?.match(/^Row (\w+),/)?.[1]).filter(Boolean))];
    return rows.find((r) => [3, 4, 5, 6, 7].every((n) => free.has(`Row ${r}, seat ${n}`)) && inView.has(`Row ${r}, seat 5`));
  });
  expect(row, "a row with seats 3-7 free").toBeTruthy();
  const seat = page.locator(`[data-seat-id][aria-label^="Row ${row}, seat 5,"]`);
  await seat.click();
  await expect(seat).toHaveAttribute("data-state", "mine");

  await page.goto("/sign-in");
  await expect(page.getByLabel("Email address")).toBeVisible();
  expect(violations).toEqual([]);
});
