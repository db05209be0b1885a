import "server-only";
import { and, asc, eq, gt, inArray, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { movies, screens, seats, shows, theaters, tickets } from "../schema";
import { formatDateTime } from "@/lib/time";
import type { LayoutPlan } from "@/lib/venue/diff-layout";

export async function theaterById(db: Db, theaterId: string) {
  const [theater] = await db.select().from(theaters).where(eq(theaters.id, theaterId));
  return theater ?? null;
}

/** Every theater, by name: the chain as a customer (or the API) lists it. */
export function theatersByName(db: Db) {
  return db.select().from(theaters).orderBy(asc(theaters.name));
}

/** The theaters with these ids (null: every theater), the chain's first (first created) first. */
export async function theatersByIds(db: Db, theaterIds: readonly string[] | null) {
  return db
    .select()
    .from(theaters)
    .where(theaterIds ? inArray(theaters.id, [...theaterIds]) : undefined)
    .orderBy(asc(theaters.createdAt), asc(theaters.name));
}

/** Every theater (or those with these ids) with its screens and how many seats each has in use. */
// The first theater first (its screen form defaults to it).
export async function theatersWithScreens(db: Db, theaterIds: readonly string[] | null = null) {
  const rows = await db
    .select({
      theater: theaters,
      screen: screens,
      seatCount: sql<number>`(select count(*)::int from ${seats} where ${seats.screenId} = ${screens.id} and ${seats.active})`,
    })
    .from(theaters)
    .leftJoin(screens, eq(screens.theaterId, theaters.id))
    .where(theaterIds ? inArray(theaters.id, [...theaterIds]) : undefined)
    .orderBy(asc(theaters.createdAt), asc(screens.name));
  const byTheater = new Map<string, { theater: typeof theaters.$inferSelect; screens: { screen: typeof screens.$inferSelect; seatCount: number }[] }>();
  for (const r of rows) {
    const entry = byTheater.get(r.theater.id) ?? { theater: r.theater, screens: [] };
    if (r.screen) entry.screens.push({ screen: r.screen, seatCount: r.seatCount });
    byTheater.set(r.theater.id, entry);
  }
  return [...byTheater.values()];
}

export async function screenWithTheater(db: Db | Tx, screenId: string) {
  const [row] = await db
    .select({ screen: screens, theater: theaters })
    .from(screens)
    .innerJoin(theaters, eq(theaters.id, screens.theaterId))
    .where(eq(screens.id, screenId))
    .limit(1);
  return row ?? null;
}

/** All seats of a screen, retired ones included (the layout diff needs their labels). */
export function allSeatsOfScreen(db: Db | Tx, screenId: string) {
  return db.select().from(seats).where(eq(seats.screenId, screenId)).orderBy(asc(seats.y), asc(seats.x));
}

/**
 * Seats with a live ticket for a show on this screen that has not ended, each with the show it
 * is sold for ("Paper Kites, Saturday, November 21 at 7:45 PM EST"): these seats may not be
 * dropped or moved.
 */
export async function seatsSoldForComingShows(db: Db | Tx, screenId: string, timeZone: string, now = new Date()): Promise<Map<string, string>> {
  const rows = await db
    .select({ seatId: tickets.seatId, title: movies.title, startsAt: shows.startsAt })
    .from(tickets)
    .innerJoin(shows, eq(shows.id, tickets.showId))
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .where(and(eq(shows.screenId, screenId), gt(shows.endsAt, now), ne(tickets.status, "voided")))
    .orderBy(asc(shows.startsAt));
  const sold = new Map<string, string>();
  for (const r of rows) if (!sold.has(r.seatId)) sold.set(r.seatId, `${r.title} (${formatDateTime(r.startsAt, timeZone)})`);
  return sold;
}

/** Scheduled shows on this screen that have not ended, with their prices (a tier they do not price cannot be sold). */
export function comingShowsOfScreen(db: Db | Tx, screenId: string, now = new Date()) {
  return db
    .select({ id: shows.id, startsAt: shows.startsAt, prices: shows.prices, title: movies.title })
    .from(shows)
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .where(and(eq(shows.screenId, screenId), eq(shows.status, "scheduled"), gt(shows.endsAt, now)))
    .orderBy(asc(shows.startsAt));
}

/**
 * The screen row, locked until the transaction ends: two saves of one layout, or two schedulers
 * of one screen, take turns instead of both passing their checks.
 */
export async function lockScreen(tx: Tx, screenId: string) {
  const [screen] = await tx.select().from(screens).where(eq(screens.id, screenId)).for("update");
  return screen ?? null;
}

type NewScreen = Omit<typeof screens.$inferInsert, "id" | "createdAt">;
type NewSeat = Omit<typeof seats.$inferInsert, "id" | "screenId" | "active">;

/** A new screen with its seats. */
export async function insertScreenWithSeats(tx: Tx, screen: NewScreen, seatRows: NewSeat[]): Promise<{ id: string }> {
  const [created] = await tx.insert(screens).values(screen).returning({ id: screens.id });
  await tx.insert(seats).values(seatRows.map((seat) => ({ ...seat, screenId: created.id })));
  return created;
}

/**
 * Writes a layout plan (lib/venue/diff-layout) and the screen's new grid: temporary numbers
 * first so relabelled seats never collide under the unique (screen, row, number) index.
 */
export async function applyLayoutPlan(tx: Tx, screenId: string, plan: LayoutPlan, grid: Pick<NewScreen, "gridWidth" | "gridHeight" | "tiers">) {
  for (const t of plan.temporaryNumbers) await tx.update(seats).set({ number: t.number }).where(eq(seats.id, t.id));
  for (const u of plan.updates) await tx.update(seats).set({ ...u.values, active: true }).where(eq(seats.id, u.id));
  if (plan.retires.length) await tx.update(seats).set({ active: false }).where(inArray(seats.id, plan.retires));
  if (plan.inserts.length) await tx.insert(seats).values(plan.inserts.map((v) => ({ ...v, screenId })));
  const [updated] = await tx.update(screens).set(grid).where(eq(screens.id, screenId)).returning();
  return updated;
}

/** The seats in use on a screen, in reading order (row by row, left to right). */
export function activeSeatsOfScreen(db: Db, screenId: string) {
  return db
    .select()
    .from(seats)
    .where(and(eq(seats.screenId, screenId), eq(seats.active, true)))
    .orderBy(asc(seats.y), asc(seats.x));
}
