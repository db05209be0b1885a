import "server-only";
import { cookies } from "next/headers";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// The seat-lock holder: a random id kept in an HttpOnly cookie, so a customer's holds survive
// reloads and signing in (the cookie is untouched by Auth.js). Keys are per show, so the same
// id holding seats in two shows never mixes them. Checkout ties the order to the signed-in user.
export const HOLDER_COOKIE = "mq_holder";
const HOLDER_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

export async function readHolderId(): Promise<string | null> {
  const value = (await cookies()).get(HOLDER_COOKIE)?.value;
  return value && HOLDER_PATTERN.test(value) ? value : null;
}

/** The caller's holder id, minting and setting the cookie when there is none (actions only). */
export async function ensureHolderId(): Promise<string> {
  const existing = await readHolderId();
  if (existing) return existing;
  const id = randomBytes(18).toString("base64url");
  (await cookies()).set(HOLDER_COOKIE, id, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production" && (env().APP_URL ?? "").startsWith("https:"),
    path: "/",
    maxAge: 60 * 60 * 24 * 30,
  });
  return id;
}
