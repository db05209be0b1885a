import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, lt, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { movies, screens, seats, shows, theaters, tickets } from "../schema";

const soldCount = sql<number>`(select count(*)::int from ${tickets} where ${tickets.showId} = ${shows.id} and ${tickets.status} <> 'voided')`;
const admittedCount = sql<number>`(select count(*)::int from ${tickets} where ${tickets.showId} = ${shows.id} and ${tickets.status} = 'admitted')`;
const capacity = sql<number>`(select count(*)::int from ${seats} where ${seats.screenId} = ${shows.screenId} and ${seats.active})`;

/** Shows starting in [from, to), with seats sold and seats in use on their screen; at the theaters listed when `theaterIds` is given. */
export function showsWithOccupancy(db: Db, opts: { from: Date; to?: Date; limit?: number; order?: "asc" | "desc"; theaterIds?: readonly string[] | null }) {
  return db
    .select({
      id: shows.id,
      startsAt: shows.startsAt,
      endsAt: shows.endsAt,
      status: shows.status,
      prices: shows.prices,
      currency: shows.currency,
      priceCardId: shows.priceCardId,
      priceCardOverridden: shows.priceCardOverridden,
      priceSnapshot: shows.priceSnapshot,
      hasOrders: sql<boolean>`exists (select 1 from orders o where o.show_id = ${shows.id})`,
      title: movies.title,
      screenName: screens.name,
      theaterId: theaters.id,
      theaterName: theaters.name,
      timeZone: theaters.timeZone,
      sold: soldCount,
      admitted: admittedCount,
      waitingRoomFrom: shows.waitingRoomFrom,
      admissionPerMinute: shows.admissionPerMinute,
      tags: shows.tags,
      capacity,
    })
    .from(shows)
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .innerJoin(theaters, eq(theaters.id, screens.theaterId))
    .where(and(gte(shows.startsAt, opts.from), opts.to ? lt(shows.startsAt, opts.to) : undefined, opts.theaterIds ? inArray(theaters.id, [...opts.theaterIds]) : undefined))
    .orderBy(opts.order === "desc" ? desc(shows.startsAt) : asc(shows.startsAt))
    .limit(opts.limit ?? 200);
}

/**
 * The seats a show's heat map draws: the screen's seats in use plus any retired seat that
 * still holds a live ticket for this show, each with its ticket state.
 */
export async function seatStatesOfShow(db: Db, showId: string, screenId: string) {
  const rows = await db
    .select({ seat: seats, ticketStatus: tickets.status })
    .from(seats)
    .leftJoin(tickets, and(eq(tickets.seatId, seats.id), eq(tickets.showId, showId), ne(tickets.status, "voided")))
    .where(and(eq(seats.screenId, screenId), sql`(${seats.active} or ${tickets.id} is not null)`))
    .orderBy(asc(seats.y), asc(seats.x));
  return rows.map((r) => ({ ...r.seat, state: r.ticketStatus === "admitted" ? ("admitted" as const) : r.ticketStatus === "valid" ? ("sold" as const) : ("free" as const) }));
}

/** Scheduled shows on a screen whose span meets [from, to). */
export function scheduledSpansOnScreen(db: Db | Tx, screenId: string, from: Date, to: Date) {
  return db
    .select({ id: shows.id, start: shows.startsAt, end: shows.endsAt, title: movies.title })
    .from(shows)
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .where(and(eq(shows.screenId, screenId), eq(shows.status, "scheduled"), lt(shows.startsAt, to), gt(shows.endsAt, from)));
}

/** Screens and active movies for the scheduling form. */
/** The screens of one theater and the movies (chain-wide) a show can be scheduled with. */
export async function schedulingChoices(db: Db, theaterId: string) {
  const [screenRows, movieRows] = await Promise.all([
    db
      .select({ id: screens.id, name: screens.name, tiers: screens.tiers, format: screens.format, theaterName: theaters.name, timeZone: theaters.timeZone })
      .from(screens)
      .innerJoin(theaters, eq(theaters.id, screens.theaterId))
      .where(eq(screens.theaterId, theaterId))
      .orderBy(asc(theaters.name), asc(screens.name)),
    db.select({ id: movies.id, title: movies.title, runtimeMinutes: movies.runtimeMinutes }).from(movies).where(eq(movies.status, "active")).orderBy(asc(movies.title)),
  ]);
  return { screens: screenRows, movies: movieRows };
}

export async function showById(db: Db, showId: string) {
  const [show] = await db.select().from(shows).where(eq(shows.id, showId)).limit(1);
  return show ?? null;
}

export async function insertShows(tx: Tx, rows: Omit<typeof shows.$inferInsert, "id" | "status" | "createdAt">[]): Promise<{ id: string }[]> {
  return tx.insert(shows).values(rows).returning({ id: shows.id });
}

/** The shows on a screen that have not ended (a layout save changes their seats). */
export async function futureShowIdsOfScreen(db: Db, screenId: string, now = new Date()): Promise<string[]> {
  const rows = await db.select({ id: shows.id }).from(shows).where(and(eq(shows.screenId, screenId), gt(shows.endsAt, now)));
  return rows.map((r) => r.id);
}

/** Sets or clears a show's waiting room (both values, or both null). */
export async function setWaitingRoom(db: Db | Tx, showId: string, room: { from: Date; perMinute: number } | null) {
  const [row] = await db
    .update(shows)
    .set({ waitingRoomFrom: room?.from ?? null, admissionPerMinute: room?.perMinute ?? null })
    .where(eq(shows.id, showId))
    .returning({ id: shows.id });
  return row;
}

/** A show with its theater's time zone. */
export async function showWithTheaterZone(db: Db, showId: string) {
  const [row] = await db
    .select({ show: shows, timeZone: theaters.timeZone, theaterId: theaters.id })
    .from(shows)
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .innerJoin(theaters, eq(theaters.id, screens.theaterId))
    .where(eq(shows.id, showId))
    .limit(1);
  return row;
}

/** A movie's scheduled shows at one theater starting in [from, to) that have not ended. */
export function scheduledShowsOfMovieBetween(db: Db, theaterId: string, movieId: string, span: { from: Date; to: Date }, now = new Date()) {
  return db
    .select({ id: shows.id, startsAt: shows.startsAt })
    .from(shows)
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .where(and(eq(screens.theaterId, theaterId), eq(shows.movieId, movieId), eq(shows.status, "scheduled"), gte(shows.startsAt, span.from), lt(shows.startsAt, span.to), gt(shows.endsAt, now)));
}

/** Replaces a show's tags; answers the tags it had (null: no such show). Locks the row, so two edits take turns. */
export async function replaceShowTags(tx: Tx, showId: string, tags: string[]): Promise<{ before: string[] } | null> {
  const [row] = await tx.select({ tags: shows.tags }).from(shows).where(eq(shows.id, showId)).for("update");
  if (!row) return null;
  await tx.update(shows).set({ tags }).where(eq(shows.id, showId));
  return { before: row.tags };
}
