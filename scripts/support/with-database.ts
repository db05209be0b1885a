// One way for an operator's script to use the configured database: open it (Postgres or the
// embedded PGlite, migrated, never seeded), run the work, print a refusal (AppError) as a message
// with exit code 1 instead of a stack trace, and close it.
import { openDatabase, type Database } from "@/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export async function withDatabase(work: (database: Database) => Promise<void>): Promise<void> {
  const e = env();
  const database = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, seed: false });
  try {
    await work(database);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    console.error(err.message);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}
