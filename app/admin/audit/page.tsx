import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db/client";
import { auditActions, auditPage } from "@/db/queries/audit";
import { getTheater } from "@/db/queries/venue";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { orderReference } from "@/lib/admin/order-reference";
import { formatDay, formatTime, localDate } from "@/lib/time";
import { AdminTable } from "@/components/admin/admin-table";

export const metadata = { title: "Audit log" };

const querySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  action: z.string().trim().max(80).optional().catch(undefined),
});

// Targets that have an admin page of their own get a link to it.
const TARGET_PAGES: Record<string, (id: string) => { href: string; text: string }> = {
  movie: (id) => ({ href: `/admin/movies/${id}`, text: "movie" }),
  order: (id) => ({ href: `/admin/bookings/${id}`, text: `order ${orderReference(id)}` }),
};

function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" · ")
    .slice(0, 300);
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const { page, action } = querySchema.parse(await searchParams);
  const db = await getDb();
  const [log, actions, theater] = await Promise.all([auditPage(db, page, action || undefined), auditActions(db), getTheater(db)]);
  const tz = theater?.timeZone ?? "UTC";
  const pageHref = (p: number) => `/admin/audit?${new URLSearchParams({ ...(action ? { action } : {}), page: String(p) })}`;

  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="text-sm text-zinc-300">Every change made from the admin pages: who, what and when, newest first.</p>
      <form method="get" action="/admin/audit" className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1">
          <label htmlFor="audit-action" className="text-sm font-medium">
            Action
          </label>
          <select id="audit-action" name="action" defaultValue={action ?? ""} className="rounded-md border border-line bg-ink px-3 py-2">
            <option value="">All actions</option>
            {actions.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </div>
        <button className="rounded-lg border border-gold px-4 py-2 font-semibold text-gold">Filter</button>
      </form>
      <p role="status" className="text-sm text-zinc-300">
        {log.total === 0 ? "Nothing has been logged yet." : `${log.total} entr${log.total === 1 ? "y" : "ies"} · page ${Math.min(page, log.pages)} of ${log.pages}`}
      </p>
      {log.rows.length > 0 && (
        <AdminTable caption="Audit log, newest first" columns={[{ label: "When" }, { label: "Who" }, { label: "What" }, { label: "Details" }]}>
          {log.rows.map((row) => {
            const target = row.targetId ? TARGET_PAGES[row.targetType]?.(row.targetId) : undefined;
            return (
              <tr key={row.id} className="border-t border-line align-top">
                <td className="px-3 py-2 whitespace-nowrap">
                  <time dateTime={row.createdAt.toISOString()}>
                    {formatDay(localDate(row.createdAt, tz))} {formatTime(row.createdAt, tz)}
                  </time>
                </td>
                <td className="max-w-56 truncate px-3 py-2" title={row.actorEmail ?? undefined}>
                  {row.actorEmail ?? "system"}
                </td>
                <td className="px-3 py-2">
                  <span className="font-mono">{row.action}</span>
                  {target && (
                    <>
                      {" "}
                      <Link href={target.href} className="text-gold underline">
                        {target.text}
                      </Link>
                    </>
                  )}
                </td>
                <td className="px-3 py-2 break-words text-zinc-200">{describeDetails(row.details)}</td>
              </tr>
            );
          })}
        </AdminTable>
      )}
      {log.pages > 1 && (
        <nav aria-label="Audit log pages" className="flex gap-3">
          {page > 1 && (
            <Link href={pageHref(page - 1)} className="rounded-md border border-line px-3 py-1.5 text-sm">
              Newer entries
            </Link>
          )}
          {page < log.pages && (
            <Link href={pageHref(page + 1)} className="rounded-md border border-line px-3 py-1.5 text-sm">
              Older entries
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
