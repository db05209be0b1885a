import "server-only";
import { getDb } from "@/db/client";
import { movieForAdmin } from "@/db/queries/movies";
import { insertShows, scheduledSpansOnScreen } from "@/db/queries/shows";
import { lockScreen, screenWithTheater } from "@/db/queries/venue";
import { AppError, fieldError } from "@/lib/errors";
import { formatDay, formatTime } from "@/lib/time";
import type { AdminActor } from "@/lib/auth/session-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseMoney } from "@/lib/money";
import { dailyShowtimes, findClashes, showSpan } from "./show-overlap";
import type { ScheduleShowsInput } from "./show-input";

// Stripe refuses to charge less than this (in cents) for a line.
const MIN_PRICE = 50;

export type DateClash = { date: string; day: string; with: string[] };
export type ScheduleResult = { showIds: string[]; dates: string[] };

/**
 * Schedules a movie on a screen at one local time on one or more consecutive days, all or
 * nothing: if any of the days clashes with a scheduled show (or the new shows meet each other),
 * nothing is created and every clashing date is reported.
 */
export async function scheduleShows(actor: AdminActor, input: ScheduleShowsInput, now = new Date()): Promise<ScheduleResult> {
  const db = await getDb();
  const movie = await movieForAdmin(db, input.movieId);
  if (!movie || movie.status !== "active") throw fieldError("movieId", "Choose a movie that is not archived.");
  const found = await screenWithTheater(db, input.screenId);
  if (!found) throw fieldError("screenId", "Choose a screen.");
  const { screen, theater } = found;
  // Shows are priced and charged in the theater's currency.
  const { currency } = theater;

  const prices: Record<string, number> = {};
  for (const tier of screen.tiers) {
    const minor = parseMoney(input.prices[tier] ?? "", currency);
    if (minor === null) throw fieldError(`price.${tier}`, `Enter the ${tier} price, like 12.50.`);
    if (minor < MIN_PRICE) throw fieldError(`price.${tier}`, "Prices start at 0.50.");
    prices[tier] = minor;
  }

  const showtimes = dailyShowtimes(input.date, input.time, input.days, theater.timeZone);
  if (showtimes[0].start <= now) throw fieldError("time", "That start time has already passed.");
  const spans = showtimes.map((t) => showSpan(t.start, movie.runtimeMinutes));

  return db.transaction(async (tx) => {
    // Locking the screen row makes two schedulers of one screen take turns, so both cannot
    // pass the overlap check and then insert overlapping shows.
    await lockScreen(tx, screen.id);
    const booked = await scheduledSpansOnScreen(tx, screen.id, spans[0].start, spans[spans.length - 1].end);
    const clashes = findClashes(spans, booked);
    if (clashes.length) {
      const details: DateClash[] = clashes.map((c) => ({
        date: showtimes[c.index].date,
        day: formatDay(showtimes[c.index].date),
        with: [
          ...c.shows.map((b) => `${b.title} ${formatTime(b.start, theater.timeZone)}–${formatTime(b.end, theater.timeZone)}`),
          ...c.candidates.map((j) => `the new ${formatDay(showtimes[j].date)} show`),
        ],
      }));
      const days = details.map((d) => d.day).join("; ");
      throw new AppError("conflict", `Nothing was scheduled: ${screen.name} is busy on ${days}.`, { clashes: details });
    }
    const created = await insertShows(
      tx,
      spans.map((span) => ({ screenId: screen.id, movieId: movie.id, startsAt: span.start, endsAt: span.end, prices, currency })),
    );
    const showIds = created.map((c) => c.id);
    await recordAudit(tx, actor, "show.schedule", { type: "screen", id: screen.id }, {
      movie: movie.title,
      screen: screen.name,
      dates: showtimes.map((t) => t.date),
      time: input.time,
      prices,
      showIds,
    });
    return { showIds, dates: showtimes.map((t) => t.date) };
  });
}
