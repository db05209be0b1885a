import type { ReactNode } from "react";
import Link from "next/link";
import { getDb } from "@/db/client";
import { searchBookings } from "@/db/queries/admin-bookings";
import { showWithVenue } from "@/db/queries/show-with-venue";
import { showsWithOccupancy } from "@/db/queries/shows";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { adminTheaters } from "@/lib/admin/current-theater";
import { managesTheater } from "@/lib/auth/theater-scope";
import { bookingSearchSchema, ORDER_STATUSES } from "@/lib/admin/booking-input";
import { formatBookingReference } from "@/lib/booking-reference";
import { formatMoney } from "@/lib/money";
import { formatDay, formatTime, localDate } from "@/lib/time";
import { OrderStatusBadge } from "@/components/admin/bookings/order-status-badge";
import { AdminTable } from "@/components/admin/admin-table";

export const metadata = { title: "Bookings" };

const WEEK = 7 * 24 * 60 * 60 * 1000;
const field = "min-h-11 rounded-md border border-line bg-ink px-3 py-2";

type Params = Record<string, string | string[] | undefined>;

export default async function AdminBookingsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requireAdminPage();
  const params = await searchParams;
  // ?show= is the short form the dashboard links with; the schema calls it showId.
  const search = bookingSearchSchema.parse({ ...params, showId: params.showId ?? params.show });
  const db = await getDb();
  // The current theater's bookings (the nav's switcher picks it).
  const theater = (await adminTheaters(actor)).current;
  if (!theater) return <p>No theater is set up yet.</p>;
  const tz = theater.timeZone;
  const now = new Date().getTime();
  const [{ rows, hasMore }, shows, chosen] = await Promise.all([
    searchBookings(db, search, theater.id),
    showsWithOccupancy(db, { from: new Date(now - WEEK), to: new Date(now + WEEK), limit: 300, theaterIds: [theater.id] }),
    search.showId ? showWithVenue(db, search.showId) : Promise.resolve(null),
  ]);
  // The filtered show, also when it has no bookings or lies outside the list's two weeks; one
  // of another theater is not named (its bookings are not listed either).
  const chosenShow = chosen && managesTheater(actor, chosen.theater.id) && chosen.theater.id === theater.id ? { title: chosen.movie.title, startsAt: chosen.show.startsAt, screenName: chosen.screen.name } : null;
  const searched = Boolean(search.q || search.showId || search.status);
  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    if (search.q) query.set("q", search.q);
    if (search.showId) query.set("show", search.showId);
    if (search.status) query.set("status", search.status);
    if (page > 1) query.set("page", String(page));
    return `/admin/bookings${query.size ? `?${query}` : ""}`;
  };
  const showOption = (s: { startsAt: Date; title: string; screenName?: string }) =>
    `${formatDay(localDate(s.startsAt, tz))} ${formatTime(s.startsAt, tz)} · ${s.title}${s.screenName ? ` · ${s.screenName}` : ""}`;

  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Bookings</h1>
      <p className="text-sm text-zinc-300">{theater.name}</p>
      <form method="get" action="/admin/bookings" role="search" aria-label="Bookings" className="flex flex-wrap items-end gap-3 rounded-xl border border-line bg-panel p-4">
        <div className="grid w-full min-w-0 flex-1 gap-1 sm:min-w-64">
          <label htmlFor="booking-q" className="text-sm font-medium">
            Search bookings
          </label>
          <input id="booking-q" name="q" type="search" defaultValue={search.q ?? ""} aria-describedby="booking-q-hint" className={field} />
          <p id="booking-q-hint" className="text-xs text-zinc-300">
            Booking reference, customer name or email (or part of it), or full order id.
          </p>
        </div>
        <FilterField id="booking-show" label="Show">
          <select id="booking-show" name="show" defaultValue={search.showId ?? ""} className={`${field} w-full max-w-80`}>
            <option value="">Any show</option>
            {chosenShow && !shows.some((s) => s.id === search.showId) && <option value={search.showId}>{showOption(chosenShow)}</option>}
            {shows.map((s) => (
              <option key={s.id} value={s.id}>
                {showOption(s)}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="booking-status" label="Status">
          <select id="booking-status" name="status" defaultValue={search.status ?? ""} className={field}>
            <option value="">Any status</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s[0].toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
        </FilterField>
        <button className="min-h-11 self-start rounded-lg bg-gold px-4 py-2 font-semibold text-ink sm:mt-6">Search</button>
      </form>

      <section aria-labelledby="results" className="space-y-3">
        <h2 id="results" className="text-lg font-semibold">
          {searched ? "Results" : "Latest bookings"}
        </h2>
        <p role="status" className="text-sm text-zinc-300">
          {rows.length === 0
            ? "No bookings match."
            : `${hasMore || search.page > 1 ? `Page ${search.page}: ` : ""}${rows.length} booking${rows.length === 1 ? "" : "s"}${chosenShow ? ` for ${showOption(chosenShow)}` : ""}.`}
        </p>
        {rows.length > 0 && (
          // On a phone each booking is a card (one tap opens it); wider screens get the table.
          <ul className="space-y-2 sm:hidden" aria-label="Bookings found">
            {rows.map(({ order, movie, show, screen, theater, seatCount }) => (
              <li key={order.id}>
                <Link href={`/admin/bookings/${order.id}`} className="block min-h-11 rounded-xl border border-line bg-panel p-3">
                  <span className="flex items-center justify-between gap-2">
                    <span className="font-mono font-semibold text-gold">{formatBookingReference(order.reference)}</span>
                    <OrderStatusBadge status={order.status} />
                  </span>
                  <span className="block truncate text-sm">{order.email}</span>
                  <span className="block text-sm text-zinc-300">
                    {movie.title} · {formatDay(localDate(show.startsAt, theater.timeZone))} {formatTime(show.startsAt, theater.timeZone)} · {screen.name}
                  </span>
                  <span className="block text-sm text-zinc-300">
                    {seatCount} seat{seatCount === 1 ? "" : "s"} · {formatMoney(order.totalAmount, order.currency)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {rows.length > 0 && (
          <div className="hidden sm:block">
          <AdminTable caption="Bookings found" columns={[{ label: "Order" }, { label: "Customer" }, { label: "Show" }, { label: "Seats" }, { label: "Total" }, { label: "Status" }, { label: "Booked" }]}>
            {rows.map(({ order, movie, show, screen, theater, seatCount }) => (
              <tr key={order.id} className="border-t border-line">
                <th scope="row" className="px-3 py-2 font-mono font-semibold">
                  <Link href={`/admin/bookings/${order.id}`} className="text-gold underline-offset-2 hover:underline">
                    {formatBookingReference(order.reference)}
                  </Link>
                </th>
                <td className="max-w-56 truncate px-3 py-2" title={order.email}>
                  {order.email}
                </td>
                <td className="px-3 py-2">
                  {movie.title}
                  <span className="block text-xs text-zinc-300">
                    {formatDay(localDate(show.startsAt, theater.timeZone))} {formatTime(show.startsAt, theater.timeZone)} · {screen.name}
                  </span>
                </td>
                <td className="px-3 py-2 tabular-nums">{seatCount}</td>
                <td className="px-3 py-2 tabular-nums">{formatMoney(order.totalAmount, order.currency)}</td>
                <td className="px-3 py-2">
                  <OrderStatusBadge status={order.status} />
                </td>
                <td className="px-3 py-2 text-xs whitespace-nowrap text-zinc-300">
                  {formatDay(localDate(order.createdAt, theater.timeZone))} {formatTime(order.createdAt, theater.timeZone)}
                </td>
              </tr>
            ))}
          </AdminTable>
          </div>
        )}
        {(search.page > 1 || hasMore) && (
          <nav aria-label="Result pages" className="flex gap-3">
            {search.page > 1 && (
              <Link href={pageHref(search.page - 1)} className="inline-flex min-h-11 items-center rounded-md border border-line px-3 text-sm">
                Previous page
              </Link>
            )}
            {hasMore && (
              <Link href={pageHref(search.page + 1)} className="inline-flex min-h-11 items-center rounded-md border border-line px-3 text-sm">
                Next page
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}

/** One labelled filter of the search form. */
function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 self-start">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}
