// What must hold in the database whatever happened, in whatever order, on however many
// instances: the order lifecycle's invariants (issue 16). Each check is one query returning the
// rows that break it. `npm run check:invariants` runs them over DATABASE_URL; the scale test runs
// them after its customers are done. Plain SQL over postgres.js, so a script can run it as is.
import type { Sql } from "postgres";

export type Violation = { check: string; rows: unknown[] };
export type Check = { name: string; query: (sql: Sql) => Promise<readonly unknown[]> };

export const invariants: Check[] = [
  {
    name: "no seat of a show has two live tickets",
    query: (sql) => sql`
      select show_id, seat_id, count(*)::int as live from tickets
      where status <> 'voided' group by show_id, seat_id having count(*) > 1`,
  },
  {
    name: "every paid order has a live ticket for each of its seats",
    query: (sql) => sql`
      select o.id as order_id, os.seat_id from orders o
      join order_seats os on os.order_id = o.id
      left join tickets t on t.order_id = o.id and t.seat_id = os.seat_id and t.status <> 'voided'
      where o.status = 'paid' and os.cancelled_at is null and t.id is null`,
  },
  {
    name: "live tickets belong to paid orders only (refunded, cancelled, expired and pending have none)",
    query: (sql) => sql`
      select o.id as order_id, o.status::text as status, count(*)::int as live from tickets t
      join orders o on o.id = t.order_id
      where t.status <> 'voided' and o.status <> 'paid'
      group by o.id, o.status`,
  },
  {
    name: "no paid order on a cancelled show",
    query: (sql) => sql`
      select o.id as order_id, o.show_id from orders o join shows s on s.id = o.show_id
      where o.status = 'paid' and s.status = 'cancelled'`,
  },
  {
    name: "every paid order's total is its live tickets plus its order fee, to the cent, with nothing refunded",
    query: (sql) => sql`
      select o.id as order_id, o.total_amount, o.order_fee,
             coalesce(sum(os.amount) filter (where t.id is not null), 0)::int as live_amount, o.stripe_refund_id
      from orders o
      join order_seats os on os.order_id = o.id and os.cancelled_at is null
      left join tickets t on t.order_id = o.id and t.seat_id = os.seat_id and t.status <> 'voided'
      where o.status = 'paid'
      group by o.id
      having o.total_amount <> coalesce(sum(os.amount) filter (where t.id is not null), 0) + o.order_fee or o.stripe_refund_id is not null`,
  },
  {
    name: "every order's total is the sum of its lines plus its order fee, each line price + fee + added tax − discount (issue 18)",
    query: (sql) => sql`
      select o.id as order_id, o.total_amount, o.order_fee, (sum(os.amount) filter (where os.cancelled_at is null))::int as lines
      from orders o join order_seats os on os.order_id = o.id
      group by o.id
      -- Lines cancelled on their own (issue 21) were refunded and left the total; a refunded order keeps what it charged.
      having (o.status in ('pending', 'paid') and o.total_amount <> coalesce(sum(os.amount) filter (where os.cancelled_at is null), 0) + o.order_fee)
          or bool_or(os.amount <> os.price + os.fee + (case when o.tax_included then 0 else os.tax end) - os.discount)
          or bool_or(os.discount > os.price)`,
  },
  {
    // A box office order's money goes back at the counter (recorded by refunded_at), never at the provider.
    name: "every refunded order's payment was refunded at the provider (or at the counter)",
    query: (sql) => sql`
      select id as order_id, refund_reason, stripe_payment_intent_id from orders
      where status = 'refunded' and (case when payment_method = 'online'
        then stripe_refund_id is null and not (total_amount = 0 and stripe_payment_intent_id is null)
        else refunded_at is null end)`,
  },
  {
    name: "money paid = live tickets + order fees of paid orders + refunded, to the cent",
    query: (sql) => sql`
      select * from (
        select
          (select coalesce(sum(total_amount), 0) from orders where (stripe_payment_intent_id is not null or payment_method <> 'online') and status in ('paid', 'refunded'))::bigint as paid,
          (select coalesce(sum(os.amount), 0) from tickets t join order_seats os on os.order_id = t.order_id and os.seat_id = t.seat_id
             join orders o on o.id = t.order_id where t.status <> 'voided' and (o.stripe_payment_intent_id is not null or o.payment_method <> 'online'))::bigint as live_tickets,
          (select coalesce(sum(order_fee), 0) from orders where status = 'paid' and (stripe_payment_intent_id is not null or payment_method <> 'online'))::bigint as order_fees,
          (select coalesce(sum(total_amount), 0) from orders where status = 'refunded' and (stripe_refund_id is not null or (payment_method <> 'online' and refunded_at is not null)))::bigint as refunded
      ) m where paid <> live_tickets + order_fees + refunded`,
  },
  {
    name: "each promo code's count is its held and used redemptions, within its limit",
    query: (sql) => sql`
      select p.id as promo_code_id, p.code, p.redemptions, p.max_redemptions,
             (select count(*)::int from promo_redemptions r where r.promo_code_id = p.id and r.status <> 'released') as live
      from promo_codes p
      where p.redemptions <> (select count(*) from promo_redemptions r where r.promo_code_id = p.id and r.status <> 'released')
         or (p.max_redemptions is not null and p.redemptions > p.max_redemptions)`,
  },
  {
    name: "a redemption is used exactly when its order is paid",
    query: (sql) => sql`
      select r.id, r.status::text as status, o.status::text as order_status from promo_redemptions r join orders o on o.id = r.order_id
      where (o.status = 'paid') <> (r.status = 'used') and not (o.status = 'pending' and r.status = 'held')`,
  },
  {
    name: "each payment the local gateway took is a paid order's tickets or refunded, to the cent",
    // An order's own payment: kept whole, less what its partial cancellations and cheaper swaps
    // returned (issue 21), or refunded in full. A swap's difference (a session of its own, keyed
    // by the swap): kept while the swap stands on a paid order, refunded in full otherwise.
    query: (sql) => sql`
      select s.id as session_id, s.amount_total, s.amount_refunded, o.id as order_id, o.status::text as status, a.id as swap_id, a.status::text as swap_status
      from local_checkout_sessions s
      left join orders o on o.id = s.order_id
      left join order_adjustments a on a.id = s.order_id
      left join orders ao on ao.id = a.order_id
      where s.payment_status = 'paid'
        and not (
          (o.id is not null and o.stripe_payment_intent_id is not distinct from s.payment_intent_id
            and ((o.status = 'paid' and s.amount_refunded = (select coalesce(sum(-x.difference), 0) from order_adjustments x
                                                              where x.order_id = o.id and x.status = 'completed' and x.difference < 0))
                 or (o.status = 'refunded' and s.amount_refunded = s.amount_total)))
          or (a.id is not null and a.stripe_payment_intent_id is not distinct from s.payment_intent_id
            and ((a.status = 'completed' and ao.status = 'paid' and s.amount_refunded = 0)
                 or (a.status = 'completed' and ao.status = 'refunded' and s.amount_refunded = s.amount_total)
                 or (a.status in ('failed', 'expired', 'cancelled') and s.amount_refunded = s.amount_total))))`,
  },
  {
    name: "every swap or partial cancellation returned the money it owes",
    query: (sql) => sql`
      select id as adjustment_id, order_id, kind::text as kind, status::text as status, difference from order_adjustments
      where stripe_refund_id is null
        and ((status = 'completed' and difference < 0)
             or (status in ('failed', 'expired', 'cancelled') and stripe_payment_intent_id is not null))`,
  },
  {
    name: "a completed swap left its order on the new show with the new seats' tickets",
    query: (sql) => sql`
      select a.id as adjustment_id, a.order_id from order_adjustments a join orders o on o.id = a.order_id
      where a.kind = 'swap' and a.status = 'completed' and o.status = 'paid'
        and a.completed_at = (select max(completed_at) from order_adjustments l where l.order_id = a.order_id and l.kind = 'swap' and l.status = 'completed')
        and (o.show_id <> a.to_show_id
             or exists (select 1 from tickets t where t.order_id = o.id and t.status <> 'voided' and t.show_id <> a.to_show_id))`,
  },
  {
    name: "exactly one booking confirmation per paid order",
    query: (sql) => sql`
      select o.id as order_id, count(e.id)::int as confirmations from orders o
      left join email_outbox e on e.dedupe_key = 'booking-confirmed:' || o.id
      where o.status = 'paid' and o.email <> '' group by o.id having count(e.id) <> 1`,
  },
  {
    name: "exactly one refund email per refunded order",
    query: (sql) => sql`
      select o.id as order_id, count(e.id)::int as refund_emails from orders o
      left join email_outbox e on e.dedupe_key = 'booking-refunded:' || o.id
      where o.status = 'refunded' and o.email <> '' group by o.id having count(e.id) <> 1`,
  },
  {
    name: "no webhook event unprocessed for more than a minute",
    query: (sql) => sql`
      select id, type, outcome, received_at from stripe_events
      where processed_at is null and received_at < now() - interval '1 minute'`,
  },
];

export async function runChecks(sql: Sql, checks: Check[] = invariants): Promise<{ passed: string[]; violations: Violation[] }> {
  const passed: string[] = [];
  const violations: Violation[] = [];
  for (const check of checks) {
    const rows = await check.query(sql);
    if (rows.length) violations.push({ check: check.name, rows: [...rows] });
    else passed.push(check.name);
  }
  return { passed, violations };
}
