import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { addSetupToken, hasTheater } from "@/db/queries/setup";

/** Stored as a digest: the database alone never hands out a working token. */
export function setupTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/**
 * While the database has no theater, a new one-time setup token (each starting server issues
 * its own, all valid until setup completes); null once the theater exists.
 */
export async function issueSetupToken(db: Db): Promise<string | null> {
  if (await hasTheater(db)) return null;
  const token = randomBytes(24).toString("base64url");
  await addSetupToken(db, setupTokenHash(token));
  return token;
}
