import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { showWithVenue } from "@/db/queries/show-with-venue";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { managesTheater } from "@/lib/auth/theater-scope";
import { doorCounts } from "@/db/queries/tickets";
import { formatDateTime } from "@/lib/time";
import { DoorScanner } from "@/components/check-in/door-scanner";
import { admitAction, admitBookingAction } from "./actions";

export const metadata = { title: "Door check-in" };

export default async function CheckInPage({ params }: { params: Promise<{ showId: string }> }) {
  const actor = await requireAdminPage();
  const { showId } = await params;
  if (!z.uuid().safeParse(showId).success) notFound();
  const db = await getDb();
  const detail = await showWithVenue(db, showId);
  if (!detail || !managesTheater(actor, detail.theater.id)) notFound();
  const counts = await doorCounts(db, showId);
  return (
    <div className="mx-auto max-w-xl min-w-0 space-y-4">
      <h1 className="text-2xl font-bold break-words">Check-in: {detail.movie.title}</h1>
      <p className="text-zinc-200">
        {formatDateTime(detail.show.startsAt, detail.theater.timeZone)} · {detail.screen.name}
      </p>
      <DoorScanner showId={showId} admit={admitAction} admitBooking={admitBookingAction} initialCounts={counts} />
    </div>
  );
}
