import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { readHolderId } from "@/lib/booking/holder";
import { quoteSwap } from "@/lib/booking/swap/start-swap";
import { seatLabel } from "@/lib/booking/seat-label";
import { currentUser } from "@/lib/auth/current-user";
import { AppError, toFailure } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { formatDateTime } from "@/lib/time";
import { BackLink } from "@/components/back-link";
import { confirmSwapAction } from "../../../swap-actions";

export const metadata = { title: "Confirm the change" };

/** What the swap costs, before anything changes: the old and new seats and the difference. */
export default async function SwapReviewPage({ params }: { params: Promise<{ orderId: string; showId: string }> }) {
  const { orderId, showId } = await params;
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/bookings/${orderId}/swap/${showId}`)}`);
  const holder = await readHolderId();
  let quote;
  try {
    if (!holder) throw new AppError("gone", "Your seats are no longer held.");
    quote = await quoteSwap(await getDb(), { orderId, userId: user.id, toShowId: showId, holder });
  } catch (err) {
    const code = toFailure(err).code;
    if (code === "not_found") notFound();
    redirect(`/bookings/${orderId}/swap/${showId}?error=${code}`);
  }
  const { order, toShow, oldLines, newLines, difference } = quote;
  const money = (n: number) => formatMoney(n, order.order.currency);
  const tz = toShow.theater.timeZone;
  const sum = (lines: { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0);

  return (
    <div className="space-y-5">
      <BackLink href={`/bookings/${orderId}/swap/${showId}`}>Choose other seats</BackLink>
      <h1 className="text-2xl font-bold">Confirm the change</h1>
      <dl className="grid gap-3 rounded-xl border border-line bg-panel p-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-zinc-300">Now</dt>
          <dd>
            {order.movie.title}, {formatDateTime(order.show.startsAt, order.theater.timeZone)}
            <br />
            {oldLines.map((l) => seatLabel(l.rowLabel, l.seatNumber)).join("; ")} · {money(sum(oldLines))}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-zinc-300">New</dt>
          <dd>
            {toShow.movie.title}, {formatDateTime(toShow.show.startsAt, tz)} · {toShow.screen.name}
            <br />
            {newLines.map((l) => seatLabel(l.rowLabel, l.seatNumber)).join("; ")} · {money(sum(newLines))}
          </dd>
        </div>
      </dl>
      <p data-testid="swap-difference" className="text-lg font-semibold">
        {difference > 0
          ? `You pay the difference: ${money(difference)}`
          : difference < 0
            ? `We refund the difference to your original payment: ${money(-difference)}`
            : "Same price: nothing to pay or refund."}
      </p>
      <p className="text-sm text-zinc-300">Your new tickets replace the old ones, whose QR codes stop working; we email the new ones.</p>
      <form action={confirmSwapAction}>
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="showId" value={showId} />
        <button className="min-h-11 rounded-lg bg-gold px-5 py-2 font-semibold text-ink">
          {difference > 0 ? `Pay ${money(difference)} and change` : "Change my booking"}
        </button>
      </form>
    </div>
  );
}
