import "server-only";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { adminActorOf, currentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { canViewOrder } from "./order-access";
import { orderDetail } from "@/db/queries/orders";

/** The order if the signed-in caller owns it (or is an admin of its theater); otherwise "not found", always. */
export async function viewableOrder(orderId: string) {
  const user = await currentUser();
  if (!z.uuid().safeParse(orderId).success || !user) throw new AppError("not_found", "That booking does not exist.");
  const detail = await orderDetail(await getDb(), orderId);
  // A site manager's theaters are read only when they are who asks (customers never pay for it).
  const viewer = user.role === "manager" ? await adminActorOf(user).catch(() => user) : user;
  if (!detail || !canViewOrder(viewer, detail)) throw new AppError("not_found", "That booking does not exist.");
  return { user, detail };
}

/**
 * For a page: a visitor is sent to sign in (and back to `path`), a booking that is not theirs is
 * a 404 page, as `viewableOrder` refuses it.
 */
export async function viewableOrderForPage(orderId: string, path: string) {
  if (!(await currentUser())) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  try {
    return await viewableOrder(orderId);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}
