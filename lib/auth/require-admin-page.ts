import "server-only";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "./current-user";

/**
 * For admin pages: signed-out visitors go to sign in, customers see 404 (admin pages are not
 * advertised). Pages only render; every admin action and route still calls requireAdmin().
 */
export async function requireAdminPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in?next=/admin");
  if (user.role !== "admin") notFound();
  return user;
}
