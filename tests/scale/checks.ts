// What must hold in the database after the scale test, whatever order things happened in on
// the two instances. Each check is one query that returns the rows breaking the rule.
import type { Sql } from "postgres";
import { invariants, runChecks, type Check, type Violation } from "../../db/invariants";
import type { Customer } from "./journey";

// The lifecycle's invariants (what `npm run check:invariants` checks), plus what this test's
// script of customers makes checkable.
const checks: Check[] = [
  ...invariants,
  {
    name: "every ticket is for a seat of its own order, in its show",
    query: (sql) => sql`
      select t.order_id, t.seat_id from tickets t
      join orders o on o.id = t.order_id
      left join order_seats os on os.order_id = t.order_id and os.seat_id = t.seat_id
      where os.seat_id is null or t.show_id <> o.show_id`,
  },
  {
    name: "every seat-conflict refund has no live tickets, a refund id and its email",
    query: (sql) => sql`
      select o.id as order_id, o.stripe_refund_id,
             (select count(*)::int from tickets t where t.order_id = o.id and t.status <> 'voided') as live_tickets,
             exists (select 1 from email_outbox e where e.dedupe_key = 'booking-refunded:' || o.id) as emailed
      from orders o
      where o.status = 'refunded' and o.refund_reason = 'seat_conflict'
        and (o.stripe_refund_id is null
             or exists (select 1 from tickets t where t.order_id = o.id and t.status <> 'voided')
             or not exists (select 1 from email_outbox e where e.dedupe_key = 'booking-refunded:' || o.id))`,
  },
  {
    name: "every seat-conflict refund matches a seat sold to another paid order",
    query: (sql) => sql`
      select o.id as order_id from orders o
      where o.status = 'refunded' and o.refund_reason = 'seat_conflict'
        and not exists (
          select 1 from order_seats os
          join tickets t on t.show_id = o.show_id and t.seat_id = os.seat_id and t.status <> 'voided'
          join orders winner on winner.id = t.order_id and winner.status = 'paid' and winner.id <> o.id
          where os.order_id = o.id)`,
  },
  {
    name: "no pending order past its expiry has live tickets",
    query: (sql) => sql`
      select o.id as order_id from orders o
      where o.status = 'pending' and o.expires_at < now()
        and exists (select 1 from tickets t where t.order_id = o.id and t.status <> 'voided')`,
  },
  {
    name: "every paid local checkout belongs to a paid or refunded order",
    query: (sql) => sql`
      select s.id as session_id, o.status::text as status from local_checkout_sessions s
      join orders o on o.id = s.order_id
      where s.payment_status = 'paid' and o.status not in ('paid', 'refunded')`,
  },
];

export function databaseChecks(sql: Sql): Promise<{ passed: string[]; violations: Violation[] }> {
  return runChecks(sql, checks);
}

/**
 * What each customer was shown must be what the database says: a "paid" page is a paid order,
 * a refund page a seat-conflict refund, a cancellation a cancelled order; a customer who never
 * reached checkout has no order at all.
 */
export async function journeyAgreesWithDatabase(sql: Sql, customers: Customer[]): Promise<Violation[]> {
  const rows = await sql<{ user_id: string; status: string; refund_reason: string | null; stripe_session_id: string | null }[]>`
    select user_id, status::text as status, refund_reason, stripe_session_id from orders`;
  type Row = (typeof rows)[number];
  const byUser = new Map<string, Row[]>();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
  const wrong: unknown[] = [];
  for (const c of customers) {
    const orders = byUser.get(c.userId) ?? [];
    const ofSession = orders.find((o) => o.stripe_session_id === c.sessionId);
    const fail = (expected: string) => wrong.push({ customer: c.index, outcome: c.outcome, expected, found: orders.map((o) => `${o.status}${o.refund_reason ? `:${o.refund_reason}` : ""}`) });
    switch (c.outcome) {
      case "paid":
        // The box office may refund it, or the show be cancelled, after the customer saw tickets.
        if (ofSession?.status !== "paid" && !(ofSession?.status === "refunded" && ["admin", "show_cancelled"].includes(ofSession.refund_reason ?? ""))) fail("paid");
        break;
      case "refunded":
        if (ofSession?.status !== "refunded" || !["seat_conflict", "show_cancelled"].includes(ofSession.refund_reason ?? "")) fail("refunded:seat_conflict|show_cancelled");
        break;
      case "session-ended":
        if (ofSession?.status !== "cancelled" && ofSession?.status !== "refunded") fail("cancelled or refunded");
        break;
      case "cancelled":
        if (ofSession?.status !== "cancelled") fail("cancelled");
        break;
      case "released":
      case "sold-out":
      case "gave-up":
        if (orders.length) fail("no order");
        break;
      case "checkout-refused":
        if (orders.some((o) => o.status === "paid" || o.status === "pending")) fail("no live order");
        break;
      default:
        break;
    }
  }
  return wrong.length ? [{ check: "what customers were shown matches the database", rows: wrong }] : [];
}
