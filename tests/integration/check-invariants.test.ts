import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { emailOutbox, shows, stripeEvents } from "@/db/schema";
import { runChecks } from "@/db/invariants";
import { refundOrder } from "@/lib/booking/refund-order";
import { sellAtBoxOffice } from "@/lib/booking/box-office-sale";
import { holdSeats } from "@/lib/booking/holds";
import { bookingWorld } from "../support/booking-fixture";

// The invariant checker finds nothing after legal work, and names each kind of damage. It reads
// Postgres itself (as CI runs it after the e2e suite and the scale test), so it needs DATABASE_URL.

const run = promisify(execFile);
let world: Awaited<ReturnType<typeof bookingWorld>>;
let sql: postgres.Sql;
beforeAll(async () => {
  world = await bookingWorld();
  sql = postgres(world.databaseUrl ?? "", { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await world?.close();
});

async function checker(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/check-invariants.ts"], { env: { ...process.env, DATABASE_URL: world.databaseUrl! } });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

describe.runIf(process.env.DATABASE_URL)("npm run check:invariants", () => {
  it("finds nothing after sales and refunds, and exits 0", async () => {
    const { show, seat } = await world.aShow(1);
    await world.buy(show.id, [seat("A", 1).id, seat("A", 2).id]);
    const { orderId } = await world.buy(show.id, [seat("B", 1).id, seat("B", 2).id]);
    await refundOrder(world.db, orderId, "admin");
    // Counter sales: paid in cash (no address, so no email) and on the terminal, one refunded.
    const staff = await world.admin(`till-${crypto.randomUUID().slice(0, 6)}@example.com`);
    for (const [row, method] of [["D", "cash"], ["E", "card_terminal"]] as const) {
      const counter = crypto.randomUUID().replace(/-/g, "");
      await holdSeats(world.db, { showId: show.id, seatIds: [seat(row, 1).id] }, counter);
      const sale = await sellAtBoxOffice(world.db, staff, counter, { showId: show.id, method, email: "" });
      if (method === "card_terminal") await refundOrder(world.db, sale.orderId, "admin");
    }
    expect((await runChecks(sql)).violations).toEqual([]);
    expect(await checker()).toMatchObject({ code: 0 });
  });

  it("names a paid order on a cancelled show, a missing confirmation and an event left unprocessed, and exits 1", async () => {
    const { show, seat } = await world.aShow(2);
    const { orderId } = await world.buy(show.id, [seat("C", 1).id, seat("C", 2).id]);
    await world.db.update(shows).set({ status: "cancelled" }).where(eq(shows.id, show.id));
    await world.db.delete(emailOutbox).where(eq(emailOutbox.dedupeKey, `booking-confirmed:${orderId}`));
    await world.db.insert(stripeEvents).values({ id: "evt_stuck", type: "checkout.session.completed", receivedAt: new Date(Date.now() - 5 * 60_000) });

    const broken = (await runChecks(sql)).violations.map((v) => v.check);
    expect(broken).toEqual(["no paid order on a cancelled show", "exactly one booking confirmation per paid order", "no webhook event unprocessed for more than a minute"]);
    const { code, out } = await checker();
    expect(code).toBe(1);
    expect(out).toContain("FAIL  no paid order on a cancelled show (1)");
  });
});
