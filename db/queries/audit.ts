import "server-only";
import { and, desc, eq, gte, inArray, like, lt, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { auditLog, theaters } from "../schema";

export const AUDIT_PER_PAGE = 50;

/** theaterIds: a site manager's theaters (issue 19); entries of no theater or another are left out. */
export type AuditFilter = { actor?: string; theaterId?: string; theaterIds?: readonly string[]; kind?: string; from?: Date; to?: Date };

/**
 * The theater an entry concerns: the one its writer recorded, else the one its target (an order,
 * a show or a screen) belongs to, so entries written without a theater still filter right.
 */
const entryTheater = sql<string | null>`coalesce(${auditLog.theaterId}, case ${auditLog.targetType}
  when 'screen' then (select s.theater_id from screens s where s.id = ${auditLog.targetId})
  when 'show' then (select s.theater_id from shows sh join screens s on s.id = sh.screen_id where sh.id = ${auditLog.targetId})
  when 'order' then (select s.theater_id from orders o join shows sh on sh.id = o.show_id join screens s on s.id = sh.screen_id where o.id = ${auditLog.targetId})
  end)`;

function whereOf(f: AuditFilter): SQL | undefined {
  return and(
    f.actor ? eq(auditLog.actorEmail, f.actor) : undefined,
    f.theaterId ? sql`${entryTheater} = ${f.theaterId}` : undefined,
    f.theaterIds ? (f.theaterIds.length ? sql`${entryTheater} in (${sql.join(f.theaterIds.map((id) => sql`${id}`), sql`, `)})` : sql`false`) : undefined,
    // A kind is an action's first word: "ticket" is "ticket.admit", "order" is "order.refund"…
    f.kind ? like(auditLog.action, `${f.kind.replace(/[\\%_]/g, "")}.%`) : undefined,
    f.from ? gte(auditLog.createdAt, f.from) : undefined,
    f.to ? lt(auditLog.createdAt, f.to) : undefined,
  );
}

/** One page of the audit log, newest first, narrowed by the filter. */
export async function auditPage(db: Db, page: number, filter: AuditFilter = {}) {
  const where = whereOf(filter);
  const [rows, [count]] = await Promise.all([
    db
      .select({ entry: auditLog, theaterId: entryTheater })
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(AUDIT_PER_PAGE)
      .offset((page - 1) * AUDIT_PER_PAGE),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { rows, total: count.n, pages: Math.max(1, Math.ceil(count.n / AUDIT_PER_PAGE)) };
}

/** Who and what appear in the log (the entries of these theaters only, when given), for the filters. */
export async function auditFacets(db: Db, theaterIds: readonly string[] | null = null) {
  const inScope = theaterIds ? whereOf({ theaterIds }) : undefined;
  const [actors, kinds, theaterRows] = await Promise.all([
    db.selectDistinct({ email: auditLog.actorEmail }).from(auditLog).where(inScope).orderBy(auditLog.actorEmail),
    db.selectDistinct({ kind: sql<string>`split_part(${auditLog.action}, '.', 1)` }).from(auditLog).where(inScope),
    db
      .select({ id: theaters.id, name: theaters.name, timeZone: theaters.timeZone, currency: theaters.currency })
      .from(theaters)
      .where(theaterIds ? inArray(theaters.id, [...theaterIds]) : undefined)
      .orderBy(theaters.createdAt),
  ]);
  return { actors: actors.map((a) => a.email).filter((e): e is string => !!e), kinds: kinds.map((k) => k.kind).sort(), theaters: theaterRows };
}

export async function insertAuditRow(db: Db | Tx, row: Omit<typeof auditLog.$inferInsert, "id">) {
  await db.insert(auditLog).values(row);
}

/** Partial refunds staff made on an order (issue 23): adjustment id → the staff member's email. */
export async function staffCancelsOfOrder(db: Db, orderId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ adjustmentId: sql<string>`${auditLog.details}->>'adjustmentId'`, email: auditLog.actorEmail })
    .from(auditLog)
    .where(and(eq(auditLog.action, "order.cancel_seats"), eq(auditLog.targetId, orderId), sql`${auditLog.details}->>'by' = 'staff'`));
  return new Map(rows.map((r) => [r.adjustmentId, r.email ?? "staff"]));
}
