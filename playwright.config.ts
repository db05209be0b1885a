import { defineConfig, devices } from "@playwright/test";

// e2e runs against a production build (`next build` then `next start`) on Debian's Chromium;
// no browser is ever downloaded. PORT lets CI avoid clashes; tests use localhost (Auth.js).
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: { baseURL, trace: "retain-on-failure", launchOptions: chromium },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions: chromium } },
    // One full purchase per run is enough; the phone runs the browsing and seat-map suites. The
    // admin journey (layout editor, scheduling) is a desktop and tablet task.
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions: chromium }, testIgnore: ["**/buy-ticket.spec.ts", "**/admin-journey.spec.ts"] },
  ],
  webServer: {
    // A fresh embedded database per run (CI points DATABASE_URL at its own Postgres database instead).
    command: `rm -rf .data/e2e && npx next start -p ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    env: {
      ...process.env,
      AUTH_TRUST_HOST: "true",
      ALLOW_LOCAL_PAYMENTS: "1",
      APP_URL: baseURL,
      PGLITE_DIR: ".data/e2e/pglite",
      DATA_DIR: ".data/e2e",
      ADMIN_EMAILS: "admin@marquee.test",
    } as Record<string, string>,
  },
});
