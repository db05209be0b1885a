"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";

type Result = ActionResult<{ result: string }> | null;

/** Cancel with a confirmation step; the outcome is announced to screen readers. */
export function CancelBookingForm({ orderId, action }: { orderId: string; action: (input: unknown) => Promise<Result> }) {
  const [state, submit, pending] = useActionState(async (_prev: Result, form: FormData) => action(form), null);
  return (
    <form action={submit} className="space-y-2" onSubmit={(e) => { if (!confirm("Cancel this booking and refund it?")) e.preventDefault(); }}>
      <input type="hidden" name="orderId" value={orderId} />
      <button disabled={pending} className="rounded-lg border border-red-400 px-4 py-2 text-red-100 hover:bg-red-400/10 disabled:opacity-60">
        {pending ? "Cancelling…" : "Cancel booking and refund"}
      </button>
      <p role="status" className="text-sm">
        {state?.ok === false ? state.message : state?.ok ? "Booking cancelled. Your refund is on its way." : ""}
      </p>
    </form>
  );
}
