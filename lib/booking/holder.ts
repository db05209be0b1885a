import "server-only";
import { cookies } from "next/headers";
import { HOLDER_COOKIE, holderCookieOptions, isHolderId, mintHolderId } from "./holder-cookie";

// The seat-lock holder: a random id kept in an HttpOnly cookie, so a customer's holds survive
// reloads and signing in (the cookie is untouched by Auth.js). Keys are per show, so the same
// id holding seats in two shows never mixes them. Checkout ties the order to the signed-in user.
//
// proxy.ts mints the cookie with the first page a visitor opens, so the seat map's hold action
// only reads it: a server action that sets a cookie makes Next render the whole page again into
// its answer (tens of kB for the customer's first tap on a seat).
export { HOLDER_COOKIE };

export async function readHolderId(): Promise<string | null> {
  const value = (await cookies()).get(HOLDER_COOKIE)?.value;
  return isHolderId(value) ? value : null;
}

/** The caller's holder id, minting and setting the cookie when there is none (API routes; a fallback for actions). */
export async function ensureHolderId(): Promise<string> {
  const existing = await readHolderId();
  if (existing) return existing;
  const id = mintHolderId();
  (await cookies()).set(HOLDER_COOKIE, id, holderCookieOptions());
  return id;
}
