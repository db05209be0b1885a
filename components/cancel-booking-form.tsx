"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";

type Result = ActionResult<{ result: string }> | null;

/** Cancel with a confirmation step; the outcome is announced to screen readers. */
type Labels = { idle: string; busy: string; done: string; confirm: string };
const BOOKING: Labels = { idle: "Cancel booking and refund", busy: "Cancelling…", done: "Booking cancelled. Your refund is on its way.", confirm: "Cancel this booking and refund it?" };

export function CancelBookingForm({ orderId, action, labels = BOOKING }: { orderId: string; action: (input: unknown) => Promise<Result>; labels?: Labels }) {
  const [state, submit, pending] = useActionState(async (_prev: Result, form: FormData) => action(form), null);
  return (
    <form action={submit} className="space-y-2" onSubmit={(e) => { if (!confirm(labels.confirm)) e.preventDefault(); }}>
      <input type="hidden" name="orderId" value={orderId} />
      <button disabled={pending} className="rounded-lg border border-red-400 px-4 py-2 text-red-100 hover:bg-red-400/10 disabled:opacity-60">
        {pending ? labels.busy : labels.idle}
      </button>
      <p role="status" className="text-sm">
        {state?.ok === false ? state.message : state?.ok ? labels.done : ""}
      </p>
    </form>
  );
}
