import "server-only";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { theatersByIds } from "@/db/queries/venue";
import { secureCookies } from "@/lib/app-url";
import type { AdminActor } from "@/lib/auth/session-user";
import { scopedTheaterIds } from "@/lib/auth/theater-scope";

// The admin's current theater (issue 19): the admin pages about one theater (shows, screens,
// pricing, promo codes, bookings) show the one chosen in the nav's switcher, kept in a cookie.
// Only a theater in the actor's scope is ever current: a cookie naming another (a theater taken
// away, a hand-edited cookie) falls back to the first theater in scope (the chain's first, the one the screens form offers first).

export const ADMIN_THEATER_COOKIE = "admin_theater";

export type AdminTheater = Awaited<ReturnType<typeof theatersByIds>>[number];

/** The theaters the actor may work on, first created first, and the current one (null only when there is none at all). */
export async function adminTheaters(actor: AdminActor): Promise<{ current: AdminTheater | null; theaters: AdminTheater[] }> {
  const theaters = await theatersByIds(await getDb(), scopedTheaterIds(actor));
  const chosen = (await cookies()).get(ADMIN_THEATER_COOKIE)?.value;
  return { current: theaters.find((t) => t.id === chosen) ?? theaters[0] ?? null, theaters };
}

/** Remembers the choice (for the admin pages only), for a year. The caller checked the scope. */
export async function rememberAdminTheater(theaterId: string): Promise<void> {
  (await cookies()).set(ADMIN_THEATER_COOKIE, theaterId, { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/admin", maxAge: 365 * 86_400 });
}
