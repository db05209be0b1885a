import "server-only";
import { cookies } from "next/headers";
import { secureCookies } from "@/lib/app-url";
import { secretOrDevSecret } from "@/lib/secrets/dev-secrets";
import { getWaitingRoom } from "./index";
import { admissionCookieName } from "./messages";
import { signAdmission, verifyAdmission } from "./token";
import type { Place, WaitingRoomConfig } from "./types";

// The request side of the waiting room: the admission cookie, read and written, and a visitor's
// place in line. Which shows have a line is the caller's to say (the show row, or its facts).

/** An admission lasts long enough to choose seats and pay (hold 10 min + checkout 30 min). */
export const ADMISSION_MS = 45 * 60_000;
/** A line is kept this long after the show starts, so a late poll still finds its place. */
const KEEP_AFTER_START_MS = 60 * 60_000;

/** The same secret Auth.js signs with; the token's own context keeps the two apart. */
function admissionSecret(): string {
  return secretOrDevSecret("AUTH_SECRET", "generate one with `openssl rand -base64 32`");
}

/** True when the line is on for the show at `now`: from its start time, for as long as the show sells. */
export function lineIsOn(room: WaitingRoomConfig | null, now: number): room is WaitingRoomConfig {
  return room !== null && room.from <= now;
}

/** Does this request carry a valid admission to the show for this holder? */
export async function isAdmitted(showId: string, holder: string | null, now = Date.now()): Promise<boolean> {
  if (!holder) return false;
  const token = (await cookies()).get(admissionCookieName(showId))?.value;
  return verifyAdmission(token, { showId, holder, now }, admissionSecret()).ok;
}

/**
 * Takes (or finds again) the visitor's place: one per account when signed in, else per holder
 * cookie, so many tabs share one place. Sets no cookie: the caller admits a visitor whose place
 * has come up (`admit`, or the line's front door writing `admissionCookie` itself).
 */
export async function takePlace(show: { id: string; startsAt: number; room: WaitingRoomConfig }, visitor: { holder: string; userId: string | null }, now = Date.now()): Promise<Place> {
  const who = visitor.userId ? `user:${visitor.userId}` : `holder:${visitor.holder}`;
  const keep = Math.max(60_000, show.startsAt + KEEP_AFTER_START_MS - now);
  return getWaitingRoom().join(show.id, who, show.room, now, keep);
}

/** The show's admission cookie for the holder: its name, signed value and attributes. */
export function admissionCookie(showId: string, holder: string, now = Date.now()) {
  const expiresAt = now + ADMISSION_MS;
  return {
    name: admissionCookieName(showId),
    value: signAdmission({ showId, holder, expiresAt }, admissionSecret()),
    options: { httpOnly: true, sameSite: "lax" as const, secure: secureCookies(), path: "/", maxAge: Math.floor(ADMISSION_MS / 1000) },
  };
}

/** Sets the admission cookie for the show (route handlers and actions only). */
export async function admit(showId: string, holder: string, now = Date.now()): Promise<void> {
  const cookie = admissionCookie(showId, holder, now);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
}
