import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { sessionTokenFrom, userForSessionToken, type SessionUser } from "@/lib/auth/session-user";

export type { SessionUser } from "@/lib/auth/session-user";

/**
 * The signed-in user of this request, or null. It reads the Auth.js database session named by
 * the session cookie and joins the users row, so the role is always the one in the database.
 * React's cache() shares the answer between the layout, page and components of one render only.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const token = sessionTokenFrom(await cookies());
  if (!token) return null;
  return userForSessionToken(await getDb(), token);
});

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthenticated", "Please sign in to continue.");
  return user;
}

export async function requireAdmin(): Promise<SessionUser & { role: "admin" }> {
  const user = await requireUser();
  if (user.role !== "admin") throw new AppError("forbidden", "Only theater admins can do that.");
  return { ...user, role: "admin" };
}
