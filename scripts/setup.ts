// `npm run setup -- --name "…" --address "…" --time-zone Europe/Paris --currency EUR --admin you@example.com`:
// first-run setup from the server itself (no token: whoever can run this can read the database
// settings anyway). Creates the theater and its first admin, who then signs in with a magic link.
// With the embedded database (PGlite), stop the app first: one process opens the directory at a time.
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { setUpTheater, setUpTheaterSchema } from "@/lib/setup/set-up-theater";

const { values } = parseArgs({
  options: { name: { type: "string" }, address: { type: "string" }, "time-zone": { type: "string" }, currency: { type: "string" }, admin: { type: "string" } },
  allowPositionals: true,
});
const parsed = setUpTheaterSchema.safeParse({ name: values.name, address: values.address, timeZone: values["time-zone"], currency: values.currency, adminEmail: values.admin });
if (!parsed.success) {
  const flag: Record<string, string> = { name: "--name", address: "--address", timeZone: "--time-zone", currency: "--currency", adminEmail: "--admin" };
  for (const issue of parsed.error.issues) console.error(`${flag[String(issue.path[0])] ?? issue.path[0]}: ${issue.message}`);
  console.error('Usage: npm run setup -- --name "Le Grand Rex" --address "1 Bd Poissonnière, Paris" --time-zone Europe/Paris --currency EUR --admin you@example.com');
  process.exit(2);
}

const e = env();
const database = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, seed: false });
try {
  const { adminEmail } = await setUpTheater(database.db, parsed.data, null);
  console.log(`Set up ${parsed.data.name}. Sign in as ${adminEmail} (magic link) to add screens, movies and shows.`);
} catch (err) {
  if (!(err instanceof AppError)) throw err;
  console.error(err.message);
  process.exitCode = 1;
} finally {
  await database.close();
}
