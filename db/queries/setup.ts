import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { setupTokens, theaters } from "../schema";
import { insertDefaultTicketTypes } from "./pricing";

// First-run setup: the one-time tokens and the creation of the first theater.

// Any fixed number: two setup submissions at once are serialized on it.
const SETUP_LOCK = 727_017;

export async function hasTheater(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(theaters);
  return row.n > 0;
}

export async function addSetupToken(db: Db, tokenHash: string): Promise<void> {
  await db.insert(setupTokens).values({ tokenHash });
}

export type NewTheater = { slug: string; name: string; address: string; timeZone: string; currency: string };

/**
 * Creates the first theater, once: `tokenHash` must name a stored setup token (null: the caller
 * is trusted, like `npm run setup` on the server). Every token is spent with it.
 */
export async function createFirstTheater(db: Db, theater: NewTheater, tokenHash: string | null): Promise<"created" | "bad_token" | "already_set_up"> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(theaters);
    if (n > 0) return "already_set_up";
    if (tokenHash !== null) {
      const [known] = await tx.select({ tokenHash: setupTokens.tokenHash }).from(setupTokens).where(sql`${setupTokens.tokenHash} = ${tokenHash}`);
      if (!known) return "bad_token";
    }
    const [created] = await tx.insert(theaters).values(theater).returning({ id: theaters.id });
    await insertDefaultTicketTypes(tx, created.id);
    await tx.delete(setupTokens);
    return "created";
  });
}
