import "server-only";
import type { Db, Tx } from "@/db/client";
import { insertAuditRow } from "@/db/queries/audit";
import { theaterOfOrder, theaterOfPriceCard, theaterOfPromoCode, theaterOfScreen, theaterOfShow, theaterOfTicketType } from "@/db/queries/theater-scope";

// theaterId: the theater the change concerns (the log's theater column and filter). Left out, it
// is found from the target (issue 19): every entry about a show, screen, order, price card,
// ticket type, promo code or theater names its theater without each writer looking it up. Pass
// null for a chain-wide change (a movie, a chain admin's role).
export type AuditTarget = { type: string; id: string | null; theaterId?: string | null };

const THEATER_OF: Record<string, (db: Db | Tx, id: string) => Promise<string | null>> = {
  theater: async (_db, id) => id,
  show: theaterOfShow,
  screen: theaterOfScreen,
  order: theaterOfOrder,
  price_card: theaterOfPriceCard,
  ticket_type: theaterOfTicketType,
  promo_code: theaterOfPromoCode,
};

async function theaterOfTarget(db: Db | Tx, target: AuditTarget): Promise<string | null> {
  if (target.theaterId !== undefined) return target.theaterId;
  const find = target.id ? THEATER_OF[target.type] : undefined;
  return find ? find(db, target.id!) : null;
}

/**
 * Writes one audit row: the log's ONE entry point (check-ins, box-office sales, admin edits).
 * `action` is a dotted kind ("ticket.admit", "order.refund"); `details` carries what the log's
 * sentence needs (lib/audit/describe-entry.ts), e.g. titles and seat labels as they were. Pass the transaction that made the change when there is one, so the
 * row and the change commit (or roll back) together.
 */
export async function recordAudit(
  db: Db | Tx,
  actor: { id: string; email: string },
  action: string,
  target: AuditTarget,
  details: Record<string, unknown> = {},
  // When it happened: now, but for the check-ins of the demo's past (db/seed-sales.ts).
  at?: Date,
): Promise<void> {
  const theaterId = await theaterOfTarget(db, target);
  await insertAuditRow(db, { actorId: actor.id, actorEmail: actor.email, action, targetType: target.type, targetId: target.id, theaterId, details, ...(at ? { createdAt: at } : {}) });
}
