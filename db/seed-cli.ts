// `npm run db:seed`: opens the configured database (migrating it) and, if it is empty, loads the
// demo chain and sells its past month, exactly as `npm run demo` starts.
//
// Like bench/tickets.ts: the past sales render ticket PDFs, which react-pdf cannot do under the
// react-server condition, so this runs without it and the `server-only` marker alone is resolved
// to an empty module before anything imports it.
// Before any import below resolves `server-only` (a static import runs before the awaited ones).
import "../scripts/support/server-only-off.mjs";

// The demo's seed, through the process's database (the order code finds it with getDb()).
process.env.SEED_DEMO = "1";
const { getDatabase } = await import("./client");
const { seedSales } = await import("./seed-sales");
const { closeSharedRedis } = await import("@/lib/redis/shared");
const { stopOutboxWorker } = await import("@/lib/email/kick");

const started = Date.now();
const database = await getDatabase();
const sales = await seedSales(database.db, new Date());
console.log(sales ? `Seeded the demo chain and its past month (${sales.paid} paid orders, ${sales.admitted} check-ins) in ${((Date.now() - started) / 1000).toFixed(1)} s.` : "Database already has data; nothing seeded.");
// The sales held seats in Redis (with REDIS_URL) and kicked the outbox: let go of both so the process ends.
stopOutboxWorker();
await closeSharedRedis();
await database.close();
