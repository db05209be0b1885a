import { defineConfig, devices } from "@playwright/test";

// e2e runs against a production build (`next build` then `next start`) on Debian's Chromium;
// no browser is ever downloaded. PORT lets CI avoid clashes; tests use localhost (Auth.js).
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
// One id per run, set here in the runner and inherited by every worker (tests/e2e/support/roles.ts).
process.env.E2E_RUN_ID ??= Date.now().toString(36);

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  // A flaky test is a bug to fix, not to retry; a stray test.only must not pass CI unnoticed.
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: { baseURL, trace: "retain-on-failure", launchOptions: chromium },
  projects: [
    // Signs in once per role (customer, admin) and saves the browser state the specs load.
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions: chromium } },
    // Tests tagged @touch need a touch screen and @mouse a mouse: each runs where it can, by config
    // rather than a skip.
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions: chromium }, grepInvert: /@touch/, dependencies: ["setup"] },
    // One full purchase per run is enough; the phone runs the browsing and seat-map suites.
    // The admin suites are desktop-first (tablet-usable) and each includes a purchase: desktop only.
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions: chromium }, testIgnore: ["**/buy-ticket.spec.ts", "**/admin-*.spec.ts"], grepInvert: /@mouse/, dependencies: ["setup"] },
  ],
  webServer: {
    // A fresh embedded database per run (CI points DATABASE_URL at its own Postgres database instead).
    command: `rm -rf .data/e2e .data/e2e-auth && npx next start -p ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    env: {
      ...process.env,
      AUTH_TRUST_HOST: "true",
      ALLOW_LOCAL_PAYMENTS: "1",
      // These suites browse the demo cinema (the production suite starts empty: playwright.prod.config.ts).
      SEED_DEMO: "1",
      APP_URL: baseURL,
      PGLITE_DIR: ".data/e2e/pglite",
      DATA_DIR: ".data/e2e",
      ADMIN_EMAILS: "admin@marquee.test",
    } as Record<string, string>,
  },
});
