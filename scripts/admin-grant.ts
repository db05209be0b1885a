// `npm run admin:grant -- <email>`: makes <email> a theater admin, creating the account if that
// address has never signed in. With the embedded database (PGlite), stop the app first: only one
// process can open the data directory at a time.
import { withDatabase } from "./support/with-database";
import { grantAdmin, type GrantAdminResult } from "@/lib/auth/admin-role";

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

await withDatabase(async (database) => {
  const result = await grantAdmin(database.db, email);
  console.log(SAID[result.outcome](result.email) + ` (user id ${result.userId}, ${database.kind})`);
});
