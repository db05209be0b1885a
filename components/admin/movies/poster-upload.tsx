"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = ["image/png", "image/jpeg", "image/webp"];

type Status = { kind: "idle" | "busy" | "done" | "error"; message: string };

/**
 * Uploads a poster to the movie's poster route (a route handler: posters may exceed the 1 MB
 * server-action body). The size and type are checked here to save a wasted upload; the server
 * checks them again by the file's bytes.
 */
export function PosterUpload({ movieId, title, posterUrl }: { movieId: string; title: string; posterUrl: string | null }) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>({ kind: "idle", message: "" });
  const [current, setCurrent] = useState(posterUrl);

  async function upload(form: HTMLFormElement) {
    const file = new FormData(form).get("poster");
    if (!(file instanceof File) || file.size === 0) return setStatus({ kind: "error", message: "Choose an image file to upload." });
    if (file.size > MAX_BYTES) return setStatus({ kind: "error", message: "The poster must be 2 MB or smaller." });
    if (!TYPES.includes(file.type)) return setStatus({ kind: "error", message: "Posters must be PNG, JPEG or WebP images." });
    setStatus({ kind: "busy", message: "Uploading…" });
    try {
      const res = await fetch(`/admin/movies/${movieId}/poster`, { method: "POST", body: new FormData(form) });
      const body = (await res.json().catch(() => null)) as { ok: true; data: { posterUrl: string } } | { ok: false; message: string; fieldErrors?: Record<string, string[]> } | null;
      if (!body) return setStatus({ kind: "error", message: "The upload failed. Please try again." });
      if (!body.ok) return setStatus({ kind: "error", message: body.fieldErrors?.poster?.join(" ") ?? body.message });
      setCurrent(body.data.posterUrl);
      form.reset();
      setStatus({ kind: "done", message: "Poster uploaded." });
      router.refresh();
    } catch {
      setStatus({ kind: "error", message: "The upload failed: check the connection and try again." });
    }
  }

  return (
    <div className="flex flex-wrap items-start gap-4">
      {current ? (
        // eslint-disable-next-line @next/next/no-img-element -- posters are local files served as they are
        <img src={current} alt={`${title} poster`} width={96} height={144} className="h-36 w-24 rounded-md border border-line object-cover" />
      ) : (
        <div className="grid h-36 w-24 place-items-center rounded-md border border-dashed border-line text-center text-xs text-zinc-300">No poster yet</div>
      )}
      <form
        className="grid gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void upload(e.currentTarget);
        }}
      >
        <label htmlFor="poster" className="font-medium">
          Poster image
        </label>
        <input
          id="poster"
          name="poster"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          aria-describedby="poster-hint poster-status"
          aria-invalid={status.kind === "error" ? true : undefined}
          className="text-sm file:mr-3 file:rounded-md file:border file:border-line file:bg-panel file:px-3 file:py-1.5 file:text-zinc-100"
        />
        <p id="poster-hint" className="text-sm text-zinc-300">PNG, JPEG or WebP, up to 2 MB.</p>
        <button disabled={status.kind === "busy"} className="justify-self-start rounded-lg border border-gold px-4 py-2 font-semibold text-gold hover:bg-gold/10 disabled:opacity-60">
          Upload poster
        </button>
        <p id="poster-status" role="status" className={`text-sm ${status.kind === "error" ? "text-red-300" : ""}`}>
          {status.message}
        </p>
      </form>
    </div>
  );
}
