import "server-only";
import { cache } from "react";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { theaters, users } from "../schema";

// The cinemas a moviegoer chooses between (issue 19), and the choice remembered on their account.

export type Cinema = { id: string; slug: string; name: string; address: string; timeZone: string };

const cinemaColumns = { id: theaters.id, slug: theaters.slug, name: theaters.name, address: theaters.address, timeZone: theaters.timeZone };

/** Every cinema, by name: the question on the home page and the switch in the header. Once per request. */
export const listCinemas = cache(async (db: Db): Promise<Cinema[]> => db.select(cinemaColumns).from(theaters).orderBy(asc(theaters.name)));

/** The cinema a URL names (/c/<slug>), or null. Once per request (metadata and page). */
export const cinemaBySlug = cache(async (db: Db, slug: string): Promise<Cinema | null> => {
  const [row] = await db.select(cinemaColumns).from(theaters).where(eq(theaters.slug, slug)).limit(1);
  return row ?? null;
});

export async function cinemaById(db: Db, theaterId: string): Promise<Cinema | null> {
  const [row] = await db.select(cinemaColumns).from(theaters).where(eq(theaters.id, theaterId)).limit(1);
  return row ?? null;
}

/** The cinema this account last chose, or null. */
export async function preferredCinemaIdOf(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ id: users.preferredTheaterId }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.id ?? null;
}

/** Remembers the cinema on the account, so the customer's other devices open on it. */
export async function rememberCinemaOnAccount(db: Db, userId: string, theaterId: string): Promise<void> {
  await db.update(users).set({ preferredTheaterId: theaterId }).where(eq(users.id, userId));
}
