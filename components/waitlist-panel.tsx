"use client";
import Link from "next/link";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import type { WaitlistStatus } from "@/lib/booking/waitlist/entries";

type Result = ActionResult<WaitlistStatus> | null;
type Action = (input: unknown) => Promise<ActionResult<WaitlistStatus>>;

const dateTime = (d: Date, timeZone: string) => new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }).format(d);

/**
 * Shown on a sold-out showtime: join or leave its waitlist. Visitors are asked to sign in first.
 * The outcome is announced (role=status); the server action decides, this only reflects it.
 */
export function WaitlistPanel(props: {
  showId: string;
  soldOut: boolean;
  signedIn: boolean;
  email: string | null;
  initial: WaitlistStatus;
  timeZone: string;
  join: Action;
  leave: Action;
  /** Issue 21: a party waits for up to this many seats together, optionally in one of these tiers. */
  maxParty?: number;
  tiers?: string[];
}) {
  const [state, submit, pending] = useActionState(async (_prev: Result, form: FormData) => {
    if (form.get("intent") === "leave") return props.leave({ showId: props.showId });
    return props.join({
      showId: props.showId,
      partySize: Number(form.get("partySize") ?? 1),
      tier: String(form.get("tier") ?? ""),
      acceptApart: form.get("acceptApart") === "on",
    });
  }, null);
  const status = state?.ok ? state.data : props.initial;
  const error = state && !state.ok ? state.message : null;

  const button = (intent: "join" | "leave", label: string) => (
    <button
      name="intent"
      value={intent}
      disabled={pending}
      className={
        intent === "join"
          ? "rounded-lg bg-gold px-4 py-2 font-semibold text-ink hover:brightness-110 disabled:opacity-60"
          : "rounded-lg border border-line px-4 py-2 text-zinc-100 hover:border-zinc-400 disabled:opacity-60"
      }
    >
      {pending ? "Saving…" : label}
    </button>
  );

  return (
    <section aria-labelledby="waitlist-heading" className="space-y-3 rounded-xl border border-gold/60 bg-panel p-4">
      <h2 id="waitlist-heading" className="text-lg font-semibold">
        {!props.soldOut ? "Waitlist" : props.signedIn && status.state === "waiting" ? "Sold out — you are on the waitlist" : "Sold out — join the waitlist"}
      </h2>
      {!props.signedIn ? (
        <p className="text-zinc-200">
          Every seat is taken right now.{" "}
          <Link href={`/sign-in?${new URLSearchParams({ next: `/shows/${props.showId}` })}`} className="font-medium text-gold underline hover:text-white">
            Sign in to join the waitlist
          </Link>{" "}
          and we will email you if seats come back.
        </p>
      ) : (
        <form action={submit} className="space-y-3">
          <p role="status" className="text-zinc-100">
            {status.state === "waiting" && (
              <>
                You are on the waitlist for {status.partySize} {status.partySize === 1 ? "seat" : "seats"}
                {status.acceptApart ? "" : status.partySize > 1 ? " together" : ""}, number {status.place} in line. When they come back we hold them for you
                and email {props.email ?? "you"} a link to book them.
              </>
            )}
            {status.state === "notified" && (
              <>We emailed you on {dateTime(new Date(status.notifiedAt), props.timeZone)} when seats came back. Join again to hear about the next ones.</>
            )}
            {status.state === "none" && (state?.ok ? "You have left the waitlist." : "Every seat is taken right now. Join the waitlist and we will email you if seats come back.")}
          </p>
          {error && (
            <p role="alert" className="text-sm text-red-200">
              {error}
            </p>
          )}
          {status.state !== "waiting" && props.soldOut && (
            <div className="flex flex-wrap items-end gap-3">
              <label className="flex flex-col text-sm">
                Seats
                <select name="partySize" defaultValue="2" className="min-h-11 rounded-md border border-line bg-ink px-2">
                  {Array.from({ length: props.maxParty ?? 10 }, (_, i) => (
                    <option key={i + 1} value={i + 1}>
                      {i + 1}
                    </option>
                  ))}
                </select>
              </label>
              {props.tiers && props.tiers.length > 1 && (
                <label className="flex flex-col text-sm">
                  Tier
                  <select name="tier" defaultValue="" className="min-h-11 rounded-md border border-line bg-ink px-2 capitalize">
                    <option value="">Any</option>
                    {props.tiers.map((t) => (
                      <option key={t} value={t}>
                        {t}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" name="acceptApart" className="size-5" /> Seats apart are fine
              </label>
            </div>
          )}
          <div className="flex flex-wrap gap-2">
            {status.state === "waiting" ? button("leave", "Leave the waitlist") : props.soldOut && button("join", status.state === "notified" ? "Join the waitlist again" : "Join the waitlist")}
          </div>
        </form>
      )}
    </section>
  );
}
