// `npm run setup -- --name "…" --address "…" --time-zone Europe/Paris --currency EUR --admin you@example.com`:
// first-run setup from the server itself (no token: whoever can run this can read the database
// settings anyway). Creates the theater and its first admin, who then signs in with a magic link.
// With the embedded database (PGlite), stop the app first: one process opens the directory at a time.
import { parseArgs } from "node:util";
import { withDatabase } from "./support/with-database";
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

await withDatabase(async (database) => {
  const { adminEmail } = await setUpTheater(database.db, parsed.data, null);
  console.log(`Set up ${parsed.data.name}. Sign in as ${adminEmail} (magic link) to add screens, movies and shows.`);
});
