// `npm run db:seed`: opens the configured database (migrating it) and loads the demo data if empty.
import { openDatabase } from "./client";
import { env } from "@/lib/env";

const e = env();
const database = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, seed: false });
const { seedIfEmpty } = await import("./seed");
const seeded = await seedIfEmpty(database.db, new Date(), { demoPricing: true });
console.log(seeded ? "Seeded the demo cinema." : "Database already has data; nothing seeded.");
await database.close();
