import postgres from "postgres";
import { openDatabase, setDatabaseForTests, type Database } from "@/db/client";

/**
 * A database of this test file's own: a fresh Postgres database on the DATABASE_URL server
 * (dropped afterwards) when DATABASE_URL is set, otherwise an in-memory PGlite.
 * It is installed as the process database so lib/ code under test uses it too.
 */
export async function createTestDatabase(opts: { seed?: boolean } = {}): Promise<Database & { name: string }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const database = await openDatabase({ pgliteDir: "memory://", seed: opts.seed });
    setDatabaseForTests(database);
    return { ...database, name: "pglite" };
  }
  const name = `marquee_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), seed: opts.seed });
  setDatabaseForTests(database);
  return {
    ...database,
    name,
    close: async () => {
      setDatabaseForTests(undefined);
      await database.close();
      const dropper = postgres(base, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
