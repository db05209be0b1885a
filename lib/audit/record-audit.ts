import "server-only";
import type { Db, Tx } from "@/db/client";
import { insertAuditRow } from "@/db/queries/audit";

export type AuditTarget = { type: string; id: string | null };

/**
 * Writes one audit row. Pass the transaction that made the change when there is one, so the
 * row and the change commit (or roll back) together.
 */
export async function recordAudit(
  db: Db | Tx,
  actor: { id: string; email: string },
  action: string,
  target: AuditTarget,
  details: Record<string, unknown> = {},
): Promise<void> {
  await insertAuditRow(db, { actorId: actor.id, actorEmail: actor.email, action, targetType: target.type, targetId: target.id, details });
}
