import "server-only";
import type { Db } from "@/db/client";
import { doorCountsIn, paidLinesByTicketTypeIn, paidOrderFeesIn, paidOrdersIn, type TheaterWindow } from "@/db/queries/admin-dashboard";
import { showsWithOccupancy } from "@/db/queries/shows";
import { theatersIn, type TheaterRow } from "@/db/queries/theaters";
import { seatsResoldThroughWaitlist } from "@/db/queries/waitlist";
import { assertManagesTheater, scopedTheaterIds } from "@/lib/auth/theater-scope";
import type { AdminActor } from "@/lib/auth/session-user";
import { localDate, localDays } from "@/lib/time";
import { figuresByTheater, lastDays } from "./dashboard-report";

// The dashboard's data (issue 19): one theater, or every theater the actor may see with each
// one's figures and the chain total. Each theater counts the period by its own calendar days
// (TheaterWindow); a theater outside a site manager's scope is never read.

/** The latest "today" among the theaters: nothing sold today anywhere is left out of the period. */
function latestToday(theaters: readonly TheaterRow[], now: Date): string {
  return theaters.map((t) => localDate(now, t.timeZone)).reduce((a, b) => (b > a ? b : a));
}

/** Each theater's [first day 00:00, day after the last 00:00), on its own clock. */
export function windowsOf(theaters: readonly TheaterRow[], first: string, days: number): TheaterWindow[] {
  return theaters.map((t) => ({ theaterId: t.id, ...localDays(first, t.timeZone, days) }));
}

/**
 * The theaters a report covers: the one asked for (not_found outside the actor's scope, as if it
 * did not exist), else every theater in scope. `inScope` lists the choices a switcher offers.
 */
export async function reportTheaters(db: Db, actor: AdminActor, theaterId: string | undefined) {
  const inScope = await theatersIn(db, scopedTheaterIds(actor));
  if (theaterId === undefined) return { inScope, chosen: null, theaters: inScope };
  const chosen = inScope.find((t) => t.id === theaterId);
  assertManagesTheater(actor, chosen?.id, "That theater");
  return { inScope, chosen, theaters: [chosen] };
}

export async function dashboardData(db: Db, actor: AdminActor, opts: { days: number; theaterId?: string }, now = new Date()) {
  const { inScope, chosen, theaters } = await reportTheaters(db, actor, opts.theaterId);
  if (theaters.length === 0) return null;
  const today = latestToday(theaters, now);
  const dates = lastDays(today, opts.days);
  const windows = windowsOf(theaters, dates[0], dates.length);
  const ids = theaters.map((t) => t.id);
  const zoneOf = new Map(theaters.map((t) => [t.id, t.timeZone]));
  const occupancyRange = { from: localDays(today, theaters[0].timeZone).from, to: localDays(today, theaters[0].timeZone, 3).to };
  for (const t of theaters) {
    const own = localDays(localDate(now, t.timeZone), t.timeZone, 3);
    if (own.from < occupancyRange.from) occupancyRange.from = own.from;
    if (own.to > occupancyRange.to) occupancyRange.to = own.to;
  }

  const [paidRows, typeLines, orderFees, doorRows, shows, resold] = await Promise.all([
    paidOrdersIn(db, windows),
    paidLinesByTicketTypeIn(db, windows),
    paidOrderFeesIn(db, windows),
    doorCountsIn(db, windows),
    // Occupancy of what is on today and the next two days: the shows still worth watching.
    showsWithOccupancy(db, { ...occupancyRange, limit: 60, theaterIds: ids }),
    seatsResoldThroughWaitlist(db, ids),
  ]);
  const paid = paidRows.map((r) => ({ ...r, timeZone: zoneOf.get(r.theaterId) }));
  const door = doorRows.map((r) => ({ ...r, timeZone: zoneOf.get(r.theaterId) }));
  const currencies = [...new Set(theaters.map((t) => t.currency))];
  return {
    inScope,
    chosen,
    theaters,
    dates,
    today,
    /** The zone days are named in: the chosen theater's, else the first's (each theater still counts its own days). */
    timeZone: chosen?.timeZone ?? theaters[0].timeZone,
    /** One currency for the money charts, or null when the theaters sell in different ones. */
    currency: currencies.length === 1 ? currencies[0] : null,
    paid,
    typeLines,
    orderFees,
    door,
    shows,
    resold,
    byTheater: figuresByTheater(theaters, paid, door),
  };
}
