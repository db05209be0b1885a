import { z } from "zod";
import { requireAdmin } from "@/lib/authz";
import { actionResult, fieldError } from "@/lib/admin/action-result";
import { MAX_POSTER_BYTES } from "@/lib/catalog/poster-image";
import { assertSameOrigin } from "@/lib/admin/same-origin";
import { uploadPoster } from "@/lib/catalog/upload-poster";
import { AppError, errorStatus } from "@/lib/errors";

// Multipart overhead around the file (boundaries, part headers) on top of the file itself.
const FORM_OVERHEAD = 64 * 1024;

// POST /admin/movies/<id>/poster (multipart, field "poster"). A route handler rather than a
// server action: server action bodies stop at 1 MB, and posters may be up to 2 MB.
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const result = await actionResult(async () => {
    const actor = await requireAdmin();
    assertSameOrigin(req);
    const { id } = await ctx.params;
    if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "That movie does not exist.");
    if (Number(req.headers.get("content-length") ?? 0) > MAX_POSTER_BYTES + FORM_OVERHEAD) throw fieldError("poster", "The poster must be 2 MB or smaller.");
    const form = await req.formData().catch(() => null);
    const file = form?.get("poster");
    if (!(file instanceof File)) throw fieldError("poster", "Choose an image file to upload.");
    return uploadPoster(actor, { movieId: id, file });
  });
  return Response.json(result, { status: result.ok ? 200 : errorStatus[result.code] });
}
