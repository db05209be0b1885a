import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { showWithSeats } from "@/db/queries/catalog";
import { houseSeatsOfShow } from "@/db/queries/house-seats";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { managesTheater } from "@/lib/auth/theater-scope";
import { readHolderId } from "@/lib/booking/holder";
import { toMapLayout } from "@/lib/booking/map-layout";
import { seatSnapshot } from "@/lib/booking/seat-snapshot";
import { env } from "@/lib/env";
import { seatLabel } from "@/lib/booking/seat-label";
import { formatDateTime } from "@/lib/time";
import { BackLink } from "@/components/back-link";
import { SeatLegend, SeatMap } from "@/components/seat-map";
import { TitledSection } from "@/components/titled-section";
import { boxOfficeHoldAction, boxOfficeReleaseAction } from "./actions";
import { boxOfficeContinueForm, releaseHouseSeatsForm } from "./form-actions";

export const metadata = { title: "Box office" };

export default async function BoxOfficePage({ params }: { params: Promise<{ showId: string }> }) {
  const actor = await requireAdminPage();
  const { showId } = await params;
  if (!z.uuid().safeParse(showId).success) notFound();
  const db = await getDb();
  const detail = await showWithSeats(db, showId);
  if (!detail || !managesTheater(actor, detail.theater.id)) notFound();
  const layout = toMapLayout(detail);
  const [snapshot, house] = await Promise.all([seatSnapshot(db, showId, await readHolderId()), houseSeatsOfShow(db, showId)]);
  const tz = detail.theater.timeZone;
  const onSale = detail.show.status === "scheduled" && detail.show.startsAt > new Date();

  return (
    <div className="space-y-6">
      <div>
        <BackLink href="/admin/shows">Shows</BackLink>
        <h1 className="text-2xl font-bold">Box office: {detail.movie.title}</h1>
        <p className="text-zinc-200">
          <time dateTime={detail.show.startsAt.toISOString()}>{formatDateTime(detail.show.startsAt, tz)}</time> · {detail.screen.name}
        </p>
      </div>
      {onSale ? (
        <>
          <p className="text-sm text-zinc-300">Choose the customer&apos;s seats, then Continue to take cash or a card terminal payment, or to keep them as house seats.</p>
          <SeatMap
            layout={layout}
            initial={snapshot}
            maxSeats={env().MAX_SEATS_PER_ORDER}
            hold={boxOfficeHoldAction}
            release={boxOfficeReleaseAction}
            checkout={boxOfficeContinueForm}
            legend={<SeatLegend layout={layout} />}
          />
        </>
      ) : (
        <p className="rounded-lg border border-line bg-panel p-3">{detail.show.status === "cancelled" ? "This show has been cancelled." : "This show has started; its seats are no longer sold."}</p>
      )}

      <TitledSection id="house-seats" title="House seats" panel className="space-y-3">
        <p className="text-sm text-zinc-300">Kept off sale for this show: customers see them as unavailable and nobody can buy them until released.</p>
        {house.length === 0 ? (
          <p className="text-zinc-300">No house seats for this show.</p>
        ) : (
          <ul className="divide-y divide-line" data-testid="house-seats">
            {house.map((h) => (
              <li key={h.seatId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-semibold">{seatLabel(h.rowLabel, h.number)}</span>
                  {h.note && <span className="text-zinc-300"> · {h.note}</span>}
                  {h.reservedBy && <span className="text-sm text-zinc-400"> · kept by {h.reservedBy}</span>}
                </span>
                <form action={releaseHouseSeatsForm}>
                  <input type="hidden" name="showId" value={showId} />
                  <input type="hidden" name="seatIds" value={h.seatId} />
                  <button className="min-h-11 rounded-lg border border-line px-4 hover:border-zinc-300" aria-label={`Release ${seatLabel(h.rowLabel, h.number)} for sale`}>
                    Release
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </TitledSection>
      <p className="text-sm">
        <Link href={`/admin/bookings?show=${showId}`} className="text-gold underline">
          Bookings of this show
        </Link>
      </p>
    </div>
  );
}
