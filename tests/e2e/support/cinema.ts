import type { Page } from "@playwright/test";
import { baseURL } from "../../../playwright.config";

// The browsing specs are about what comes after choosing a cinema, so they start as a returning
// visitor of the demo's first cinema: its choice remembered in the cookie the choice form sets
// (lib/catalog/chosen-cinema.ts). With one cinema there is no question anyway; with a chain the
// home page would ask first. Choosing itself is cinema-choice.spec.ts's.
export const DEMO_CINEMA = "new-york";
export const CINEMA_COOKIE = "mq_cinema";

/** Remembers `slug` as this browser's cinema. */
export async function rememberCinema(page: Page, slug = DEMO_CINEMA): Promise<void> {
  await page.context().addCookies([{ name: CINEMA_COOKIE, value: slug, url: baseURL }]);
}

/** The home page of a returning visitor of the demo cinema: its programme. */
export async function openHome(page: Page) {
  await rememberCinema(page);
  return page.goto("/");
}

/**
 * Showtime links on the demo's first cinema's own screens (a link's name ends with its screen).
 * Admin specs create small screens and schedule shows on them, so "the first showtime" of a
 * listing may be a 15-seat test screen; specs that need a real house pick from these.
 */
export const DEMO_SCREEN_LINKS = ["Screen 1", "Screen 2", "Grand (Large Format)"]
  .map((screen) => `main a[href^="/shows/"][aria-label$=", ${screen}"]`)
  .join(", ");
