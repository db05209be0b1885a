// The page a customer returns to after signing in mid-purchase: straight on to checkout with
// the seats they held (`/shows/<id>/continue?seats=<ids>`). Pure, so the sign-in pages and the
// route share one reading of it.

const CONTINUE = /^\/shows\/([0-9a-f-]{36})\/continue(?:\?|$)/i;
const MAX_SEATS = 50;

/** The summary's choices carried through sign-in: ticket types ("seat:type,…") and a promo code. */
export type ContinueChoices = { types?: string; promo?: string };

export function continuePath(showId: string, seatIds: readonly string[], choices: ContinueChoices = {}): string {
  const params = new URLSearchParams();
  if (seatIds.length > 0) params.set("seats", seatIds.join(","));
  if (choices.types) params.set("types", choices.types);
  if (choices.promo) params.set("promo", choices.promo);
  const query = params.size > 0 ? `?${params}` : "";
  return `/shows/${showId}/continue${query}`;
}

/** The show, seats and choices a continue path names, or null for any other path. */
export function parseContinuePath(path: string): ({ showId: string; seatIds: string[] } & ContinueChoices) | null {
  const match = CONTINUE.exec(path);
  if (!match) return null;
  const query = new URLSearchParams(path.includes("?") ? path.slice(path.indexOf("?")) : "");
  return { showId: match[1].toLowerCase(), seatIds: seatIdsFrom(query.get("seats")), ...choicesFrom(query.get("types"), query.get("promo")) };
}

/** Choices from query or form text: only id-shaped pairs and a code-shaped word, short. */
export function choicesFrom(types: string | null | undefined, promo: string | null | undefined): ContinueChoices {
  const out: ContinueChoices = {};
  if (types && types.length <= 4000 && /^[\w-]+:[\w-]+(,[\w-]+:[\w-]+)*$/.test(types)) out.types = types;
  if (promo && promo.length <= 64 && /^[\w -]+$/.test(promo)) out.promo = promo;
  return out;
}

/** "seat:type,seat:type" → { seat: type }. */
export function typesFrom(types: string | undefined): Record<string, string> {
  return Object.fromEntries((types ?? "").split(",").filter(Boolean).map((pair) => pair.split(":") as [string, string]));
}

/** Seat ids from a comma-separated parameter: only id-shaped words, at most MAX_SEATS. */
export function seatIdsFrom(raw: string | null | undefined): string[] {
  if (!raw) return [];
  return [...new Set(raw.split(","))].filter((id) => /^[\w:-]{1,80}$/.test(id)).slice(0, MAX_SEATS);
}
