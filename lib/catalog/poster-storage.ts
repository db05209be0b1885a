import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { isPosterFileName, POSTER_URL_PREFIX, type PosterFormat } from "./poster-image";

/** Uploaded posters live in <DATA_DIR>/uploads/posters, outside the build, so they survive deploys. */
export function postersDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ env().DATA_DIR, "uploads", "posters");
}

export async function writePoster(movieId: string, bytes: Uint8Array, format: PosterFormat): Promise<string> {
  const name = `${movieId}-${randomBytes(8).toString("hex")}.${format.ext}`;
  await mkdir(postersDir(), { recursive: true });
  await writeFile(path.join(postersDir(), name), bytes, { flag: "wx" });
  return name;
}

/** The bytes of an uploaded poster, or null for a name we never generated or a missing file. */
export async function readPoster(name: string): Promise<Buffer | null> {
  if (!isPosterFileName(name)) return null;
  try {
    return await readFile(path.join(postersDir(), name));
  } catch {
    return null;
  }
}

/** Deletes an uploaded poster by its URL; other URLs (the bundled /posters/*.svg) are left alone. */
export async function deleteUploadedPoster(url: string | null): Promise<void> {
  if (!url?.startsWith(POSTER_URL_PREFIX)) return;
  const name = url.slice(POSTER_URL_PREFIX.length);
  if (!isPosterFileName(name)) return;
  await unlink(path.join(postersDir(), name)).catch((err) => log.warn({ err, name }, "could not delete a replaced poster"));
}
