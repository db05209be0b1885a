import "server-only";
import { getDb, uniqueViolation } from "@/db/client";
import { insertTheater, lockTheater, theaterHasShows, updateTheaterFields, type TheaterValues } from "@/db/queries/theaters";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertChainAdmin } from "@/lib/auth/theater-scope";
import type { AdminActor } from "@/lib/auth/session-user";
import { AppError, fieldError } from "@/lib/errors";
import { theaterSlugOf, type TheaterFields, type UpdateTheaterInput } from "./theater-input";

// Adding and editing the chain's theaters (issue 19): chain admins only, each change one
// transaction with its audit row, which names the theater.

function valuesOf(input: TheaterFields): TheaterValues {
  return { slug: input.slug || theaterSlugOf(input.name), name: input.name, address: input.address, timeZone: input.timeZone, currency: input.currency, idNotice: input.idNotice };
}

function slugTaken(err: unknown): boolean {
  const constraint = uniqueViolation(err);
  return constraint !== null && constraint.includes("slug");
}

const SLUG_TAKEN = "Another theater already uses this web address.";

export async function createTheater(actor: AdminActor, input: TheaterFields): Promise<{ id: string; slug: string }> {
  assertChainAdmin(actor);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const theater = await insertTheater(tx, valuesOf(input));
      await recordAudit(tx, actor, "theater.create", { type: "theater", id: theater.id, theaterId: theater.id }, { name: theater.name, slug: theater.slug, timeZone: theater.timeZone });
      return { id: theater.id, slug: theater.slug };
    });
  } catch (err) {
    if (slugTaken(err)) throw fieldError("slug", SLUG_TAKEN);
    throw err;
  }
}

/**
 * Saves a theater's fields. The currency is fixed once a show has been scheduled there: shows,
 * price cards and orders are amounts in it. A new time zone moves no show: each keeps its
 * instant, and pages then show it on the new zone's clock.
 */
export async function updateTheater(actor: AdminActor, input: UpdateTheaterInput): Promise<{ id: string; slug: string }> {
  assertChainAdmin(actor);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const before = await lockTheater(tx, input.id);
      if (!before) throw new AppError("not_found", "That theater was not found.");
      const next = valuesOf(input);
      if (next.currency !== before.currency && (await theaterHasShows(tx, before.id))) {
        throw fieldError("currency", `The currency stays ${before.currency.toUpperCase()}: shows have been scheduled and sold in it.`);
      }
      const changed = (Object.keys(next) as (keyof TheaterValues)[]).filter((k) => next[k] !== before[k]);
      if (changed.length === 0) return { id: before.id, slug: before.slug };
      await updateTheaterFields(tx, before.id, next);
      await recordAudit(tx, actor, "theater.update", { type: "theater", id: before.id, theaterId: before.id }, { name: next.name, changed });
      return { id: before.id, slug: next.slug };
    });
  } catch (err) {
    if (slugTaken(err)) throw fieldError("slug", SLUG_TAKEN);
    throw err;
  }
}
