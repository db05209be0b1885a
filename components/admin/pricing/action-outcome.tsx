import type { ActionResult } from "@/lib/errors";

/** The line under a form that says what its last submit did, read out by screen readers. */
export function ActionOutcome({ id, result, saved = "Saved." }: { id?: string; result: ActionResult<unknown> | null; saved?: string }) {
  return (
    <p id={id} role="status" aria-live="polite" className="text-sm">
      {result?.ok === true && <span className="text-emerald-300">{saved}</span>}
      {result?.ok === false && <span className="text-red-300">{result.message}</span>}
    </p>
  );
}
