import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { createFirstTheater } from "@/db/queries/setup";
import { adminEmailSchema, grantAdmin } from "@/lib/auth/admin-role";
import { AppError, fieldError } from "@/lib/errors";
import { setupTokenHash } from "./setup-token";

const validTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz.includes("/") || tz === "UTC";
  } catch {
    return false;
  }
};
const CURRENCIES = new Set(Intl.supportedValuesOf("currency").map((c) => c.toLowerCase()));

export const setUpTheaterSchema = z.object({
  name: z.string().trim().min(1, "Enter the theater's name.").max(120, "Keep the name under 120 characters."),
  address: z.string().trim().min(1, "Enter the theater's address.").max(300, "Keep the address under 300 characters."),
  timeZone: z.string().trim().refine(validTimeZone, "Enter a time zone like Europe/Paris or America/New_York."),
  currency: z
    .string()
    .trim()
    .toLowerCase()
    .refine((c) => CURRENCIES.has(c), "Enter a three-letter currency code like USD or EUR."),
  adminEmail: z.string().trim().toLowerCase().pipe(adminEmailSchema),
});
export type SetUpTheaterInput = z.infer<typeof setUpTheaterSchema>;

/** "Le Grand Rex, Paris" → "le-grand-rex-paris" (the theater's slug; one theater per database). */
function slugOf(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "theater"
  );
}

/**
 * First-run setup: creates the theater and makes `adminEmail` its first admin, who then signs in
 * with a magic link. `token` is the one-time token from the server log; null when the caller is
 * trusted (`npm run setup`, run on the server itself).
 */
export async function setUpTheater(db: Db, input: SetUpTheaterInput, token: string | null): Promise<{ adminEmail: string }> {
  const outcome = await createFirstTheater(
    db,
    { slug: slugOf(input.name), name: input.name, address: input.address, timeZone: input.timeZone, currency: input.currency },
    token === null ? null : setupTokenHash(token),
  );
  if (outcome === "already_set_up") throw new AppError("conflict", "This cinema is already set up. Sign in as its admin to change it.");
  if (outcome === "bad_token") throw fieldError("token", "That setup token is not valid. Copy it from the server log.");
  const granted = await grantAdmin(db, input.adminEmail);
  return { adminEmail: granted.email };
}
