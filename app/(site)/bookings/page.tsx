import Link from "next/link";
import { formatBookingReference } from "@/lib/booking-reference";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { bookingsOfUser } from "@/db/queries/bookings";
import { currentUser } from "@/lib/auth/current-user";
import { formatMoney } from "@/lib/money";
import { shortSeatLabel } from "@/lib/seat-map/format";
import { formatDateTime } from "@/lib/time";

export const metadata = { title: "My bookings" };

export default async function BookingsPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in?next=/bookings");
  const bookings = await bookingsOfUser(await getDb(), user.id);
  const now = new Date();
  const upcoming = bookings.filter((b) => b.show.endsAt >= now).reverse();
  const past = bookings.filter((b) => b.show.endsAt < now);

  const list = (items: typeof bookings) => (
    <ul className="space-y-3">
      {items.map((b) => (
        <li key={b.order.id}>
          <Link href={`/bookings/${b.order.id}`} className="block rounded-xl border border-line bg-panel p-4 hover:border-gold">
            <span className="block font-semibold">{b.movie.title}</span>
            <span className="block text-sm text-zinc-200">
              {formatDateTime(b.show.startsAt, b.theater.timeZone)} · {b.screen.name}
            </span>
            <span className="block text-sm text-zinc-300">
              {b.seats.map((s) => shortSeatLabel({ row: s.rowLabel, number: s.seatNumber })).join(", ")} · {formatMoney(b.order.totalAmount, b.order.currency)}
              {" · "}
              <span className="font-mono">{formatBookingReference(b.order.reference)}</span>
              {b.order.status === "refunded" && " · refunded"}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">My bookings</h1>
      <section aria-labelledby="upcoming" className="space-y-3">
        <h2 id="upcoming" className="text-lg font-semibold">Upcoming</h2>
        {upcoming.length ? list(upcoming) : <p className="text-zinc-300">No upcoming bookings. <Link href="/" className="underline">Find a movie</Link>.</p>}
      </section>
      {past.length > 0 && (
        <section aria-labelledby="past" className="space-y-3">
          <h2 id="past" className="text-lg font-semibold">Past</h2>
          {list(past)}
        </section>
      )}
    </div>
  );
}
