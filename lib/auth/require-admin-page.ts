import "server-only";
import { notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { adminActorOf, currentUser, type AdminActor } from "./current-user";

/**
 * For admin pages: signed-out visitors go to sign in, customers see 404 (admin pages are not
 * advertised), and so do site managers with no theater. Pages only render; every admin action
 * and route still calls requireAdmin(). The actor carries the theater scope (issue 19): a page
 * about one theater's thing checks it with lib/auth/theater-scope.ts and answers 404 outside it.
 */
export async function requireAdminPage(): Promise<AdminActor> {
  const user = await currentUser();
  if (!user) redirect("/sign-in?next=/admin");
  try {
    return await adminActorOf(user);
  } catch (err) {
    if (err instanceof AppError) notFound();
    throw err;
  }
}

/** For chain-wide admin pages (movies, theaters, staff roles): site managers see 404, as customers do. */
export async function requireChainAdminPage(): Promise<AdminActor> {
  const actor = await requireAdminPage();
  if (!actor.scope.all) notFound();
  return actor;
}
