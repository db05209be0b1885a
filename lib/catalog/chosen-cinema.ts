import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { Db } from "@/db/client";
import { listCinemas, preferredCinemaIdOf, type Cinema } from "@/db/queries/cinemas";
import { secureCookies } from "@/lib/app-url";
import { currentUser } from "@/lib/auth/current-user";

// Which cinema a visitor has chosen (issue 19). The choice is made with a form (the home page's
// question or the header's switch, app/(site)/c/actions.ts) and remembered twice: in a cookie
// (the browser) and on the account (user.preferred_theater_id: the customer's other devices).

/** The cookie holds the cinema's slug: readable, and a slug an admin renames just asks again. */
export const CINEMA_COOKIE = "mq_cinema";
const ONE_YEAR_S = 60 * 60 * 24 * 365;

export function cinemaCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, secure: secureCookies(), path: "/", maxAge: ONE_YEAR_S };
}

/**
 * The cinema to open on: the cookie's, else the signed-in account's, else the only cinema there
 * is (a single-theater deployment never asks). Null: ask. Once per request (the header and the
 * page both read it).
 */
export const rememberedCinema = cache(async (db: Db): Promise<Cinema | null> => {
  const cinemas = await listCinemas(db);
  if (cinemas.length <= 1) return cinemas[0] ?? null;
  const slug = (await cookies()).get(CINEMA_COOKIE)?.value;
  const fromCookie = cinemas.find((c) => c.slug === slug);
  if (fromCookie) return fromCookie;
  const user = await currentUser();
  if (!user) return null;
  const preferred = await preferredCinemaIdOf(db, user.id);
  return cinemas.find((c) => c.id === preferred) ?? null;
});
