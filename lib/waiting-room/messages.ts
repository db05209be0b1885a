// What a visitor without an admission reads, and where the line is. No server-only imports:
// the seat map shows the same words.

export const NOT_ADMITTED = "Tickets for this show are selling through a waiting line. Please take your place in line; you will be let in shortly.";

export function waitingRoomPath(showId: string): string {
  return `/shows/${showId}/line`;
}

/** The admission cookie of one show (a visitor may be admitted to several). */
export function admissionCookieName(showId: string): string {
  return `mq_admit_${showId}`;
}
