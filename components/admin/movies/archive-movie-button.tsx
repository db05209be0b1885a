"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";

type Result = ActionResult<{ status: "active" | "archived" }> | null;

/** Archives a movie (it leaves the customer pages) or brings it back; the outcome is announced. */
export function ArchiveMovieButton({ movieId, archived, action }: { movieId: string; archived: boolean; action: (raw: unknown) => Promise<Result> }) {
  const [state, submit, pending] = useActionState(async (_prev: Result, form: FormData) => action(form), null);
  const isArchived = state?.ok ? state.data.status === "archived" : archived;
  return (
    <form action={submit} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="id" value={movieId} />
      <input type="hidden" name="archived" value={isArchived ? "false" : "true"} />
      <button disabled={pending} className="rounded-lg border border-line px-4 py-2 text-zinc-100 hover:border-zinc-400 disabled:opacity-60">
        {isArchived ? "Unarchive" : "Archive"}
      </button>
      <p role="status" className="text-sm">
        {state?.ok === false ? (
          <span className="text-red-300">{state.message}</span>
        ) : state?.ok ? (
          isArchived ? "Archived: it no longer shows on the customer pages." : "Back on the customer pages."
        ) : (
          ""
        )}
      </p>
    </form>
  );
}
