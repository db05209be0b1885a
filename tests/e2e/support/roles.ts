import path from "node:path";
import type { Browser, BrowserContext } from "@playwright/test";

// One signed-in browser state per role, made once per run by the setup project (auth.setup.ts)
// and loaded by the specs that need someone signed in. The customer's address is new each run
// (the run id is set once in playwright.config.ts, which every worker inherits), so "this
// customer's bookings" are this run's.

const AUTH_DIR = path.join(".data", "e2e-auth");

export const ADMIN_EMAIL = "admin@marquee.test";
export const CUSTOMER_EMAIL = `customer-${process.env.E2E_RUN_ID ?? "local"}@example.com`;

export const storageStateOf = { admin: path.join(AUTH_DIR, "admin.json"), customer: path.join(AUTH_DIR, "customer.json") } as const;
export type Role = keyof typeof storageStateOf;

/** A new browser context signed in as `role`. */
export function contextAs(browser: Browser, role: Role): Promise<BrowserContext> {
  return browser.newContext({ storageState: storageStateOf[role] });
}
