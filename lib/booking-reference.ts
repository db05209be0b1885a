// The booking reference customers read out and staff type: 8 characters from an alphabet with
// no 0/O or 1/I (32 symbols, so each character is 5 unbiased random bits), shown as "K7QF-2M9P".
// Stored bare and upper-case in orders.reference (unique index). Pure; used by the schema default,
// the pages, the email, the PDF and every search.

export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const REFERENCE_LENGTH = 8;

/** A new random reference, bare ("K7QF2M9P"). Uniqueness is the database's unique index. */
export function newBookingReference(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(REFERENCE_LENGTH));
  let out = "";
  for (const b of bytes) out += REFERENCE_ALPHABET[b & 31];
  return out;
}

/** "K7QF2M9P" → "K7QF-2M9P", as people read it. */
export function formatBookingReference(reference: string): string {
  return reference.length === REFERENCE_LENGTH ? `${reference.slice(0, 4)}-${reference.slice(4)}` : reference;
}

/**
 * What someone typed ("k7qf 2m9p", "K7QF-2M9P") as a bare reference, or null when it cannot be one.
 * Case, spaces and dashes never matter.
 */
export function parseBookingReference(text: string): string | null {
  const bare = text.replace(/[\s-]/g, "").toUpperCase();
  if (bare.length !== REFERENCE_LENGTH) return null;
  for (const c of bare) if (!REFERENCE_ALPHABET.includes(c)) return null;
  return bare;
}
