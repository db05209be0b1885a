// `npm run admin:grant -- <email>`: makes <email> a theater admin, creating the account if that
// address has never signed in. With the embedded database (PGlite), stop the app first: only one
// process can open the data directory at a time.
import { openDatabase } from "@/db/client";
import { grantAdmin, type GrantAdminResult } from "@/lib/auth/admin-role";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const SAID: Record<GrantAdminResult["outcome"], (email: string) => string> = {
  created: (email) => `Created an admin account for ${email}. Sign in with that address (magic link) to use it.`,
  promoted: (email) => `Promoted ${email} to admin. The change applies on their next page load.`,
  "already-admin": (email) => `${email} is already an admin; nothing changed.`,
};

const email = process.argv.slice(2).find((arg) => arg !== "--");
if (!email) {
  console.error("Usage: npm run admin:grant -- <email>");
  process.exit(2);
}

const e = env();
const database = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, seed: false });
try {
  const result = await grantAdmin(database.db, email);
  console.log(SAID[result.outcome](result.email) + ` (user id ${result.userId}, ${database.kind})`);
} catch (err) {
  if (!(err instanceof AppError)) throw err;
  console.error(err.message);
  process.exitCode = 1;
} finally {
  await database.close();
}
