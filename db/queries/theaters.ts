import "server-only";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { screens, shows, theaterManagers, theaters } from "../schema";
import { insertDefaultTicketTypes } from "./pricing";

// The chain's theaters (issue 19): the /admin/theaters list and its add/edit form, and the
// theaters a report or export may cover. `theaterIds` null means every theater (a chain admin).

type Handle = Db | Tx;
export type TheaterRow = typeof theaters.$inferSelect;
export type TheaterValues = Pick<typeof theaters.$inferInsert, "slug" | "name" | "address" | "timeZone" | "currency" | "idNotice">;

/** The theaters in `theaterIds` (null: all), by name. */
export function theatersIn(db: Handle, theaterIds: readonly string[] | null): Promise<TheaterRow[]> {
  return db
    .select()
    .from(theaters)
    .where(theaterIds ? inArray(theaters.id, [...theaterIds]) : undefined)
    .orderBy(asc(theaters.name));
}

/** Every theater with how many screens and site managers it has, for the admin list. */
export function theatersForAdmin(db: Db) {
  return db
    .select({
      theater: theaters,
      screens: sql<number>`(select count(*)::int from ${screens} where ${screens.theaterId} = ${theaters.id})`,
      managers: sql<number>`(select count(*)::int from ${theaterManagers} where ${theaterManagers.theaterId} = ${theaters.id})`,
    })
    .from(theaters)
    .orderBy(asc(theaters.name));
}

/** A new theater with the default ticket types, so it can be priced and sold at once. */
export async function insertTheater(tx: Tx, values: TheaterValues): Promise<TheaterRow> {
  const [created] = await tx.insert(theaters).values(values).returning();
  await insertDefaultTicketTypes(tx, created.id);
  return created;
}

/** The theater row, locked until the transaction ends (two edits take turns). */
export async function lockTheater(tx: Tx, theaterId: string): Promise<TheaterRow | null> {
  const [row] = await tx.select().from(theaters).where(eq(theaters.id, theaterId)).for("update");
  return row ?? null;
}

export async function updateTheaterFields(tx: Tx, theaterId: string, values: TheaterValues): Promise<void> {
  await tx.update(theaters).set(values).where(eq(theaters.id, theaterId));
}

/** Whether any show was ever scheduled at the theater (its prices are in the theater's currency). */
export async function theaterHasShows(db: Handle, theaterId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(shows)
    .innerJoin(screens, and(eq(screens.id, shows.screenId), eq(screens.theaterId, theaterId)))
    .limit(1);
  return row.n > 0;
}
