// `npm run db:seed`: opens the configured database (migrating it) and loads the demo chain, with
// its past month of sales, if it is empty.
//
// Like bench/tickets.ts: the past sales render ticket PDFs, which react-pdf cannot do under the
// react-server condition, so this runs without it and the `server-only` marker alone is resolved
// to an empty module before anything imports it.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
         return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
       }`,
    ),
);

const { openDatabase, seedDatabase } = await import("./client");
const { env } = await import("@/lib/env");
const { closeSharedRedis } = await import("@/lib/redis/shared");
const { stopOutboxWorker } = await import("@/lib/email/kick");

const e = env();
const database = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, seed: false });
const started = Date.now();
const seeded = await seedDatabase(database, { seed: "demo", sales: true });
console.log(seeded ? `Seeded the demo chain in ${((Date.now() - started) / 1000).toFixed(1)} s.` : "Database already has data; nothing seeded.");
// The sales held seats in Redis (with REDIS_URL) and kicked the outbox: let go of both so the process ends.
stopOutboxWorker();
await closeSharedRedis();
await database.close();
