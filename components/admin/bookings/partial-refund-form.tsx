"use client";
import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/errors";

type Result = ActionResult<{ result: string; refunded?: number }> | null;
type Seat = { seatId: string; label: string; price: string; admitted: boolean };

type Props = {
  orderId: string;
  seats: Seat[];
  action: (raw: unknown) => Promise<Result>;
  /** "Refunded at the counter" or "to the original payment": said in the confirmation. */
  whereMoneyGoes: string;
};

const OUTCOMES: Record<string, string> = {
  cancelled: "Refunded. Those tickets are void, their seats are back on sale and the customer has been emailed; the other tickets keep their codes.",
  refunded: "Every seat was chosen, so the whole booking was refunded.",
  already_cancelled: "Those seats were refunded already: nothing more was done.",
  already_refunded: "Refunded already: nothing more was done.",
};

/**
 * Staff refund some seats of a paid booking (issue 23). The form sends the chosen seats as a list
 * (a FormData would keep only one of several checkboxes of the same name). A reason is asked
 * for as soon as a chosen ticket was admitted at the door; the server refuses without one.
 */
export function PartialRefundForm({ orderId, seats, action, whereMoneyGoes }: Props) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [state, submit, pending] = useActionState(async (_prev: Result, form: FormData) => {
    const result = await action({ orderId, seatIds: form.getAll("seatIds").map(String), reason: String(form.get("reason") ?? "") });
    if (result?.ok) setChosen([]);
    return result;
  }, null);
  const admittedChosen = seats.filter((s) => s.admitted && chosen.includes(s.seatId)).length;

  return (
    <form action={submit} className="space-y-3 rounded-lg border border-line p-3" aria-labelledby="partial-refund-title">
      <p id="partial-refund-title" className="font-semibold">
        Refund some seats
      </p>
      <fieldset className="grid gap-1">
        <legend className="text-sm text-zinc-300">Seats to refund ({whereMoneyGoes})</legend>
        {seats.map((s) => (
          <label key={s.seatId} className="flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              name="seatIds"
              value={s.seatId}
              checked={chosen.includes(s.seatId)}
              onChange={(e) => setChosen((c) => (e.target.checked ? [...c, s.seatId] : c.filter((id) => id !== s.seatId)))}
              className="size-5"
            />
            <span>
              {s.label} · {s.price}
              {s.admitted && <span className="text-amber-300"> · checked in</span>}
            </span>
          </label>
        ))}
      </fieldset>
      {admittedChosen > 0 && (
        <p className="rounded-lg border-2 border-amber-300 bg-amber-300/10 p-3 font-semibold" data-testid="partial-refund-warning">
          {admittedChosen === 1 ? "1 chosen ticket was" : `${admittedChosen} chosen tickets were`} already admitted at the door. The refund needs a reason, which goes to the audit log.
        </p>
      )}
      <div className="grid gap-1">
        <label htmlFor="partial-refund-reason" className="text-sm font-medium">
          Reason {admittedChosen > 0 ? "(required)" : "(optional)"}
        </label>
        <textarea id="partial-refund-reason" name="reason" required={admittedChosen > 0} maxLength={500} rows={2} className="rounded-md border border-line bg-ink px-3 py-2" />
      </div>
      <button disabled={pending || chosen.length === 0} className="min-h-11 rounded-lg bg-red-300 px-4 py-2 font-semibold text-ink disabled:opacity-60">
        {pending ? "Working…" : chosen.length ? `Refund ${chosen.length === 1 ? "1 seat" : `${chosen.length} seats`}` : "Choose seats to refund"}
      </button>
      <p role="status" className="text-sm">
        {state?.ok === false ? <span className="text-red-300">{state.message}</span> : state?.ok ? (OUTCOMES[state.data.result] ?? "Done.") : ""}
      </p>
    </form>
  );
}
