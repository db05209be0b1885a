import "server-only";
import { getDb } from "@/db/client";
import { movieForAdmin } from "@/db/queries/movies";
import { priceCardsOfTheater } from "@/db/queries/pricing";
import { insertShows, scheduledSpansOnScreen } from "@/db/queries/shows";
import { lockScreen, screenWithTheater } from "@/db/queries/venue";
import { AppError, fieldError } from "@/lib/errors";
import { formatDay, formatTime } from "@/lib/time";
import type { AdminActor } from "@/lib/auth/session-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { pickCard } from "./card-pick";
import { missingTiers } from "@/lib/pricing/snapshot";
import { applyPriceCard } from "./show-price-card";
import { dailyShowtimes, findClashes, showSpan } from "./show-overlap";
import { tagsOfScreenFormat } from "./screen-format-tags";
import type { ScheduleShowsInput } from "./show-input";

export type DateClash = { date: string; day: string; with: string[] };
export type ScheduleResult = { showIds: string[]; dates: string[]; cards: { date: string; card: string; why: string }[]; tags: string[] };

/**
 * Schedules a movie on a screen at one local time on one or more consecutive days, all or
 * nothing: if any of the days clashes with a scheduled show (or the new shows meet each other),
 * nothing is created and every clashing date is reported. Each show goes on sale with the price
 * card the rules pick for its own day and time (a week may mix a Tuesday card in), or the one the
 * admin chose, and a snapshot of its prices. The shows get the tags asked for, or (none asked
 * for) the ones the screen's format names: an IMAX screen's shows are IMAX.
 */
export async function scheduleShows(actor: AdminActor, input: ScheduleShowsInput, now = new Date()): Promise<ScheduleResult> {
  const db = await getDb();
  const movie = await movieForAdmin(db, input.movieId);
  if (!movie || movie.status !== "active") throw fieldError("movieId", "Choose a movie that is not archived.");
  const found = await screenWithTheater(db, input.screenId);
  if (!found) throw fieldError("screenId", "Choose a screen.");
  const { screen, theater } = found;
  // Shows are priced and charged in the theater's currency.
  const { currency, timeZone } = theater;
  const tags = input.tags ?? tagsOfScreenFormat(screen.format);

  const showtimes = dailyShowtimes(input.date, input.time, input.days, timeZone);
  if (showtimes[0].start <= now) throw fieldError("time", "That start time has already passed.");
  const spans = showtimes.map((t) => showSpan(t.start, movie.runtimeMinutes));

  // Each day's card is checked first, so a refusal names the day; applyPriceCard then stores it.
  const cards = await priceCardsOfTheater(db, theater.id);
  if (input.priceCardId && !cards.some((c) => c.id === input.priceCardId)) throw fieldError("priceCardId", "Choose a price card of this theater that is not retired.");
  const priced = showtimes.map((t) => {
    const pick = pickCard(cards, { startsAt: t.start, timeZone, format: screen.format }, input.priceCardId ?? null);
    const when = `${formatDay(t.date)} ${input.time}`;
    if (!pick) throw fieldError("priceCardId", `No price card fits ${when} on ${screen.name}: make a default card, or choose a card.`);
    const missing = missingTiers(pick.card, screen.tiers);
    if (missing.length) throw fieldError("priceCardId", `${pick.card.name} (picked for ${when}) has no ${missing.join(", ")} prices, which ${screen.name} sells: add them to the card, or choose another.`);
    return { pick, date: t.date };
  });

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
          ...c.shows.map((b) => `${b.title} ${formatTime(b.start, timeZone)}–${formatTime(b.end, timeZone)}`),
          ...c.candidates.map((j) => `the new ${formatDay(showtimes[j].date)} show`),
        ],
      }));
      const days = details.map((d) => d.day).join("; ");
      throw new AppError("conflict", `Nothing was scheduled: ${screen.name} is busy on ${days}.`, { clashes: details });
    }
    const created = await insertShows(
      tx,
      spans.map((span) => ({
        screenId: screen.id,
        movieId: movie.id,
        startsAt: span.start,
        endsAt: span.end,
        // Replaced at once by the card's "from" prices (applyPriceCard, below, in this transaction).
        prices: {},
        currency,
        tags,
      })),
    );
    const showIds = created.map((c) => c.id);
    for (const [i, showId] of showIds.entries()) await applyPriceCard(tx, showId, { cardId: priced[i].pick.card.id, overridden: priced[i].pick.overridden, tiers: screen.tiers, now });
    const cardsUsed = priced.map((p) => ({ date: p.date, card: p.pick.card.name, why: p.pick.why }));
    await recordAudit(tx, actor, "show.schedule", { type: "screen", id: screen.id, theaterId: theater.id }, {
      movie: movie.title,
      screen: screen.name,
      dates: showtimes.map((t) => t.date),
      time: input.time,
      tags,
      cards: cardsUsed.map((c) => `${formatDay(c.date)}: ${c.card} (${c.why})`).join("; "),
      showIds,
    });
    return { showIds, dates: showtimes.map((t) => t.date), cards: cardsUsed, tags };
  });
}
