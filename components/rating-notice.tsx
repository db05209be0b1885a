import { idNoticeFor } from "@/lib/catalog/id-notice";

/**
 * The movie's age rating and, for a rated movie, the theater's ID notice: read before choosing
 * seats and paying, so nobody is turned away at the door with a ticket bought. Server-rendered.
 */
export function RatingNotice({ rating, theater }: { rating: string; theater: { idNotice: string; adultsOnlyRatings: readonly string[] } }) {
  const notice = idNoticeFor(rating, theater);
  if (!notice) return null;
  return (
    <p role="note" className="rounded-lg border border-amber-400 bg-amber-400/10 p-3 text-amber-50" data-testid="id-notice">
      <span className="mr-2 rounded border border-amber-200 px-1.5 font-bold">Rated {rating}</span>
      {notice}
    </p>
  );
}
