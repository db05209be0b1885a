import { defineConfig, devices } from "@playwright/test";
import { APP_URL } from "./tests/e2e-prod/support/prod-settings";

// The production suite (`npm run test:e2e:prod`, after `npm run build`): the production build
// with NODE_ENV=production behind nginx over HTTPS, real Postgres and Redis, the Stripe and
// Resend fakes as the outside services. Its global setup starts all of it and stops it again.

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

export default defineConfig({
  testDir: "tests/e2e-prod",
  // Its own: the demo suite empties test-results/ when it starts.
  outputDir: "test-results-prod",
  globalSetup: "./tests/e2e-prod/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 240_000,
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    channel: undefined,
    baseURL: APP_URL,
    // The certificate is made by the test run itself (self-signed).
    ignoreHTTPSErrors: true,
    trace: "retain-on-failure",
    launchOptions: chromium,
  },
});
