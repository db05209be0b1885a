// The theater's ID notice (issue 19), shown before payment for a rated movie. Pure.

const NOT_RATED = new Set(["", "NR", "UNRATED", "NOT RATED"]);

/** False for a movie with no rating ("NR", the default): nothing to say about its age rating. */
export function isRated(rating: string): boolean {
  return !NOT_RATED.has(rating.trim().toUpperCase());
}

/**
 * The notice to show for a movie of this rating, or null. A theater that lists adults-only
 * ratings (the ratings on which it refuses child tickets) shows it for those ratings only;
 * one that lists none shows it for every rated movie. No notice set: nothing to show.
 */
export function idNoticeFor(rating: string, theater: { idNotice: string; adultsOnlyRatings: readonly string[] }): string | null {
  const notice = theater.idNotice.trim();
  if (!notice || !isRated(rating)) return null;
  if (theater.adultsOnlyRatings.length && !theater.adultsOnlyRatings.some((r) => r.toUpperCase() === rating.trim().toUpperCase())) return null;
  return notice;
}
