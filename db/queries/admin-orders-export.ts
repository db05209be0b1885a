import "server-only";
import { and, asc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { orderSeats, orders, screens, users } from "../schema";
import type { TheaterWindow } from "./admin-dashboard";
import { selectOrdersWithShow } from "./orders-with-show";
import { inSeatOrder } from "./seat-order";

const BATCH = 500;

/**
 * Orders created in the windows (each theater's own days, issue 19; a theater with no window is
 * not exported), oldest first, in batches: keyset paging on (created_at, id) so a large export
 * never holds every order in memory and never skips or repeats a row.
 */
export async function* ordersForExport(db: Db, windows: readonly TheaterWindow[]) {
  if (windows.length === 0) return;
  const inWindows = or(...windows.map((w) => and(eq(screens.theaterId, w.theaterId), gte(orders.createdAt, w.from), lt(orders.createdAt, w.to))));
  let afterId: string | null = null;
  for (;;) {
    const page = await selectOrdersWithShow(db)
      .where(
        and(
          inWindows,
          // Compared with the stored timestamp itself: a JS Date would drop its microseconds.
          afterId ? sql`(${orders.createdAt}, ${orders.id}) > (select o.created_at, o.id from orders o where o.id = ${afterId})` : undefined,
        ),
      )
      .orderBy(asc(orders.createdAt), asc(orders.id))
      .limit(BATCH);
    if (page.length === 0) return;
    const seatRows = await db
      .select()
      .from(orderSeats)
      .where(inArray(orderSeats.orderId, page.map((p) => p.order.id)))
      .orderBy(...inSeatOrder());
    // Who sold a box office order, by email (staff are few; one read per page).
    const sellerIds = [...new Set(page.flatMap((p) => (p.order.soldBy ? [p.order.soldBy] : [])))];
    const sellers = new Map(sellerIds.length ? (await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, sellerIds))).map((u) => [u.id, u.email]) : []);
    for (const row of page) yield { ...row, seats: seatRows.filter((s) => s.orderId === row.order.id), seller: row.order.soldBy ? (sellers.get(row.order.soldBy) ?? null) : null };
    afterId = page[page.length - 1].order.id;
    if (page.length < BATCH) return;
  }
}
