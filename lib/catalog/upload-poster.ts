import "server-only";
import { getDb } from "@/db/client";
import { movieForAdmin, setMoviePoster } from "@/db/queries/movies";
import { AppError, fieldError } from "@/lib/errors";
import type { AdminActor } from "@/lib/auth/session-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { checkPoster, MAX_POSTER_BYTES, POSTER_URL_PREFIX } from "./poster-image";
import { deleteUploadedPoster, writePoster } from "./poster-storage";

/** Stores a checked poster image for a movie and points the movie at it; the old upload is deleted. */
export async function uploadPoster(actor: AdminActor, input: { movieId: string; file: File }): Promise<{ posterUrl: string }> {
  // The size is known before reading: an oversized file is refused without buffering it.
  if (input.file.size > MAX_POSTER_BYTES) throw fieldError("poster", "The poster must be 2 MB or smaller.");
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const verdict = checkPoster(bytes, input.file.type);
  if (!verdict.ok) throw fieldError("poster", verdict.message);

  const db = await getDb();
  const movie = await movieForAdmin(db, input.movieId);
  if (!movie) throw new AppError("not_found", "That movie does not exist.");

  const name = await writePoster(movie.id, bytes, verdict.format);
  const posterUrl = POSTER_URL_PREFIX + name;
  try {
    await db.transaction(async (tx) => {
      await setMoviePoster(tx, movie.id, posterUrl);
      await recordAudit(tx, actor, "movie.poster", { type: "movie", id: movie.id }, { posterUrl, bytes: bytes.length, type: verdict.format.contentType });
    });
  } catch (err) {
    await deleteUploadedPoster(posterUrl);
    throw err;
  }
  await deleteUploadedPoster(movie.posterUrl);
  return { posterUrl };
}
