import { posterContentType } from "@/lib/catalog/poster-image";
import { readPoster } from "@/lib/catalog/poster-storage";
import { defineRoute } from "@/lib/handlers/define-route";

// GET /api/posters/<file>: uploaded posters, public like the rest of the catalogue. Only names
// the upload generated are served (checked before any file access).
export const GET = defineRoute<"public", { file: string }>("/api/posters/[file]", { auth: "public" }, async (_req, { params }) => {
  const { file } = await params;
  const contentType = posterContentType(file);
  const bytes = contentType ? await readPoster(file) : null;
  if (!contentType || !bytes) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": contentType,
      // Each upload gets a new name, so a name's bytes never change.
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
});
