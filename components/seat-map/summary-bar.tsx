"use client";
import { useFormStatus } from "react-dom";
import { formatCountdown } from "@/lib/seat-map/format";
import type { Notice } from "./use-seat-booking";

type Props = {
  showId: string;
  seatsText: string;
  count: number;
  totalText: string;
  /** Ms left on the hold, or null when nothing is held yet. */
  remainingMs: number | null;
  notice: Notice | null;
  /** Why the selection cannot go to checkout yet (a broken rule), shown as a warning. */
  ruleMessage: string | null;
  /** Why Continue is unavailable (no seats, saving, a rule), or null when it is ready. */
  blockedReason: string | null;
  checkout: (formData: FormData) => Promise<void>;
  /** The ticket types and promo code (issue 18), above the total; their hidden fields join the Continue form by its id. */
  extra?: React.ReactNode;
};

const toneClass = {
  error: "border-red-400 bg-red-950/70 text-red-100",
  warning: "border-amber-300 bg-amber-950/70 text-amber-100",
  info: "border-sky-300 bg-sky-950/70 text-sky-100",
} as const;

/**
 * The summary under the map (beside it on wide screens): messages, selection, total, hold
 * countdown and Continue. Not a sticky bar: it would hide seats and the legend.
 */
export function SummaryBar({ showId, seatsText, count, totalText, remainingMs, notice, ruleMessage, blockedReason, checkout, extra }: Props) {
  const reasonId = `${showId}-continue-reason`;
  const ruleId = `${showId}-rule`;
  const low = remainingMs !== null && remainingMs <= 60_000;
  return (
    <div data-testid="seat-summary" className="rounded-xl border border-line bg-panel px-4 pb-3 pt-3">
      {/* One live region for everything the customer must hear: refusals, conflicts, rules. */}
      <div data-testid="seat-message" role="status" aria-live="polite" className="mb-2 space-y-2 empty:mb-0">
        {notice && (
          <p key={notice.key} className={`rounded-lg border px-3 py-2 text-sm ${toneClass[notice.tone]}`}>
            {notice.text}
            {notice.href && (
              <>
                {" "}
                <a href={notice.href} className="font-semibold underline">
                  Back to the line
                </a>
              </>
            )}
          </p>
        )}
        {ruleMessage && ruleMessage !== notice?.text && (
          <p id={ruleId} className={`rounded-lg border px-3 py-2 text-sm ${toneClass.warning}`}>
            {ruleMessage}
          </p>
        )}
      </div>
      <p className="text-sm text-zinc-200">{count === 0 ? "No seats selected" : `${count} ${count === 1 ? "seat" : "seats"}: ${seatsText}`}</p>
      {extra && <div className="mt-3">{extra}</div>}
      <div className="mt-1 flex items-center gap-4">
        <div className="min-w-0 flex-1">
          <p className="text-lg font-semibold text-white">Total {totalText}</p>
          {remainingMs !== null && (
            <p className={`text-sm ${low ? "font-semibold text-red-200" : "text-zinc-200"}`}>
              {remainingMs > 0 ? "Held for " : "Hold expired "}
              <span data-testid="hold-countdown" className="font-mono tabular-nums">
                {formatCountdown(remainingMs)}
              </span>
            </p>
          )}
        </div>
        <form
          id={continueFormId(showId)}
          action={checkout}
          onSubmit={(e) => {
            // aria-disabled rather than disabled keeps the button focusable, so keyboard and
            // screen-reader users can reach it and hear why it is not ready.
            if (blockedReason) e.preventDefault();
          }}
        >
          <input type="hidden" name="showId" value={showId} />
          <ContinueButton blocked={blockedReason !== null} describedBy={blockedReason ? [reasonId, ruleMessage ? ruleId : ""].join(" ").trim() : undefined} />
        </form>
      </div>
      {blockedReason && (
        <p id={reasonId} className="mt-1 text-right text-xs text-zinc-300">
          {blockedReason}
        </p>
      )}
    </div>
  );
}

function ContinueButton({ blocked, describedBy }: { blocked: boolean; describedBy?: string }) {
  const { pending } = useFormStatus();
  const off = blocked || pending;
  return (
    <button
      type="submit"
      data-testid="continue"
      aria-disabled={off}
      aria-describedby={describedBy}
      className={`h-11 rounded-lg px-6 font-semibold ${off ? "cursor-not-allowed bg-zinc-700 text-zinc-200" : "bg-gold text-ink hover:bg-amber-200"}`}
    >
      {pending ? "Continuing…" : "Continue"}
    </button>
  );
}

export const continueFormId = (showId: string) => `${showId}-continue-form`;
