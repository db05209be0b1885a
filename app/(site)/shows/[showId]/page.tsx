import Link from "next/link";
import { notFound } from "next/navigation";
import { showWithSeats, soldSeatIds } from "@/db/queries/catalog";
import { toMapLayout } from "@/lib/booking/map-layout";
import { StaticSeatPlan } from "@/components/static-seat-plan";
import { formatDateTime } from "@/lib/time";
import { formatMoney } from "@/lib/money";

export async function generateMetadata({ params }: { params: Promise<{ showId: string }> }) {
  const detail = await showWithSeats((await params).showId);
  return { title: detail ? `${detail.movie.title} — seats` : "Show not found" };
}

export default async function ShowPage({ params }: { params: Promise<{ showId: string }> }) {
  const { showId } = await params;
  const detail = await showWithSeats(showId);
  if (!detail) notFound();
  const layout = toMapLayout(detail);
  const sold = new Set(await soldSeatIds(showId));
  const tz = detail.theater.timeZone;

  return (
    <div className="space-y-5">
      <div>
        <Link href={`/movies/${detail.movie.slug}`} className="text-sm text-zinc-300 hover:text-white">
          ← {detail.movie.title}
        </Link>
        <h1 className="text-2xl font-bold">{detail.movie.title}</h1>
        <p className="text-zinc-200">
          <time dateTime={detail.show.startsAt.toISOString()}>{formatDateTime(detail.show.startsAt, tz)}</time> · {detail.screen.name} · {detail.theater.name}
        </p>
        {detail.show.status === "cancelled" && <p className="mt-2 rounded border border-red-400 p-2 text-red-200">This show has been cancelled.</p>}
      </div>
      <ul className="flex flex-wrap gap-3 text-sm" aria-label="Prices">
        {layout.tiers.map((t) => (
          <li key={t.name} className="rounded border border-line bg-panel px-2 py-1">
            <span className="capitalize">{t.name}</span> {formatMoney(t.price, layout.currency)}
          </li>
        ))}
      </ul>
      <p className="text-sm text-zinc-300">
        {layout.seats.length - sold.size} of {layout.seats.length} seats available
      </p>
      <StaticSeatPlan layout={layout} sold={sold} />
    </div>
  );
}
