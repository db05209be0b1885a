import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { auditLog } from "../schema";

export const AUDIT_PER_PAGE = 50;

/** One page of the audit log, newest first, optionally one action's rows only. */
export async function auditPage(db: Db, page: number, action?: string) {
  const where = action ? eq(auditLog.action, action) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(AUDIT_PER_PAGE)
      .offset((page - 1) * AUDIT_PER_PAGE),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { rows, total: count.n, pages: Math.max(1, Math.ceil(count.n / AUDIT_PER_PAGE)) };
}

/** The actions that appear in the log, for the filter. */
export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}

export async function insertAuditRow(db: Db | Tx, row: Omit<typeof auditLog.$inferInsert, "id" | "createdAt">) {
  await db.insert(auditLog).values(row);
}
