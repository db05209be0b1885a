// Waitlist sweep cost (issue 21): `npx tsx bench/waitlist-sweep.ts`. Prints figures; never fails
// on speed. On PGlite and the memory lock store by default; set DATABASE_URL / REDIS_URL for the
// real services. A Grand show (468 seats) is filled except for a few blocks, PARTIES parties of
// 2–6 wait for it, and we time (1) a sweep that finds nothing to offer, (2) the sweep that offers
// the blocks, and (3) a sweep over SHOWS shows each with a party waiting and nothing free.
// Before any import below resolves `server-only` (a static import runs before the awaited ones).
import "../scripts/support/server-only-off.mjs";

const PARTIES = Number(process.env.PARTIES ?? 50);
const SHOWS = Number(process.env.SHOWS ?? 20);
const RUNS = 10;

const { openDatabase, setDatabaseForTests } = await import("@/db/client");
const { screens, seats, shows, users } = await import("@/db/schema");
const { joinWaitlistEntry } = await import("@/db/queries/waitlist");
const { sweepWaitlists } = await import("@/lib/booking/waitlist/offer-seats");
const { stopOutboxWorker } = await import("@/lib/email/kick");
const { getSeatLocks } = await import("@/lib/seat-locks");
const { and, asc, eq, gt } = await import("drizzle-orm");

process.env.DATA_DIR ??= ".data/bench";
const database = await openDatabase({ url: process.env.DATABASE_URL, pgliteDir: "memory://", seed: true });
setDatabaseForTests(database);
const db = database.db;

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const [grand] = await db.select().from(screens).where(eq(screens.name, "Grand (Large Format)"));
const grandSeats = await db.select().from(seats).where(eq(seats.screenId, grand.id)).orderBy(asc(seats.y), asc(seats.x));
const grandShows = await db.select().from(shows).where(and(eq(shows.screenId, grand.id), gt(shows.startsAt, new Date(Date.now() + 3600_000)))).orderBy(asc(shows.startsAt));
const crowd = "bench_crowd_holder_0000000000";
const partyUsers = await db
  .insert(users)
  .values(Array.from({ length: PARTIES }, (_, i) => ({ email: `bench-party-${i}-${Date.now()}@example.com` })))
  .returning();

// (1) and (3): SHOWS full shows, each with parties waiting.
const used = grandShows.slice(0, Math.min(SHOWS, grandShows.length));
for (const show of used) {
  await getSeatLocks().hold(show.id, grandSeats.map((s) => s.id), crowd, 3_600_000);
  for (const [i, u] of partyUsers.entries()) await joinWaitlistEntry(db, show.id, u.id, { partySize: 2 + (i % 5), tier: null, acceptApart: false });
}
const idle: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const t = process.hrtime.bigint();
  await sweepWaitlists(db);
  idle.push(ms(t));
}

// (2): free four blocks of the first show and time the sweep that offers them.
const free = grandSeats.filter((s) => ["H", "J", "L", "N"].includes(s.rowLabel) && s.number >= 10 && s.number <= 15).map((s) => s.id);
await getSeatLocks().release(used[0].id, free, crowd);
const t = process.hrtime.bigint();
const offering = await sweepWaitlists(db);
const offerMs = ms(t);

console.log(`backend: ${database.kind} + ${getSeatLocks().kind}; ${used.length} full shows of ${grandSeats.length} seats, ${PARTIES} parties waiting on each`);
console.log(`sweep with nothing to offer: median ${median(idle).toFixed(1)} ms (${(median(idle) / used.length).toFixed(2)} ms per show), ${RUNS} runs`);
console.log(`sweep offering ${offering.offered} blocks (${free.length} seats freed): ${offerMs.toFixed(1)} ms`);
stopOutboxWorker();
await database.close();
process.exit(0);
