// `tsx --conditions=react-server scripts/add-second-cinema.ts`: adds the test fixture's second cinema
// (Marquee Sunset, Los Angeles) to the configured database when it has exactly one theater, so
// the public pages can be browsed and measured with two (bench/lighthouse.ts, the cinema e2e spec)
// before the demo seeds two itself. Never for production data.
import { openDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { addSecondCinema, theaterCount } from "@/tests/support/second-cinema";

const e = env();
const database = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, seed: false });
const count = await theaterCount(database.db);
if (count === 1) {
  const { theater, shows } = await addSecondCinema(database.db);
  console.log(`Added ${theater.name} (/c/${theater.slug}) with ${shows.length} shows.`);
} else {
  console.log(`${count} theaters already; nothing added.`);
}
await database.close();
