import type { MapLayout } from "@/lib/seat-map/types";
import type { showWithSeats } from "@/db/queries/catalog";

type ShowDetail = NonNullable<Awaited<ReturnType<typeof showWithSeats>>>;

/** The seat map's view of a show: geometry from the screen, prices from the show (never the client). */
export function toMapLayout(detail: ShowDetail): MapLayout {
  const tiers = detail.screen.tiers
    .filter((name) => detail.show.prices[name] !== undefined)
    .map((name) => ({ name, price: detail.show.prices[name] }));
  return {
    showId: detail.show.id,
    screenName: detail.screen.name,
    gridWidth: detail.screen.gridWidth,
    gridHeight: detail.screen.gridHeight,
    currency: detail.show.currency,
    tiers,
    seats: detail.seats.map((s) => ({ id: s.id, row: s.rowLabel, number: s.number, x: s.x, y: s.y, kind: s.kind, tier: s.tier })),
  };
}
