import "server-only";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { auth } from "./auth-js";
import type { AdminActor, SessionUser } from "./session-user";

export type { AdminActor, SessionUser } from "./session-user";

/**
 * The signed-in user of this request, or null, through Auth.js's own auth(): it reads the
 * database session named by the session cookie, slides its expiry once per updateAge, and the
 * session callback (config.ts) takes the role from the users row it joins, so a demoted admin
 * loses access at once. React's cache() shares the answer within one render or action.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  return session?.user ?? null;
});

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthenticated", "Please sign in to continue.");
  return user;
}

export async function requireAdmin(): Promise<AdminActor> {
  const user = await requireUser();
  if (user.role !== "admin") throw new AppError("forbidden", "Only theater admins can do that.");
  return { ...user, role: "admin" };
}
