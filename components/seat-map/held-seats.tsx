import "server-only";
import { getDb } from "@/db/client";
import { showWithSeats } from "@/db/queries/catalog";
import { readHolderId } from "@/lib/booking/holder";
import { toMapLayout } from "@/lib/booking/map-layout";
import { seatSnapshot } from "@/lib/booking/seat-snapshot";
import { priceBasket } from "@/lib/booking/price-basket";
import { typesFrom, type ContinueChoices } from "@/lib/seat-map/continue-path";
import { describeSeats, formatPrice } from "@/lib/seat-map/format";
import { formatDateTime } from "@/lib/time";
import { HoldCountdown } from "./hold-countdown";

// The seats a customer holds for a show, for the pages of a sign-in detour (sign-in, check
// your email): the purchase keeps its place on screen while they sign in.

export type HeldSeats = {
  showId: string;
  title: string;
  when: string;
  seatIds: string[];
  seatsText: string;
  totalText: string;
  expiresAt: number;
};

/**
 * What this visitor (holder cookie) holds for the show now, or null when nothing. The total is
 * priced as checkout will price it (ticket types and code carried by the continue path, Adult
 * otherwise, fees and tax); if that choice cannot be priced, the seats at their listed prices.
 */
export async function heldSeatsOf(showId: string, choices: ContinueChoices = {}): Promise<HeldSeats | null> {
  const holder = await readHolderId();
  if (!holder) return null;
  const db = await getDb();
  const detail = await showWithSeats(db, showId);
  if (!detail) return null;
  const layout = toMapLayout(detail);
  const snapshot = await seatSnapshot(db, showId, holder);
  const seats = layout.seats.filter((s) => snapshot.states[s.id] === "mine");
  if (seats.length === 0 || snapshot.holdExpiresAt === null) return null;
  const prices = new Map(layout.tiers.map((t) => [t.name, t.price]));
  return {
    showId,
    title: detail.movie.title,
    when: formatDateTime(detail.show.startsAt, detail.theater.timeZone),
    seatIds: seats.map((s) => s.id),
    seatsText: describeSeats(seats),
    totalText: formatPrice(
      await priceBasket(db, { id: showId }, seats, { types: typesFrom(choices.types), promoCode: choices.promo })
        .then((b) => b.total)
        .catch(() => seats.reduce((sum, s) => sum + (prices.get(s.tier) ?? 0), 0)),
      layout.currency,
    ),
    expiresAt: snapshot.holdExpiresAt,
  };
}

/** The held seats, their total and the live countdown. */
export function HeldSeatsPanel({ held }: { held: HeldSeats }) {
  const count = held.seatIds.length;
  return (
    <section aria-label="Your seats" data-testid="held-seats" className="space-y-1 rounded-xl border border-gold/40 bg-panel p-4">
      <p className="font-semibold">
        {held.title} · {held.when}
      </p>
      <p className="text-zinc-200">
        {count} {count === 1 ? "seat" : "seats"}: {held.seatsText}
      </p>
      <p className="text-lg font-semibold">Total {held.totalText}</p>
      <p className="text-sm text-zinc-200">
        <HoldCountdown expiresAt={held.expiresAt} />
      </p>
    </section>
  );
}
