import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { uniqueViolation } from "@/db/client";
import { orderSeats, orders, shows } from "@/db/schema";
import { activeSeatsOfScreen, unavailableSeatIdsOfShow } from "@/db/queries/show-seats";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AdminActor } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { getSeatLocks } from "@/lib/seat-locks";
import { validateSelection } from "@/lib/seat-map/rules";
import { choicesFrom, typesFrom } from "@/lib/seat-map/continue-path";
import { fulfil } from "./fulfil";
import { heldBy } from "./holds";
import { orderMoneyColumns, orderSeatRows, priceBasket } from "./price-basket";
import { seatLabel } from "./seat-label";
import { assertBookable, bookableShow } from "./show-guard";
import { seatIdsOfShow } from "./seat-ids";

export const COUNTER_METHODS = ["cash", "card_terminal"] as const;
export type CounterMethod = (typeof COUNTER_METHODS)[number];

export const boxOfficeSaleSchema = z.object({
  showId: z.uuid({ message: "That is not a show id." }),
  method: z.enum(COUNTER_METHODS, { message: "Choose cash or card terminal." }),
  // Optional: a customer who gives an address gets the tickets by email too.
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.union([z.literal(""), z.email({ message: "That email address does not look right." })]))
    .optional()
    .transform((e) => e || ""),
  // "seat:type,…" as chosen at the counter (the same encoding as the online summary); a seat not
  // named is the show's first type (Adult).
  types: z.string().max(4000).optional().transform((t) => typesFrom(choicesFrom(t, null).types)),
});
export type BoxOfficeSaleInput = z.infer<typeof boxOfficeSaleSchema>;

/** The seats the counter holds for a show, priced by the one pricing function (what the pay step shows). */
export async function counterBasket(db: Db, showId: string, holder: string, types?: Record<string, string>) {
  const show = await bookableShow(db, showId);
  const [mine, screenSeats] = await Promise.all([heldBy(db, showId, holder), activeSeatsOfScreen(db, show.screenId)]);
  const held = new Set(mine);
  const seatRows = screenSeats.filter((s) => held.has(s.id));
  if (!seatRows.length) return { show, priced: null, seats: seatRows };
  const priced = await priceBasket(db, show, seatRows, { types });
  return { show, priced, seats: seatRows };
}

/**
 * Sells, at the counter, the seats this staff member's seat map holds: the same holds, rules and
 * price as online checkout. The money has been taken in cash or on the card terminal (no Stripe
 * call); the order is inserted pending with its seats, then the ONE fulfilment (`fulfil`) turns
 * it into tickets under the unique live-seat index, releases the locks and emails the tickets
 * when the customer gave an address. A seat sold meanwhile ends the order refunded
 * (`seat_conflict`): staff are told to give the money back.
 */
export async function sellAtBoxOffice(db: Db, actor: AdminActor, holder: string, input: Omit<BoxOfficeSaleInput, "types"> & { types?: Record<string, string> }, now = new Date()) {
  const show = await bookableShow(db, input.showId, now);
  const [mine, holders, unavailable, screenSeats] = await Promise.all([
    heldBy(db, input.showId, holder),
    seatIdsOfShow(db, input.showId).then((ids) => getSeatLocks().holders(input.showId, ids)),
    unavailableSeatIdsOfShow(db, input.showId),
    activeSeatsOfScreen(db, show.screenId),
  ]);
  if (!mine.length) throw new AppError("gone", "No seats are held at this counter. Choose them on the map again.");
  const mineSet = new Set(mine);
  if (unavailable.some((id) => mineSet.has(id))) throw new AppError("conflict", "Some of these seats have just been sold or kept by the house. Choose again.");
  const seatRows = screenSeats.filter((s) => mineSet.has(s.id));
  const taken = new Set([...unavailable, ...[...holders].filter(([, h]) => h !== holder).map(([id]) => id)]);
  const detailSeats = screenSeats.map((s) => ({ id: s.id, row: s.rowLabel, number: s.number, x: s.x, y: s.y, kind: s.kind, tier: s.tier }));
  const verdict = validateSelection({ seats: detailSeats, taken, selected: mineSet, maxSeats: Number.MAX_SAFE_INTEGER });
  if (!verdict.ok) throw new AppError("bad_input", verdict.message, { reason: verdict.reason });
  // The same engine as online; staff choose each seat's type (Adult by default). No promo code at
  // the counter: a discount there is the staff's call, not a code's.
  const priced = await priceBasket(db, show, seatRows, { types: input.types, now });
  const total = priced.total;

  const orderId = crypto.randomUUID();
  const labels = seatRows.map((s) => seatLabel(s.rowLabel, s.number));
  try {
    await db.transaction(async (tx) => {
      // Share lock: a show cancellation either sees this order (and refunds it) or stops it.
      const [current] = await tx.select().from(shows).where(eq(shows.id, input.showId)).for("share");
      assertBookable(current, now);
      await tx.insert(orders).values({
        id: orderId,
        userId: null,
        showId: input.showId,
        holderId: holder,
        email: input.email,
        ...orderMoneyColumns(priced),
        currency: show.currency,
        channel: "box_office",
        paymentMethod: input.method,
        soldBy: actor.id,
      });
      await tx.insert(orderSeats).values(orderSeatRows(orderId, priced, seatRows));
      await recordAudit(tx, actor, "box_office.sale", { type: "order", id: orderId }, { showId: input.showId, method: input.method, total, currency: show.currency, seats: labels, email: input.email || null });
    });
  } catch (err) {
    if (uniqueViolation(err) === "orders_one_pending_per_holder") throw new AppError("conflict", "This counter is finishing another sale of this show. Try again in a moment.");
    throw err;
  }

  const outcome = await fulfil(db, orderId, null);
  if (outcome !== "paid" && outcome !== "already_paid") {
    log.warn({ orderId, outcome }, "box office sale could not be honoured");
    throw new AppError("conflict", "A seat was sold elsewhere at the same moment: no tickets were issued. Give the money back and choose again.", { orderId, outcome });
  }
  log.info({ orderId, method: input.method, staff: actor.id }, "box office sale");
  return { orderId, total, currency: show.currency, seats: labels, method: input.method, emailed: Boolean(input.email) };
}
