// The page a customer returns to after signing in mid-purchase: straight on to checkout with
// the seats they held (`/shows/<id>/continue?seats=<ids>`). Pure, so the sign-in pages and the
// route share one reading of it.

const CONTINUE = /^\/shows\/([0-9a-f-]{36})\/continue(?:\?|$)/i;
const MAX_SEATS = 50;

export function continuePath(showId: string, seatIds: readonly string[]): string {
  const query = seatIds.length > 0 ? `?${new URLSearchParams({ seats: seatIds.join(",") })}` : "";
  return `/shows/${showId}/continue${query}`;
}

/** The show and seats a continue path names, or null for any other path. */
export function parseContinuePath(path: string): { showId: string; seatIds: string[] } | null {
  const match = CONTINUE.exec(path);
  if (!match) return null;
  const query = path.includes("?") ? path.slice(path.indexOf("?")) : "";
  return { showId: match[1].toLowerCase(), seatIds: seatIdsFrom(new URLSearchParams(query).get("seats")) };
}

/** Seat ids from a comma-separated parameter: only id-shaped words, at most MAX_SEATS. */
export function seatIdsFrom(raw: string | null | undefined): string[] {
  if (!raw) return [];
  return [...new Set(raw.split(","))].filter((id) => /^[\w:-]{1,80}$/.test(id)).slice(0, MAX_SEATS);
}
