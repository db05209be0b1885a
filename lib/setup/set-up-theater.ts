import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { createFirstTheater } from "@/db/queries/setup";
import { adminEmailSchema, grantAdmin } from "@/lib/auth/admin-role";
import { AppError, fieldError } from "@/lib/errors";
import { currencySchema, theaterAddressSchema, theaterNameSchema, theaterSlugOf, timeZoneSchema } from "@/lib/venue/theater-input";
import { setupTokenHash } from "./setup-token";

export const setUpTheaterSchema = z.object({
  name: theaterNameSchema,
  address: theaterAddressSchema,
  timeZone: timeZoneSchema,
  currency: currencySchema,
  adminEmail: z.string().trim().toLowerCase().pipe(adminEmailSchema),
});
export type SetUpTheaterInput = z.infer<typeof setUpTheaterSchema>;

/**
 * First-run setup: creates the theater and makes `adminEmail` its first admin, who then signs in
 * with a magic link. `token` is the one-time token from the server log; null when the caller is
 * trusted (`npm run setup`, run on the server itself).
 */
export async function setUpTheater(db: Db, input: SetUpTheaterInput, token: string | null): Promise<{ adminEmail: string }> {
  const outcome = await createFirstTheater(
    db,
    { slug: theaterSlugOf(input.name), name: input.name, address: input.address, timeZone: input.timeZone, currency: input.currency },
    token === null ? null : setupTokenHash(token),
  );
  if (outcome === "already_set_up") throw new AppError("conflict", "This cinema is already set up. Sign in as its admin to change it.");
  if (outcome === "bad_token") throw fieldError("token", "That setup token is not valid. Copy it from the server log.");
  const granted = await grantAdmin(db, input.adminEmail);
  return { adminEmail: granted.email };
}
