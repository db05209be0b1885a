import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";

// "Nothing changed" as the refusal tests check it: a digest of every row of each table, compared
// before and after a refused call. PGlite answers execute() with { rows }, postgres.js with the rows.

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** Each table's rows as one digest; every base table of the schema when no list is given. */
export async function tableDigests(db: Db, tables?: string[]): Promise<Record<string, string>> {
  const names =
    tables ??
    rowsOf<{ table_name: string }>(
      await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
    ).map((r) => r.table_name);
  const out: Record<string, string> = {};
  for (const table of names) {
    const result = await db.execute(sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${table}" t`));
    out[table] = rowsOf<{ h: string }>(result)[0].h;
  }
  return out;
}

/** The poster files an upload would add. */
export function uploadedPosters(): string[] {
  const dir = path.join(env().DATA_DIR, "uploads", "posters");
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** The first bytes of a PNG file: enough for the poster upload's type check. */
export const PNG_BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
