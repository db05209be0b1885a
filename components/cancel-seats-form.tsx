"use client";
import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/errors";

type Result = ActionResult<{ result: string; refunded?: number }> | null;
type Seat = { seatId: string; label: string; price: string };

/** Issue 21: cancel some seats of a booking, with a confirmation; the outcome is announced. */
export function CancelSeatsForm({ orderId, seats, action }: { orderId: string; seats: Seat[]; action: (input: unknown) => Promise<Result> }) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [state, submit, pending] = useActionState(async () => action({ orderId, seatIds: [...chosen] }), null);
  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <form
      action={submit}
      className="space-y-2"
      onSubmit={(e) => {
        if (!chosen.size || !confirm(`Cancel ${chosen.size} ${chosen.size === 1 ? "seat" : "seats"} and refund ${chosen.size === 1 ? "it" : "them"}?`)) e.preventDefault();
      }}
    >
      <fieldset className="space-y-1">
        <legend className="text-sm text-zinc-300">Seats to cancel</legend>
        {seats.map((s) => (
          <label key={s.seatId} className="flex min-h-11 items-center gap-3">
            <input type="checkbox" className="size-5" checked={chosen.has(s.seatId)} onChange={() => toggle(s.seatId)} />
            <span>
              {s.label} · {s.price}
            </span>
          </label>
        ))}
      </fieldset>
      <button disabled={pending || chosen.size === 0} className="min-h-11 rounded-lg border border-red-400 px-4 py-2 text-red-100 hover:bg-red-400/10 disabled:opacity-60">
        {pending ? "Cancelling…" : "Cancel these seats and refund"}
      </button>
      <p role="status" className="text-sm">
        {state?.ok === false ? state.message : state?.ok ? "Seats cancelled. Your refund is on its way; your other tickets still work." : ""}
      </p>
    </form>
  );
}
