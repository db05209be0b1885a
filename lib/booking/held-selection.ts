import "server-only";
import type { Db } from "@/db/client";
import { activeSeatsOfScreen, unavailableSeatIdsOfShow } from "@/db/queries/show-seats";
import { AppError } from "@/lib/errors";
import { getSeatLocks } from "@/lib/seat-locks";
import { validateSelection } from "@/lib/seat-map/rules";
import { heldBy } from "./holds";
import { seatIdsOfShow } from "./seat-ids";

/**
 * The seats a holder holds in a show, checked the way checkout checks them: held (the lock
 * store's holder index), not sold (Postgres), and within the cinema's rules (orphans, companion
 * seats) whatever the client did. Checkout and a swap both start here.
 */
export async function heldSelection(db: Db, show: { id: string; screenId: string }, holder: string) {
  const [mine, holders, sold, screenSeats] = await Promise.all([
    heldBy(db, show.id, holder),
    seatIdsOfShow(db, show.id).then((ids) => getSeatLocks().holders(show.id, ids)),
    // Sold, or kept by the house (house seats): neither can be bought.
    unavailableSeatIdsOfShow(db, show.id),
    activeSeatsOfScreen(db, show.screenId),
  ]);
  if (!mine.length) throw new AppError("gone", "Your seats are no longer held. Please choose them again.");
  const mineSet = new Set(mine);
  if (sold.some((id) => mineSet.has(id))) throw new AppError("conflict", "Some of your seats have just been sold or kept by the theater. Please choose again.");
  const taken = new Set([...sold, ...[...holders].filter(([, h]) => h !== holder).map(([id]) => id)]);
  const detailSeats = screenSeats.map((s) => ({ id: s.id, row: s.rowLabel, number: s.number, x: s.x, y: s.y, kind: s.kind, tier: s.tier }));
  const verdict = validateSelection({ seats: detailSeats, taken, selected: mineSet, maxSeats: Number.MAX_SAFE_INTEGER });
  if (!verdict.ok) throw new AppError("bad_input", verdict.message, { reason: verdict.reason });
  return { mine, seatRows: screenSeats.filter((s) => mineSet.has(s.id)) };
}
