import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { choicesFrom, continuePath, seatIdsFrom } from "@/lib/seat-map/continue-path";
import { checkoutAction } from "../checkout-action";
import { SubmitOnLoad } from "./submit-on-load";

export const metadata = { title: "Continue to payment" };

// Where the magic link of a sign-in started at Continue lands. A GET changes nothing (issue 17):
// this page posts the seat map's own Continue form by itself as soon as it loads (a same-site
// POST, so the session cookie goes with it and no other site can start a checkout), with the
// button there for a browser that runs no script.
export default async function ContinuePage({ params, searchParams }: { params: Promise<{ showId: string }>; searchParams: Promise<{ seats?: string; types?: string; promo?: string }> }) {
  const { showId } = await params;
  if (!z.uuid().safeParse(showId).success) notFound();
  const query = await searchParams;
  const seatIds = seatIdsFrom(query.seats);
  const choices = choicesFrom(query.types, query.promo);
  if (!(await currentUser())) redirect(`/sign-in?${new URLSearchParams({ next: continuePath(showId, seatIds, choices) })}`);
  return (
    <form id="continue-checkout" action={checkoutAction} className="mx-auto max-w-md space-y-4 py-10 text-center">
      <h1 className="text-2xl font-bold">Taking you to payment…</h1>
      <input type="hidden" name="showId" value={showId} />
      <input type="hidden" name="seats" value={seatIds.join(",")} />
      <input type="hidden" name="types" value={choices.types ?? ""} />
      <input type="hidden" name="promo" value={choices.promo ?? ""} />
      <button className="min-h-11 rounded-lg bg-gold px-5 py-2 font-semibold text-ink">Continue to payment</button>
      <SubmitOnLoad formId="continue-checkout" />
    </form>
  );
}
