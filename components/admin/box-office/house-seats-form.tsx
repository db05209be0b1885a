"use client";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";

type Result = ActionResult<{ kept: number }> | null;

/** Instead of selling: keep the held seats off sale (guests, press, a broken seat). */
export function HouseSeatsForm({ showId, count, reserve, done }: { showId: string; count: number; reserve: (form: FormData) => Promise<Result>; done: string }) {
  const router = useRouter();
  const [state, submit, pending] = useActionState(async (_prev: Result, form: FormData) => {
    const result = await reserve(form);
    if (result?.ok) router.push(`${done}#house-seats`);
    return result;
  }, null);
  return (
    <form action={submit} className="space-y-3 rounded-xl border border-line bg-panel p-4">
      <input type="hidden" name="showId" value={showId} />
      <h2 className="text-lg font-semibold">Or keep them as house seats</h2>
      <div className="grid gap-1">
        <label htmlFor="house-note" className="text-sm">
          Note (who they are for)
        </label>
        <input id="house-note" name="note" maxLength={200} className="min-h-11 rounded-md border border-line bg-ink px-3 text-white focus:border-gold" />
      </div>
      {state && !state.ok && (
        <p role="alert" className="text-red-200">
          {state.message}
        </p>
      )}
      <button disabled={pending} className="min-h-11 rounded-lg border border-line px-4 font-semibold hover:border-zinc-300 disabled:opacity-60">
        Keep {count} seat{count === 1 ? "" : "s"} off sale
      </button>
    </form>
  );
}
