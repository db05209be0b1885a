import "server-only";
import type { Db, Tx } from "@/db/client";
import { insertAuditRow } from "@/db/queries/audit";

// theaterId: the theater the change concerns, when there is one (the log's theater filter).
export type AuditTarget = { type: string; id: string | null; theaterId?: string | null };

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
  await insertAuditRow(db, { actorId: actor.id, actorEmail: actor.email, action, targetType: target.type, targetId: target.id, theaterId: target.theaterId ?? null, details, ...(at ? { createdAt: at } : {}) });
}
