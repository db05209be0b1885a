import "server-only";
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, users } from "@/db/schema";

export type SessionUser = { id: string; email: string; name: string | null; role: "customer" | "admin" };

// Auth.js names its database-session cookie with the __Secure- prefix when the site is served
// over https, and without it over http (the embedded default on localhost).
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

// Auth.js session tokens are UUIDs; anything much longer is not one of ours.
const MAX_TOKEN_LENGTH = 256;

type CookieReader = { get(name: string): { value: string } | undefined };

export function sessionTokenFrom(cookies: CookieReader): string | null {
  for (const name of SESSION_COOKIE_NAMES) {
    const value = cookies.get(name)?.value;
    if (value && value.length <= MAX_TOKEN_LENGTH) return value;
  }
  return null;
}

/**
 * The user behind a database-session token, read fresh on every call: the role comes from the
 * users row, not from anything cached in the session, so a demoted admin loses access at once.
 * Expired sessions count as signed out (Auth.js deletes them on its own next read).
 */
export async function userForSessionToken(db: Db, token: string, now = new Date()): Promise<SessionUser | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, token), gt(sessions.expires, now)))
    .limit(1);
  return row ? { ...row, email: row.email ?? "" } : null;
}
