import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Session } from "next-auth";
import { cookies, headers } from "next/headers";
import { NextResponse } from "next/server";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { getDb } from "@/db/client";
import { theaterIdsManagedBy } from "@/db/queries/theater-scope";
import { auth } from "./auth-js";
import { SESSION_MAX_AGE, SESSION_UPDATE_AGE } from "./config";
import type { AdminActor, SessionUser } from "./session-user";

export type { AdminActor, SessionUser } from "./session-user";

// Server actions and route handlers may set cookies; a page render may not. defineAction and
// defineRoute run their work inside this, so a session read there may slide the session.
const cookiesWritable = new AsyncLocalStorage<true>();

/** Runs an action's or route's work where a session read may pass Auth.js's refreshed cookie on. */
export function withSessionRefresh<T>(work: () => Promise<T>): Promise<T> {
  return cookiesWritable.run(true, work);
}

/**
 * The signed-in user of this request, or null, through Auth.js's auth(): it reads the database
 * session named by the session cookie, and the session callback (config.ts) takes the role from
 * the users row it joins, so a demoted admin loses access at once. Once per updateAge Auth.js
 * slides the session's expiry: then, in an action or route handler, its refreshed cookie goes to
 * the browser too; a page render leaves both alone. React's cache() shares the answer within one
 * render or action.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const requestHeaders = await headers();
  // No session cookie, no session: the busiest calls (a guest's seat holds) skip Auth.js entirely.
  if (!SESSION_COOKIE.test(requestHeaders.get("cookie") ?? "")) return null;
  const canSetCookies = cookiesWritable.getStore() === true;
  const refreshed = new Headers();
  // auth(req, res): Auth.js's form that hands back the cookies it sets, which auth() drops.
  const session = (await auth({ req: { headers: requestHeaders, slideSession: canSetCookies }, res: { headers: refreshed } } as never)) as Session | null;
  if (session && canSetCookies && slidJustNow(session.expires)) await passOn(refreshed);
  return session?.user ?? null;
});

// Auth.js's database-session cookie, plain or __Secure- (its default names; config.ts keeps them).
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token=/;

// Auth.js slides a session whose row was last moved more than updateAge ago; `expires` is the
// row's value as read, before the slide.
function slidJustNow(expires: string | Date): boolean {
  return new Date(expires).getTime() - SESSION_MAX_AGE * 1000 + SESSION_UPDATE_AGE * 1000 <= Date.now();
}

async function passOn(setCookies: Headers): Promise<void> {
  const jar = await cookies();
  for (const { name, value, ...options } of new NextResponse(null, { headers: setCookies }).cookies.getAll()) jar.set(name, value, options);
}

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthenticated", "Please sign in to continue.");
  return user;
}

/**
 * A chain admin (scope: every theater) or a site manager with the theaters they run (issue 19);
 * anyone else is refused. The scope is read from the database on every call, so a manager who
 * loses a theater loses it at once. What a handler then touches is checked against the scope by
 * lib/auth/theater-scope.ts.
 */
export async function requireAdmin(): Promise<AdminActor> {
  const user = await requireUser();
  return adminActorOf(user);
}

/** requireAdmin() for a chain-wide operation (movies, theaters, staff roles): site managers are refused. */
export async function requireChainAdmin(): Promise<AdminActor> {
  const actor = await requireAdmin();
  if (!actor.scope.all) throw new AppError("forbidden", "Only chain admins can do that.");
  return actor;
}

/** The admin actor a signed-in user is, or forbidden. */
export const adminActorOf = cache(async (user: SessionUser): Promise<AdminActor> => {
  if (user.role === "admin") return { ...user, role: "admin", scope: { all: true } };
  if (user.role === "manager") {
    const theaterIds = await theaterIdsManagedBy(await getDb(), user.id);
    if (theaterIds.length > 0) return { ...user, role: "manager", scope: { all: false, theaterIds } };
  }
  throw new AppError("forbidden", "Only theater admins can do that.");
});
