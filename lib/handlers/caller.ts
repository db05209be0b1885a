import "server-only";
import { requireAdmin, requireChainAdmin, requireUser, type AdminActor, type SessionUser } from "@/lib/auth/current-user";

/**
 * Who may call an action or route: anyone (the session is not read at all: public routes are the
 * hot ones, and a static one must not touch the request), a signed-in customer (admins too), or
 * an admin (a chain admin, or a site manager whose theaters the handler checks against what it
 * touches: lib/auth/theater-scope.ts), or a chain admin only ("chain": movies, theaters, staff
 * roles). A public handler that treats a signed-in caller differently asks currentUser() itself.
 */
export type AuthLevel = "public" | "customer" | "admin" | "chain";

export type CallerOf<A extends AuthLevel> = A extends "admin" | "chain" ? AdminActor : A extends "customer" ? SessionUser : null;

/** The caller at the declared level, or the unauthenticated/forbidden AppError that refuses them. */
export async function callerFor<A extends AuthLevel>(auth: A): Promise<CallerOf<A>> {
  if (auth === "chain") return (await requireChainAdmin()) as CallerOf<A>;
  if (auth === "admin") return (await requireAdmin()) as CallerOf<A>;
  if (auth === "customer") return (await requireUser()) as CallerOf<A>;
  return null as CallerOf<A>;
}
