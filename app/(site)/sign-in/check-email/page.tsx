import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { backends } from "@/lib/env";
import { MAGIC_LINK_EXPIRES_IN } from "@/lib/auth/magic-link-settings";
import { safeRedirectPath } from "@/lib/auth/redirect-target";
import { HeldSeatsPanel, heldSeatsOf } from "@/components/seat-map/held-seats";
import { HoldCountdown } from "@/components/seat-map/hold-countdown";
import { parseContinuePath } from "@/lib/seat-map/continue-path";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  // The email backend is a runtime setting, not something to bake in at build time.
  await connection();
  const { next } = await searchParams;
  const resuming = parseContinuePath(safeRedirectPath(Array.isArray(next) ? next[0] : next));
  const held = resuming ? await heldSeatsOf(resuming.showId, { types: resuming.types, promo: resuming.promo }) : null;
  const usesOutbox = backends().email === "outbox";
  return (
    <div className="mx-auto max-w-md space-y-6 py-6 sm:py-10">
      {held && <HeldSeatsPanel held={held} />}
      <section className="space-y-3 rounded-xl border border-line bg-panel p-5">
        <h1 className="text-2xl font-bold">Check your email</h1>
        {held ? (
          // What limits the customer here is the hold on their seats, not the link's hour.
          <p className="text-zinc-200">
            We sent you a sign-in link. Open it on this device: it signs you in and takes you straight to checkout with your seats. Your seats
            stay held for <HoldCountdown expiresAt={held.expiresAt} variant="remaining" /> more.
          </p>
        ) : (
          <p className="text-zinc-200">
            We sent you a sign-in link. Open it on this device to finish signing in. It works once and expires in {MAGIC_LINK_EXPIRES_IN}.
          </p>
        )}
        {usesOutbox && (
          <p className="rounded-lg border border-gold/40 bg-gold/10 p-3 text-sm text-zinc-100">
            This server has no email service configured, so the message is in the{" "}
            <Link href="/dev/outbox" className="font-semibold text-gold underline">
              dev outbox
            </Link>{" "}
            at <code>/dev/outbox</code>.
          </p>
        )}
      </section>
      <p className="text-sm text-zinc-300">
        No email after a few minutes? Check your spam folder, or{" "}
        <Link href="/sign-in" className="text-gold underline">
          try again
        </Link>
        .
      </p>
    </div>
  );
}
