// Before booking references (lib/booking-reference.ts) the admin pages printed the order id's
// first 8 characters as its reference; staff may still have such a note, so search keeps
// matching it against order ids. Pure.

/** True for text that looks like such an old reference ("3F9A0C12"). */
export function isOrderReference(text: string): boolean {
  return /^[0-9a-f]{8}$/i.test(text);
}
