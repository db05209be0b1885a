"use client";
import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";

type Outcome = { refunded: number; alreadyRefunded: number; closed: number; failed: string[] };

function describe(o: Outcome): string {
  const parts = [o.refunded === 0 ? "Show cancelled. There were no paid orders to refund." : `Show cancelled. ${o.refunded === 1 ? "1 order" : `${o.refunded} orders`} refunded; each customer was emailed.`];
  if (o.alreadyRefunded) parts.push(`${o.alreadyRefunded} already refunded before.`);
  if (o.closed) parts.push(`${o.closed} unpaid checkout${o.closed === 1 ? "" : "s"} closed.`);
  if (o.failed.length) parts.push(`${o.failed.length} refund${o.failed.length === 1 ? "" : "s"} failed; cancel again to retry them.`);
  return parts.join(" ");
}

/** Cancel with a confirmation step that says what will happen; the outcome is announced. */
export function CancelShowButton({ showId, what, sold, cancelled, cancel }: { showId: string; what: string; sold: number; cancelled: boolean; cancel: (input: unknown) => Promise<ActionResult<Outcome>> }) {
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<ActionResult<Outcome> | null>(null);
  const [pending, startTransition] = useTransition();
  const openRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const message = result ? (result.ok ? describe(result.data) : result.message) : "";
  return (
    <div className="space-y-2">
      {!cancelled && !asking && (
        <button
          ref={openRef}
          type="button"
          onClick={() => {
            setAsking(true);
            requestAnimationFrame(() => confirmRef.current?.focus());
          }}
          className="rounded border border-red-400 px-2 py-1 text-xs text-red-100 hover:bg-red-400/10"
          aria-label={`Cancel show: ${what}`}
        >
          Cancel show
        </button>
      )}
      {asking && (
        <div role="group" aria-label={`Cancel ${what}?`} className="space-y-2 rounded-lg border border-red-400 bg-red-400/10 p-2 text-xs text-red-50">
          <p>
            Cancel {what}? It leaves sale now; every paid order is refunded and each customer is emailed ({sold === 1 ? "1 ticket" : `${sold} tickets`} sold).
          </p>
          <div className="flex gap-2">
            <button
              ref={confirmRef}
              type="button"
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  const answer = await cancel({ showId });
                  setResult(answer);
                  setAsking(false);
                  // The panel that held focus is gone: move it to the outcome.
                  requestAnimationFrame(() => statusRef.current?.focus());
                })
              }
              className="rounded bg-red-400 px-2 py-1 font-semibold text-ink disabled:opacity-60"
            >
              {pending ? "Cancelling…" : "Confirm cancel"}
            </button>
            <button
              type="button"
              disabled={pending}
              onClick={() => {
                setAsking(false);
                requestAnimationFrame(() => openRef.current?.focus());
              }}
              className="rounded border border-line px-2 py-1"
            >
              Keep show
            </button>
          </div>
        </div>
      )}
      <p ref={statusRef} tabIndex={-1} role="status" className={`text-xs ${result && !result.ok ? "text-red-300" : "text-emerald-200"}`}>
        {message}
      </p>
    </div>
  );
}
