import type { ReactNode } from "react";
import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db/client";
import { auditFacets, auditPage } from "@/db/queries/audit";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { managesTheater, scopedTheaterIds } from "@/lib/auth/theater-scope";
import { auditKindLabel, auditKindOf, describeAuditEntry } from "@/lib/audit/describe-entry";
import { formatDay, formatTime, isIsoDate, localDate, localDays } from "@/lib/time";

export const metadata = { title: "Audit log" };

const isoDate = z.string().trim().refine(isIsoDate).optional().catch(undefined);
const querySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  actor: z.string().trim().max(320).optional().catch(undefined),
  theater: z.string().trim().max(64).optional().catch(undefined),
  kind: z.string().trim().max(40).optional().catch(undefined),
  from: isoDate,
  to: isoDate,
});

// Targets that have an admin page of their own get a link to it.
const TARGET_PAGES: Record<string, (id: string) => { href: string; text: string }> = {
  movie: (id) => ({ href: `/admin/movies/${id}`, text: "Open the movie" }),
  order: (id) => ({ href: `/admin/bookings/${id}`, text: "Open the booking" }),
  screen: (id) => ({ href: `/admin/screens/${id}/layout`, text: "Open the screen" }),
};

const field = "min-h-11 rounded-md border border-line bg-ink px-3 py-2";

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAdminPage();
  const parsed = querySchema.parse(await searchParams);
  // A site manager sees the entries of their theaters only (issue 19); a theater outside them is no filter.
  const q = { ...parsed, theater: parsed.theater && managesTheater(actor, parsed.theater) ? parsed.theater : undefined };
  const scope = scopedTheaterIds(actor);
  const db = await getDb();
  const facets = await auditFacets(db, scope);
  const theater = facets.theaters.find((t) => t.id === q.theater) ?? facets.theaters[0];
  const tz = theater?.timeZone ?? "UTC";
  const context = { timeZone: tz, currency: theater?.currency ?? "usd" };
  const theaterNames = new Map(facets.theaters.map((t) => [t.id, t]));
  // Dates are the theater's calendar days: "to" includes its whole day.
  const log = await auditPage(db, q.page, {
    actor: q.actor || undefined,
    theaterId: q.theater || undefined,
    theaterIds: scope ?? undefined,
    kind: q.kind || undefined,
    from: q.from ? localDays(q.from, tz).from : undefined,
    to: q.to ? localDays(q.to, tz).to : undefined,
  });
  const kept = Object.fromEntries(Object.entries({ actor: q.actor, theater: q.theater, kind: q.kind, from: q.from, to: q.to }).filter(([, v]) => v)) as Record<string, string>;
  const pageHref = (p: number) => `/admin/audit?${new URLSearchParams({ ...kept, page: String(p) })}`;
  const filtered = Object.keys(kept).length > 0;

  return (
    <div className="min-w-0 space-y-5">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="text-sm text-zinc-300">Every change made from the admin pages and every door check-in: who, what and when, newest first.</p>
      <form method="get" action="/admin/audit" aria-label="Filter the audit log" className="grid grid-cols-1 gap-3 rounded-xl border border-line bg-panel p-4 sm:grid-cols-2 lg:grid-cols-3">
        <Filter id="audit-actor" label="Person">
          <select id="audit-actor" name="actor" defaultValue={q.actor ?? ""} className={field}>
            <option value="">Everyone</option>
            {facets.actors.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </Filter>
        {facets.theaters.length > 1 && (
          <Filter id="audit-theater" label="Theater">
            <select id="audit-theater" name="theater" defaultValue={q.theater ?? ""} className={field}>
              <option value="">All theaters</option>
              {facets.theaters.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </Filter>
        )}
        <Filter id="audit-kind" label="Kind">
          <select id="audit-kind" name="kind" defaultValue={q.kind ?? ""} className={field}>
            <option value="">Everything</option>
            {facets.kinds.map((k) => (
              <option key={k} value={k}>
                {auditKindLabel(k)}
              </option>
            ))}
          </select>
        </Filter>
        <Filter id="audit-from" label="From">
          <input id="audit-from" name="from" type="date" defaultValue={q.from ?? ""} className={field} />
        </Filter>
        <Filter id="audit-to" label="To (inclusive)">
          <input id="audit-to" name="to" type="date" defaultValue={q.to ?? ""} className={field} />
        </Filter>
        <div className="flex items-end gap-3">
          <button className="min-h-11 rounded-lg bg-gold px-4 font-semibold text-ink">Filter</button>
          {filtered && (
            <Link href="/admin/audit" className="inline-flex min-h-11 items-center px-2 text-gold underline">
              Clear
            </Link>
          )}
        </div>
      </form>
      <p role="status" className="text-sm text-zinc-300">
        {log.total === 0
          ? filtered
            ? "Nothing matches these filters."
            : "Nothing has been logged yet."
          : `${log.total} entr${log.total === 1 ? "y" : "ies"} · page ${Math.min(q.page, log.pages)} of ${log.pages}`}
      </p>
      {log.rows.length > 0 && (
        <ol className="divide-y divide-line rounded-xl border border-line" aria-label="Audit log, newest first" data-testid="audit-entries">
          {log.rows.map(({ entry, theaterId }) => {
            const target = entry.targetId ? TARGET_PAGES[entry.targetType]?.(entry.targetId) : undefined;
            // Issue 19: the theater the entry concerns, its times and money in that theater's zone and currency.
            const at = theaterId ? theaterNames.get(theaterId) : undefined;
            return (
              <li key={entry.id} className="space-y-1 p-3" data-testid="audit-entry">
                <p className="break-words">{describeAuditEntry(entry, at ? { timeZone: at.timeZone, currency: at.currency } : context)}</p>
                <p className="flex flex-wrap items-center gap-x-3 text-sm text-zinc-300">
                  <time dateTime={entry.createdAt.toISOString()}>
                    {formatDay(localDate(entry.createdAt, at?.timeZone ?? tz))} {formatTime(entry.createdAt, at?.timeZone ?? tz)}
                  </time>
                  <span className="break-all">{entry.actorEmail ?? "system"}</span>
                  <span data-testid="audit-theater">{at ? `at ${at.name}` : "chain-wide"}</span>
                  <span>{auditKindLabel(auditKindOf(entry.action))}</span>
                  {target && (
                    <Link href={target.href} className="inline-flex min-h-11 items-center text-gold underline">
                      {target.text}
                    </Link>
                  )}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      {log.pages > 1 && (
        <nav aria-label="Audit log pages" className="flex gap-3">
          {q.page > 1 && (
            <Link href={pageHref(q.page - 1)} className="inline-flex min-h-11 items-center rounded-md border border-line px-3 text-sm">
              Newer entries
            </Link>
          )}
          {q.page < log.pages && (
            <Link href={pageHref(q.page + 1)} className="inline-flex min-h-11 items-center rounded-md border border-line px-3 text-sm">
              Older entries
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

function Filter({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="grid min-w-0 gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}
