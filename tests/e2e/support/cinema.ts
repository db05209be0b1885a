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

/** The demo's first cinema's screens (db/seed-data.ts). Admin specs add small screens of their own. */
export const DEMO_SCREENS = ["Screen 1", "Screen 2", "Grand (Large Format)"] as const;
export type ScreenName = (typeof DEMO_SCREENS)[number];

/**
 * The showtime links of a listing on one of the demo's screens, or on the one named (a link's
 * name ends with its screen). "The first showtime" of a day may otherwise be a 15-seat screen an
 * admin spec created and scheduled a week of shows on.
 */
export function showtimeLinks(screen?: ScreenName): string {
  return (screen ? [screen] : DEMO_SCREENS).map((s) => `main a[href^="/shows/"][aria-label$=", ${s}"]`).join(", ");
}
