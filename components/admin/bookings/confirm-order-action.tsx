"use client";
import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/errors";

type Result = ActionResult<{ result: string }> | null;

type Props = {
  orderId: string;
  /** The first button; nothing happens until the confirmation button is pressed. */
  label: string;
  confirmLabel: string;
  question: string;
  /** What each successful `result` means, in words. */
  outcomes: Record<string, string>;
  action: (raw: unknown) => Promise<Result>;
  /** Whether the order (as last rendered) still allows the action; the outcome stays shown after. */
  available: boolean;
  tone?: "danger" | "plain";
  /** More fields for the confirmation (a refund's reason), shown under the question. */
  fields?: ReactNode;
};

/**
 * A box-office action in two steps: the button asks, the confirmation does it. The result is
 * announced in a status region that outlives the button (the page re-renders without it).
 */
export function ConfirmOrderAction({ orderId, label, confirmLabel, question, outcomes, action, available, tone = "danger", fields }: Props) {
  const [asking, setAsking] = useState(false);
  const [state, submit, pending] = useActionState(async (_prev: Result, form: FormData) => {
    const result = await action(form);
    setAsking(false);
    return result;
  }, null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);

  const danger = tone === "danger";
  return (
    <div className="space-y-2">
      {available && !asking && (
        <button
          type="button"
          onClick={() => setAsking(true)}
          className={`min-h-11 rounded-lg border px-4 py-2 font-semibold ${danger ? "border-red-400 text-red-100 hover:bg-red-400/10" : "border-line text-zinc-100 hover:border-zinc-400"}`}
        >
          {label}
        </button>
      )}
      {available && asking && (
        <form action={submit} className="space-y-3 rounded-lg border border-line bg-ink p-3">
          <input type="hidden" name="orderId" value={orderId} />
          <p ref={questionRef} tabIndex={-1} className="text-sm">
            {question}
          </p>
          {fields}
          <div className="flex flex-wrap gap-3">
            <button disabled={pending} className={`min-h-11 rounded-lg px-4 py-2 font-semibold disabled:opacity-60 ${danger ? "bg-red-300 text-ink" : "bg-gold text-ink"}`}>
              {pending ? "Working…" : confirmLabel}
            </button>
            <button type="button" disabled={pending} onClick={() => setAsking(false)} className="min-h-11 rounded-lg border border-line px-4 py-2 text-zinc-100">
              Go back
            </button>
          </div>
        </form>
      )}
      <p role="status" className="text-sm">
        {state?.ok === false ? <span className="text-red-300">{state.message}</span> : state?.ok ? (outcomes[state.data.result] ?? "Done.") : ""}
      </p>
    </div>
  );
}
