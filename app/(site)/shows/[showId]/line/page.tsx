import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { showWithSeats } from "@/db/queries/catalog";
import { lineOpen, lineShow } from "@/lib/booking/admission-guard";
import { formatDateTime } from "@/lib/time";
import { BackLink } from "@/components/back-link";
import { LinePlace } from "@/components/line-place";

export const metadata = { title: "Waiting line" };

// The waiting room of a high-demand on-sale. The page only frames the line: the place is taken
// and followed by LinePlace through POST /api/shows/[showId]/line (a page render cannot set the
// admission cookie). A visitor already admitted, or arriving when no line is on, goes to the seat map.
export default async function LinePage({ params }: { params: Promise<{ showId: string }> }) {
  const { showId } = await params;
  if (!z.uuid().safeParse(showId).success) notFound();
  const db = await getDb();
  const [detail, show] = await Promise.all([showWithSeats(db, showId), lineShow(db, showId)]);
  if (!detail || !show) notFound();
  // No line now (none set, not open yet, or the show no longer sells): the seat map says the rest.
  if (!lineOpen(show)) redirect(`/shows/${showId}`);
  return (
    <div className="space-y-4">
      <div>
        <BackLink href={`/movies/${detail.movie.slug}`}>{detail.movie.title}</BackLink>
        <h1 className="text-2xl font-bold">{detail.movie.title}</h1>
        <p className="text-zinc-200">
          <time dateTime={detail.show.startsAt.toISOString()}>{formatDateTime(detail.show.startsAt, detail.theater.timeZone)}</time> · {detail.screen.name}
        </p>
      </div>
      <LinePlace showId={showId} />
    </div>
  );
}
