// `npm run db:migrate`: applies the committed migrations to the configured database.
import { openDatabase } from "./client";
import { env } from "@/lib/env";

const e = env();
const database = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, seed: false });
console.log(`Migrations applied (${database.kind}).`);
await database.close();
