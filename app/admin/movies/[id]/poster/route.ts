import { z } from "zod";
import { MAX_POSTER_BYTES } from "@/lib/catalog/poster-image";
import { assertSameOrigin } from "@/lib/admin/same-origin";
import { uploadPoster } from "@/lib/catalog/upload-poster";
import { AppError, errorStatus, fieldError, toFailure } from "@/lib/errors";
import { defineRoute } from "@/lib/handlers/define-route";

// Multipart overhead around the file (boundaries, part headers) on top of the file itself.
const FORM_OVERHEAD = 64 * 1024;

// The upload form reads an action result ({ ok, data } | { ok: false, message, fieldErrors }).
const asResult = (err: unknown) => {
  const failure = toFailure(err);
  return Response.json(failure, { status: errorStatus[failure.code] });
};

// POST /admin/movies/<id>/poster (multipart, field "poster"). A route handler rather than a
// server action: server action bodies stop at 1 MB, and posters may be up to 2 MB. Movies are
// chain-wide: chain admins only (issue 19).
export const POST = defineRoute<"chain", { id: string }>("/admin/movies/[id]/poster", { auth: "chain", errors: asResult }, async (req, { params, user }) => {
  assertSameOrigin(req);
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "That movie does not exist.");
  if (Number(req.headers.get("content-length") ?? 0) > MAX_POSTER_BYTES + FORM_OVERHEAD) throw new AppError("payload_too_large", "The poster must be 2 MB or smaller.", { fieldErrors: { poster: ["The poster must be 2 MB or smaller."] } });
  const form = await req.formData().catch(() => null);
  const file = form?.get("poster");
  if (!(file instanceof File)) throw fieldError("poster", "Choose an image file to upload.");
  return Response.json({ ok: true, data: await uploadPoster(user, { movieId: id, file }) });
});
